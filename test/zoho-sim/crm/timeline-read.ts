/**
 * `GET /crm/v8/{module}/{id}/__timeline`: ordering (`sort_by=audited_time`, `sort_order`), paging
 * (`per_page` on the first page, `page_token` after it, as the doc describes), the `filters`
 * conditions the doc lists, and `include_inner_details`. Entries come from timeline.ts.
 */
import { json, type SimRequest, type SimResponse } from '../kit';
import { crmError, INVALID_ID_MESSAGE, invalidParam, paramDetails, parseInstant } from './http';
import type { Crm } from './index';
import { type ListQuery, MAX_PER_PAGE, type Paging, pageInfo } from './paging';
import { type InnerDetails, renderEntry, type TimelineEntry } from './timeline';
import type { ModuleName } from './types';
import { isObject } from './types';

type Test = (e: TimelineEntry) => boolean;
class FilterError extends Error {}

/** One condition or an AND/OR group of them, as the doc's `filters` examples show. */
function compileFilter(node: unknown): Test {
	if (!isObject(node)) throw new FilterError('a condition must be an object');
	if (node.group !== undefined || node.group_operator !== undefined) {
		const op = String(node.group_operator ?? '').toUpperCase();
		if (!Array.isArray(node.group) || node.group.length === 0 || (op !== 'AND' && op !== 'OR')) throw new FilterError('bad group');
		const tests = node.group.map(compileFilter);
		return op === 'AND' ? (e) => tests.every((t) => t(e)) : (e) => tests.some((t) => t(e));
	}
	const field = isObject(node.field) ? node.field.api_name : undefined;
	const { comparator, value } = node;
	const oneOf = (get: (e: TimelineEntry) => string): Test => {
		const wanted = comparator === 'equal' ? [value] : comparator === 'in' && Array.isArray(value) ? value : undefined;
		if (!wanted || wanted.length === 0 || !wanted.every((v) => typeof v === 'string')) throw new FilterError(`bad condition on ${String(field)}`);
		return (e) => wanted.includes(get(e));
	};
	switch (field) {
		case 'done_by.id':
			return oneOf((e) => e.userId);
		case 'source':
			return oneOf((e) => e.source);
		case 'record.module.api_name':
			return oneOf((e) => e.module);
		case 'audited_time': {
			const [from, to] = Array.isArray(value) ? value.map((v) => (typeof v === 'string' ? parseInstant(v) : undefined)) : [];
			if (comparator !== 'between' || from === undefined || to === undefined) throw new FilterError('audited_time takes between [from, to]');
			// Audited times have one-second resolution, so a range is compared on whole seconds.
			return (e) => e.time >= Math.floor(from / 1000) * 1000 && e.time <= to;
		}
		default:
			throw new FilterError(`unsupported field ${String(field)}`);
	}
}

function parseFilters(raw: string | undefined): Test | SimResponse {
	if (!raw) return () => true;
	try {
		return compileFilter(JSON.parse(raw));
	} catch (error) {
		if (error instanceof FilterError || error instanceof SyntaxError) return invalidParam('filters', `invalid filters: ${error.message}`);
		throw error;
	}
}

function innerDetails(req: SimRequest): InnerDetails {
	const asked = new Set((req.query.get('include_inner_details') ?? '').split(',').map((s) => s.trim()));
	return { fieldLabel: asked.has('field_history.field_label'), dataType: asked.has('field_history.data_type'), profile: asked.has('done_by.profile') };
}

function perPageOf(req: SimRequest): number | SimResponse {
	const raw = req.query.get('per_page');
	if (raw === null || raw === '') return MAX_PER_PAGE;
	const n = Number(raw);
	if (!/^\d+$/.test(raw) || n < 1 || n > MAX_PER_PAGE) {
		return crmError(400, 'INVALID_DATA', 'invalid data', { ...paramDetails('per_page'), maximum_length: MAX_PER_PAGE });
	}
	return n;
}

/** The listing (order and filters) and the page to read: from a token, or from the request. */
function listingOf(crm: Crm, req: SimRequest, key: string): { query: ListQuery; paging: Paging; token: boolean } | SimResponse {
	const token = req.query.get('page_token');
	if (token) {
		// The doc: per_page belongs to the first page only; a token request must not carry it.
		if (req.query.get('per_page')) return invalidParam('per_page', 'per_page cannot be given with page_token');
		const state = crm.pageTokens.resolve(token, crm.now());
		if ('status' in state) return state;
		if (state.query.module !== key) return invalidParam('page_token', 'the page_token given is invalid or expired');
		const perPage = state.perPage ?? MAX_PER_PAGE;
		return { query: state.query, paging: { perPage, offset: state.offset, page: Math.floor(state.offset / perPage) + 1 }, token: true };
	}
	const sortBy = req.query.get('sort_by') ?? 'audited_time';
	const sortOrder = req.query.get('sort_order') ?? 'desc';
	if (sortBy !== 'audited_time') return invalidParam('sort_by');
	if (sortOrder !== 'asc' && sortOrder !== 'desc') return invalidParam('sort_order');
	const perPage = perPageOf(req);
	if (typeof perPage !== 'number') return perPage;
	const rawPage = req.query.get('page');
	if (rawPage !== null && rawPage !== '' && (!/^\d+$/.test(rawPage) || Number(rawPage) < 1)) return invalidParam('page');
	const page = rawPage ? Number(rawPage) : 1;
	const query: ListQuery = { module: key, sortBy, sortOrder, filters: req.query.get('filters') ?? undefined };
	return { query, paging: { perPage, page, offset: (page - 1) * perPage }, token: false };
}

export function timelineOf(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const id = req.params.id;
	// A deleted or unknown record answers like GET /{module}/{id} does.
	if (!crm.store.get(module, id)) return crmError(400, 'INVALID_DATA', INVALID_ID_MESSAGE, { id });
	const listing = listingOf(crm, req, `${module}/${id}/__timeline`);
	if ('status' in listing) return listing;
	const { query, paging } = listing;
	const test = parseFilters(query.filters);
	if (typeof test !== 'function') return test;
	const dir = query.sortOrder === 'asc' ? 1 : -1;
	const rows = crm.timeline
		.of(module, id)
		.filter(test)
		.sort((a, b) => dir * (a.time - b.time || a.seq - b.seq));
	const slice = rows.slice(paging.offset, paging.offset + paging.perPage);
	if (slice.length === 0) return json(204);
	const base = pageInfo(paging, slice.length, rows.length);
	const now = crm.now();
	const next = base.more_records ? crm.pageTokens.issue(query, paging.offset + slice.length, now, paging.perPage) : undefined;
	const prev = paging.offset > 0 ? crm.pageTokens.issue(query, Math.max(0, paging.offset - paging.perPage), now, paging.perPage) : undefined;
	const inner = innerDetails(req);
	return json(200, {
		__timeline: slice.map((e) => renderEntry(crm, e, inner)),
		info: { ...base, next_page_token: next?.token ?? null, previous_page_token: prev?.token ?? null },
	});
}
