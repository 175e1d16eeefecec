/** V3 list conventions: mandatory `page`, `per_page` 1–200, `page_info.has_next_page`. */
import type { SimRequest } from '../kit';
import { invalid, missing } from './errors';
import type { Outcome } from './types';

export interface Paging {
	page: number;
	perPage: number;
}

export const MAX_PER_PAGE = 200;
export const DEFAULT_PER_PAGE = 100;

export function readPaging(req: SimRequest): Outcome<Paging> {
	const rawPage = req.query.get('page');
	if (rawPage === null || rawPage === '') return { ok: false, error: missing('page') };
	const page = Number(rawPage);
	if (!Number.isInteger(page) || page < 1) return { ok: false, error: invalid('page', 'page must be a whole number from 1.') };
	const rawPer = req.query.get('per_page');
	const perPage = rawPer === null || rawPer === '' ? DEFAULT_PER_PAGE : Number(rawPer);
	if (!Number.isInteger(perPage) || perPage < 1 || perPage > MAX_PER_PAGE) {
		return { ok: false, error: invalid('per_page', `per_page must be a whole number from 1 to ${MAX_PER_PAGE}.`) };
	}
	return { ok: true, value: { page, perPage } };
}

export function pageOf<T>(items: T[], paging: Paging): { items: T[]; page_info: { page: number; per_page: number; has_next_page: boolean } } {
	const start = (paging.page - 1) * paging.perPage;
	return {
		items: items.slice(start, start + paging.perPage),
		page_info: { page: paging.page, per_page: paging.perPage, has_next_page: items.length > start + paging.perPage },
	};
}
