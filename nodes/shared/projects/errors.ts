/**
 * Zoho Projects V3 error bodies → NodeApiError with a message a user can act on. V3 sends
 * `{error:{status_code, title, error_type, details:[{message, field_name}]}}`, on some routes
 * `error` as an array, and in the throttle error `details` as an object; all three are read here.
 */
import type { IDataObject, INode, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export interface V3Error {
	status: number;
	title: string;
	message: string;
	field?: string;
	errorType?: string;
}

const asRecord = (value: unknown): IDataObject | undefined =>
	typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as IDataObject) : undefined;

/** The V3 error in a response body, or undefined when the body carries none. */
export function readV3Error(status: number, body: unknown): V3Error | undefined {
	const record = asRecord(body);
	const raw = record?.error;
	const error = asRecord(Array.isArray(raw) ? raw[0] : raw);
	if (!error) {
		if (status < 400) return undefined;
		return { status, title: `HTTP_${status}`, message: typeof body === 'string' && body ? body.slice(0, 300) : '' };
	}
	const details = error.details;
	const detail = asRecord(Array.isArray(details) ? details[0] : details);
	return {
		status,
		title: String(error.title ?? error.code ?? `HTTP_${status}`),
		message: String(detail?.message ?? error.message ?? ''),
		field: detail?.field_name !== undefined ? String(detail.field_name) : undefined,
		errorType: error.error_type !== undefined ? String(error.error_type) : undefined,
	};
}

export const THROTTLE_TITLE = 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED';

export function isThrottle(error: V3Error): boolean {
	return error.title === THROTTLE_TITLE || error.status === 429;
}

/** "… Try again after 22 minutes." → 22 minutes in ms; undefined when the message names no time. */
export function lockDurationMs(error: V3Error, retryAfterHeader?: string): number | undefined {
	const minutes = /after\s+(\d+)\s*min/i.exec(error.message);
	if (minutes) return Number(minutes[1]) * 60_000;
	const seconds = Number(retryAfterHeader);
	return retryAfterHeader && Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : undefined;
}

const show = (value: unknown): string => (typeof value === 'string' ? `"${value}"` : JSON.stringify(value));

/** What to do about a scope the credential lacks: a new consent is the only way to widen a grant. */
const RECONNECT = 'Reconnect the Zoho Task Sync credential so Zoho asks for the scopes again.';

function describe(error: V3Error, sent: unknown): string {
	const field = error.field ? `the field "${error.field}"` : 'the request';
	switch (error.title) {
		case 'LESS_THAN_MIN_OCCURANCE':
			return `Zoho Projects needs ${field}; fill it in and run again.`;
		case 'INVALID_PARAMETER_VALUE':
		case 'PATTERN_NOT_MATCHED':
			return sent !== undefined
				? `Zoho Projects refused ${field} with the value ${show(sent)}. Check it against the portal's data.`
				: `Zoho Projects refused ${field}. Check the value against the portal's data.`;
		case 'EXTRA_KEY_FOUND_IN_JSON':
			return `Zoho Projects does not accept ${field} on this request.`;
		case 'RESOURCE_NOT_FOUND':
			return 'The record does not exist in this portal (wrong id, another project, or it was deleted).';
		case 'INVALID_OAUTHSCOPE': {
			const scope = /ZohoProjects(?:\.[A-Za-z0-9_]+)+/.exec(error.message)?.[0];
			return `The Zoho credential was not granted ${scope ? `the scope ${scope}` : 'a Zoho Projects scope this call needs'}. ${RECONNECT}`;
		}
		case 'URL_RULE_NOT_CONFIGURED':
			// Besides a wrong URL, some V3 routes answer a missing OAuth scope this way (reference §1.3
			// [P27]), so the reconnect advice goes with it. Callers read only 404 as "not found".
			return `Zoho Projects did not accept the URL of this call. Some Zoho Projects routes answer this way when the credential lacks an OAuth scope the call needs. ${RECONNECT}`;
		case 'INVALID_METHOD':
			return 'Zoho Projects does not accept this method on this route.';
		default:
			if (error.status === 403) return 'The Zoho user of this credential is not allowed to do this in the portal or project.';
			if (error.status >= 500) return 'Zoho Projects had a server error and kept failing after retries; run the item again later.';
			return error.message || `Zoho Projects answered HTTP ${error.status}.`;
	}
}

/** A NodeApiError for a refused Projects call; `body` is what was sent, to name the refused value. */
export function projectsApiError(node: INode, error: V3Error, body?: unknown): NodeApiError {
	const sent = error.field ? asRecord(body)?.[error.field] : undefined;
	const reason = error.message ? `: ${error.message}` : '';
	const apiError = new NodeApiError(node, { ...error } as unknown as JsonObject, {
		message: `Zoho Projects refused the request${reason} [${error.title}]`,
		description: describe(error, sent),
		httpCode: String(error.status),
	});
	apiError.context.zoho = { ...error };
	return apiError;
}

/** The V3 error behind a NodeApiError made by `projectsApiError`, for callers that explain refusals. */
export function zohoErrorOf(error: unknown): V3Error | undefined {
	if (!(error instanceof NodeApiError)) return undefined;
	return error.context.zoho as V3Error | undefined;
}

/** The item-level failure for a locked API: no waiting, the time the lock ends in the message. */
export function lockedError(node: INode, pattern: string, until: number, now: number): NodeApiError {
	const minutes = Math.max(1, Math.ceil((until - now) / 60_000));
	const at = new Date(until).toISOString();
	return new NodeApiError(node, { title: THROTTLE_TITLE, lockedUntil: at, api: pattern } as JsonObject, {
		message: `Zoho Projects has locked this API until ${at} (about ${minutes} min) after too many calls`,
		description:
			`Zoho blocks an API for a user for up to 30 minutes after about 100 calls in 2 minutes (${pattern}). ` +
			'This item was not retried: run it again after the lock ends (a reconcile run catches up), and lower the node\'s API budget if it happens again.',
		httpCode: '429',
	});
}

export { asNodeError } from '../errors';
