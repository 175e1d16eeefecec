/**
 * Zoho CRM answers in two error shapes: a top-level `{code, details, message, status:"error"}`
 * with a 4xx/5xx status, and per-record items of the same shape inside a 2xx/207 `data` array.
 * Both become a NodeApiError whose message names what was wrong and whose description says what
 * to do about it.
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { ZohoResponse } from '../zohoRequest';
import type { CrmResultItem } from './types';

const asObject = (value: unknown): IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : {};

export interface ZohoErrorBody {
	code?: string;
	message?: string;
	details?: IDataObject;
}

/** The error object of a CRM answer, wherever Zoho put it. */
export function errorBody(body: unknown): ZohoErrorBody {
	const object = asObject(body);
	for (const key of ['data', 'watch']) {
		const list = object[key];
		if (Array.isArray(list) && list.length) return asObject(list[0]) as ZohoErrorBody;
	}
	return object as ZohoErrorBody;
}

const HINTS: Record<string, string> = {
	OAUTH_SCOPE_MISMATCH:
		'The Zoho connection was not granted a scope this call needs. Reconnect the Zoho Task Sync credential so Zoho asks for the scopes again.',
	NO_PERMISSION:
		"The Zoho user behind the credential is not allowed to do this. Check that user's CRM profile permissions.",
	INVALID_TOKEN: 'Reconnect the Zoho Task Sync credential.',
	INVALID_URL_PATTERN: 'The module or record path does not exist in this Zoho CRM org.',
	INVALID_MODULE: 'The module does not exist in this Zoho CRM org, or the API user cannot see it.',
	REQUIRED_PARAM_MISSING: 'A parameter Zoho requires was not sent.',
	LIMIT_EXCEEDED: 'A Zoho CRM limit was reached (API credits per day, or records per call).',
	NOT_SUBSCRIBED: 'The notification channel does not exist (any more) in Zoho CRM.',
	DUPLICATE_DATA: 'A record with the same unique value already exists.',
	RECORD_LOCKED: 'The record is locked in Zoho CRM (for example by an approval process).',
};

/** A scope name (`ZohoCRM.x.Y`) Zoho's error mentions, in its details or message, if any. */
function scopeNamed(body: ZohoErrorBody): string | undefined {
	return /ZohoCRM(?:\.[A-Za-z0-9_{}]+)+/.exec(`${JSON.stringify(body.details ?? {})} ${body.message ?? ''}`)?.[0];
}

/** A 4xx/5xx answer without per-record items → a NodeApiError naming Zoho's code and the fix. */
export function crmTopLevelError(node: INode, response: ZohoResponse, what: string): NodeApiError {
	const body = errorBody(response.body);
	const code = body.code ?? `HTTP ${response.statusCode}`;
	const details = asObject(body.details);
	const named = ['api_name', 'param_name', 'header_name', 'id']
		.filter((key) => details[key] !== undefined)
		.map((key) => `${key} ${JSON.stringify(details[key])}`);
	let message = `Zoho CRM refused to ${what}: ${body.message ?? 'no message'} (${code})`;
	if (response.statusCode === 401) message = `Zoho CRM did not accept the credential while trying to ${what} (${code})`;
	if (code === 'OAUTH_SCOPE_MISMATCH') {
		const scope = scopeNamed(body);
		message = `The Zoho credential lacks ${scope ? `the scope ${scope}` : 'a Zoho CRM scope'} needed to ${what} (${code})`;
	}
	if (response.statusCode === 403) message = `The Zoho CRM user may not ${what} (${code})`;
	if (response.statusCode === 404) message = `Zoho CRM has no such resource while trying to ${what} (${code})`;
	const hint = HINTS[code] ?? (response.statusCode === 401 ? HINTS.INVALID_TOKEN : undefined);
	const description = [named.length ? `Zoho named ${named.join(', ')}.` : '', hint ?? ''].filter(Boolean).join(' ');
	return new NodeApiError(node, (response.body ?? {}) as JsonObject, {
		message,
		description: description || undefined,
		httpCode: String(response.statusCode),
	});
}

/**
 * One failed per-record item → a NodeApiError that names the field (api_name and json_path), the
 * value that was sent for it, and Zoho's words. `sent` is the record as it went out.
 */
export function crmRecordError(
	node: INode,
	item: CrmResultItem,
	sent: IDataObject | undefined,
	label: string,
	itemIndex?: number,
): NodeApiError {
	const details = asObject(item.details);
	const apiName = typeof details.api_name === 'string' ? details.api_name : undefined;
	const path = typeof details.json_path === 'string' ? details.json_path : undefined;
	const sentValue = apiName && sent ? sent[apiName] : undefined;
	// A secret the node sent (a notification channel's token) is named, never shown.
	const secret = !!apiName && /token|secret|password/i.test(apiName);
	const value = sentValue === undefined ? '' : secret ? ' (value withheld)' : ` (value ${JSON.stringify(sentValue)})`;
	let message: string;
	if (item.code === 'MANDATORY_NOT_FOUND' && apiName) {
		message = `The ${label} field ${apiName} is required but was missing or empty`;
	} else if (item.message === 'the id given seems to be invalid' || (!apiName && details.id !== undefined)) {
		const id = details.id ?? sent?.id;
		message = `No ${label} with ID ${JSON.stringify(id ?? '')} exists in Zoho CRM (${item.code})`;
	} else if (apiName) {
		message = `Zoho CRM rejected the ${label} field ${apiName}${value}: ${item.message} (${item.code})`;
	} else {
		message = `Zoho CRM rejected the ${label}: ${item.message} (${item.code})`;
	}
	const facts = [
		apiName ? `Field: ${apiName}` : '',
		path ? `at ${path}` : '',
		typeof details.expected_data_type === 'string' ? `expected type: ${details.expected_data_type}` : '',
		details.maximum_length !== undefined ? `maximum length: ${String(details.maximum_length)}` : '',
	].filter(Boolean);
	const hint = HINTS[item.code];
	return new NodeApiError(node, item as unknown as JsonObject, {
		message,
		description: [facts.join(', '), hint].filter(Boolean).join('. ') || undefined,
		itemIndex,
	});
}
