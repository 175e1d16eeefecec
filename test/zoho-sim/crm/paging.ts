/**
 * Page-number paging (`page`, `per_page` ≤ 200) and Get Records' `page_token` continuation past the
 * 2,000-record page-number window.
 */
import { randomBytes } from 'node:crypto';

import type { SimRequest, SimResponse } from '../kit';
import { crmError, invalidParam, paramDetails, zohoTime } from './http';

export const MAX_PER_PAGE = 200;

export interface Paging {
	page: number;
	perPage: number;
	offset: number;
}

const positiveInt = (raw: string | null, fallback: number): number | undefined => {
	if (raw === null || raw === '') return fallback;
	return /^\d+$/.test(raw) && Number(raw) >= 1 ? Number(raw) : undefined;
};

export function pageParams(req: SimRequest, defaultPerPage = MAX_PER_PAGE): Paging | SimResponse {
	const page = positiveInt(req.query.get('page'), 1);
	if (page === undefined) return invalidParam('page');
	const perPage = positiveInt(req.query.get('per_page'), defaultPerPage);
	if (perPage === undefined || perPage > MAX_PER_PAGE) {
		// Message from API_Exception's enum (crm-oas v8.0/record.json); the range is in `details`.
		return crmError(400, 'INVALID_DATA', 'invalid data', { ...paramDetails('per_page'), maximum_length: MAX_PER_PAGE });
	}
	return { page, perPage, offset: (page - 1) * perPage };
}

export const pageInfo = (p: Paging, count: number, total: number): { per_page: number; count: number; page: number; more_records: boolean } => ({
	per_page: p.perPage,
	count,
	page: p.page,
	more_records: p.offset + count < total,
});

/** A listing's identity, carried by its page tokens (ordering and filters). */
export interface ListQuery {
	module: string;
	sortBy: string;
	sortOrder: 'asc' | 'desc';
	since?: number;
	ids?: string[];
	/** A record timeline's `filters` parameter as sent (timelines only). */
	filters?: string;
}

interface TokenState {
	query: ListQuery;
	offset: number;
	expiresAt: number;
	/** Page size for listings whose token requests may not carry `per_page` (record timelines). */
	perPage?: number;
}

/** Zoho's limits: page numbers reach 2,000 records, chained tokens 100,000. */
export const PAGE_WINDOW = 2000;
export const TOKEN_REACH = 100_000;
const TOKEN_TTL_MS = 24 * 3600_000;

export class PageTokens {
	private tokens = new Map<string, TokenState>();

	issue(query: ListQuery, offset: number, now: number, perPage?: number): { token: string; expiry: string } {
		const token = randomBytes(32).toString('hex');
		this.tokens.set(token, { query, offset, expiresAt: now + TOKEN_TTL_MS, perPage });
		return { token, expiry: zohoTime(now + TOKEN_TTL_MS) };
	}

	resolve(token: string, now: number): TokenState | SimResponse {
		const state = this.tokens.get(token);
		if (!state || state.expiresAt <= now) {
			return crmError(400, 'INVALID_DATA', 'the page_token given is invalid or expired', paramDetails('page_token'));
		}
		return state;
	}

	clear(): void {
		this.tokens.clear();
	}
}
