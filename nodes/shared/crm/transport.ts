/**
 * The CRM transport: every Zoho CRM call of every node goes through `crmRequest`, which sends it
 * with the shared `zohoRequest` (auth, token refresh), retries what Zoho throttled or failed to
 * serve, and turns error answers into NodeApiErrors. https://www.zoho.com/crm/developer/docs/api/v8/
 */
import type { IAllExecuteFunctions, IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { asNodeError } from '../errors';
import { ZohoUnreachable, zohoRequest, type ZohoRequest, type ZohoResponse } from '../zohoRequest';
import { crmClock } from './clock';
import { crmRecordError, crmTopLevelError } from './errors';
import { CRM_API, type CrmResultItem } from './types';

/**
 * Retries after the first attempt, and the backoff: 0.5 s, 1 s, 2 s. A Retry-After from Zoho wins;
 * one longer than `maxWaitMs` is not waited out inside the execution (it would hold the workflow
 * and the CRM concurrency slot): the item fails at once, saying when to retry.
 */
export const RETRY = { attempts: 3, baseMs: 500, maxWaitMs: 5000 };

export interface CrmRequest extends Omit<ZohoRequest, 'path'> {
	/** Path below `/crm/v8`, e.g. `/Tasks/123`. */
	path: string;
	/** What the call does, for error messages: "update the task". */
	what: string;
	/**
	 * Whether a 5xx may be retried. Default: every method but POST, because Zoho may have created
	 * the record before failing, and a second POST would create it twice. A 429 is always retried:
	 * Zoho refuses throttled calls before doing anything.
	 */
	retryServerErrors?: boolean;
	/**
	 * For writes: the body key of the per-record results (`data`, or `watch`). Zoho answers a write
	 * whose records all failed with 400 and one error item per record; those are returned, not thrown.
	 */
	recordsKey?: string;
}

/** Zoho's Retry-After (seconds, or an HTTP date) as a wait from `now`. */
function retryAfterMs(headers: Record<string, string>, now: number): number | undefined {
	const raw = headers['retry-after'] ?? headers['Retry-After'];
	if (raw === undefined || String(raw).trim() === '') return undefined;
	const seconds = Number(raw);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const at = Date.parse(raw);
	return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function retryLater(this: IAllExecuteFunctions, response: ZohoResponse, what: string, waitMs: number, now: number): NodeApiError {
	const at = new Date(now + waitMs).toISOString();
	return new NodeApiError(this.getNode(), (response.body ?? {}) as JsonObject, {
		message: `Zoho CRM asked to wait ${Math.ceil(waitMs / 1000)} s before the next attempt to ${what} (HTTP ${response.statusCode}); retry after ${at}`,
		description: `Zoho CRM's Retry-After is longer than the ${RETRY.maxWaitMs / 1000} s this node waits inside an execution, so the item was not retried. Run it again after ${at} (a scheduled Reconcile catches up on its own).`,
		httpCode: String(response.statusCode),
	});
}

/**
 * One CRM call. Answers 2xx (including 204/304, "nothing") as they are; 429 and retryable 5xx
 * are retried with backoff; any other error status becomes a NodeApiError.
 */
export async function crmRequest(this: IAllExecuteFunctions, request: CrmRequest): Promise<ZohoResponse> {
	const { what, retryServerErrors, recordsKey, ...rest } = request;
	const mayRetry5xx = retryServerErrors ?? request.method !== 'POST';
	const zoho: ZohoRequest = { ...rest, path: CRM_API + request.path };
	const clock = crmClock();
	let response: ZohoResponse | undefined;
	for (let attempt = 0; attempt <= RETRY.attempts; attempt++) {
		try {
			response = await zohoRequest.call(this, 'crm', zoho);
		} catch (error) {
			// A read Zoho did not answer (or that never reached it) is tried again; a write is not — Zoho may
			// have applied it, and the next sync sees what it holds.
			if (!(error instanceof ZohoUnreachable) || zoho.method !== 'GET' || attempt === RETRY.attempts) throw asNodeError(this.getNode(), error);
			await clock.sleep(RETRY.baseMs * 2 ** attempt);
			continue;
		}
		const status = response.statusCode;
		const retryable = status === 429 || (status >= 500 && mayRetry5xx);
		if (!retryable || attempt === RETRY.attempts) break;
		const now = clock.now();
		const asked = retryAfterMs(response.headers, now);
		if (asked !== undefined && asked > RETRY.maxWaitMs) throw retryLater.call(this, response, what, asked, now);
		await clock.sleep(asked ?? RETRY.baseMs * 2 ** attempt);
	}
	const final = response!;
	if (final.statusCode < 400) return final;
	if (recordsKey && final.statusCode === 400 && Array.isArray(((final.body ?? {}) as IDataObject)[recordsKey])) return final;
	if (final.statusCode === 429) {
		throw new NodeApiError(this.getNode(), (final.body ?? {}) as JsonObject, {
			message: `Zoho CRM kept refusing to ${what}: too many requests at once (HTTP 429, ${RETRY.attempts + 1} attempts)`,
			description:
				'Zoho CRM limits how many calls one user may have running at the same time and how many API credits an org may spend per day. Run fewer executions in parallel, or retry later.',
			httpCode: '429',
		});
	}
	if (final.statusCode >= 500) {
		const attempts = mayRetry5xx ? `${RETRY.attempts + 1} attempts` : 'not retried, because repeating it could write twice';
		const error = crmTopLevelError(this.getNode(), final, what);
		throw new NodeApiError(this.getNode(), (final.body ?? {}) as JsonObject, {
			message: `Zoho CRM failed to ${what}: HTTP ${final.statusCode} (${attempts})`,
			description: [
				error.description,
				mayRetry5xx ? 'Zoho may be having trouble; retry later.' : 'Check in Zoho CRM whether the record was written before running this again.',
			]
				.filter(Boolean)
				.join(' '),
			httpCode: String(final.statusCode),
		});
	}
	throw crmTopLevelError(this.getNode(), final, what);
}

/** The body of a 2xx answer, or undefined for 204/304 ("no content", "not modified"). */
export function bodyOf<T>(response: ZohoResponse): T | undefined {
	if (response.statusCode === 204 || response.statusCode === 304) return undefined;
	return response.body as T;
}

/** Per-record results of a write, in the order the records were sent. */
export function resultItems(response: ZohoResponse, key = 'data'): CrmResultItem[] {
	const body = (response.body ?? {}) as IDataObject;
	const items = body[key];
	return Array.isArray(items) ? (items as CrmResultItem[]) : [];
}

/**
 * Split a write's per-record results into the success details or a NodeApiError per record.
 * `sent` are the records as they went out (for naming the rejected value).
 */
export function settleRecords(
	this: IAllExecuteFunctions,
	response: ZohoResponse,
	sent: IDataObject[],
	label: string,
	key = 'data',
): Array<CrmResultItem | NodeApiError> {
	const items = resultItems(response, key);
	return sent.map((record, index) => {
		const item = items[index];
		if (!item) {
			return new NodeApiError(this.getNode(), (response.body ?? {}) as JsonObject, {
				message: `Zoho CRM gave no result for ${label} ${index + 1} of ${sent.length}`,
			});
		}
		return item.status === 'error' ? crmRecordError(this.getNode(), item, record, label) : item;
	});
}

/** A single-record write: the success item, or the record's error thrown. */
export function settleOne(
	this: IAllExecuteFunctions,
	response: ZohoResponse,
	sent: IDataObject,
	label: string,
	itemIndex?: number,
	key = 'data',
): CrmResultItem {
	const [result] = settleRecords.call(this, response, [sent], label, key);
	if (result instanceof NodeApiError) {
		if (itemIndex !== undefined) result.context.itemIndex = itemIndex;
		throw result;
	}
	return result;
}
