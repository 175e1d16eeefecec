/**
 * Paging through CRM lists. Zoho serves the first 2,000 records by page number (10 pages of 200);
 * beyond that only `page_token` (the previous answer's `next_page_token`) reaches further.
 */
import type { IAllExecuteFunctions, IDataObject } from 'n8n-workflow';

import { bodyOf, crmRequest } from './transport';
import type { CrmListBody } from './types';

export const MAX_PER_PAGE = 200;
/** The last page Zoho serves by number (page × per_page ≤ 2,000). */
export const LAST_NUMBERED_PAGE = 10;

export interface ListRequest {
	/** Path below `/crm/v8`. */
	path: string;
	qs?: IDataObject;
	headers?: Record<string, string>;
	what: string;
	/** Where the records are in the answer: `data` (records), `users`, `watch`, `__timeline` (a record's history). */
	key?: 'data' | 'users' | 'watch' | '__timeline';
	/** Stop after this many records; undefined = all. */
	limit?: number;
	/** Keep only records that pass (applied before the limit). */
	keep?: (record: IDataObject) => boolean;
}

/** Every record of a list (or the first `limit`), following page numbers, then page tokens. */
export async function crmList(this: IAllExecuteFunctions, request: ListRequest): Promise<IDataObject[]> {
	const key = request.key ?? 'data';
	const out: IDataObject[] = [];
	const perPage = request.limit !== undefined && !request.keep ? Math.min(MAX_PER_PAGE, Math.max(1, request.limit)) : MAX_PER_PAGE;
	let page = 1;
	let token: string | undefined;
	for (;;) {
		const qs: IDataObject = { ...request.qs, per_page: perPage };
		if (token) qs.page_token = token;
		else qs.page = page;
		const response = await crmRequest.call(this, { method: 'GET', path: request.path, qs, headers: request.headers, what: request.what });
		const body = bodyOf<CrmListBody>(response);
		const rows = (body?.[key] ?? []) as IDataObject[];
		for (const row of rows) {
			if (request.keep && !request.keep(row)) continue;
			out.push(row);
			if (request.limit !== undefined && out.length >= request.limit) return out;
		}
		const info = body?.info;
		if (!info?.more_records || rows.length === 0) return out;
		if (token || page >= LAST_NUMBERED_PAGE) {
			if (!info.next_page_token) return out;
			token = info.next_page_token;
		} else {
			page++;
		}
	}
}

/** One page (for list-search dropdowns): the records and whether there are more. */
export async function crmPage(
	this: IAllExecuteFunctions,
	request: Omit<ListRequest, 'limit' | 'keep'> & { page: number; perPage?: number },
): Promise<{ rows: IDataObject[]; more: boolean }> {
	const response = await crmRequest.call(this, {
		method: 'GET',
		path: request.path,
		qs: { ...request.qs, page: request.page, per_page: request.perPage ?? 50 },
		headers: request.headers,
		what: request.what,
	});
	const body = bodyOf<CrmListBody>(response);
	const rows = (body?.[request.key ?? 'data'] ?? []) as IDataObject[];
	return { rows, more: Boolean(body?.info?.more_records) && request.page < LAST_NUMBERED_PAGE };
}
