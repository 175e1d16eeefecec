/**
 * Read endpoints of every module: list (page numbers, then page_token), get by id, search, the
 * recycle bin and related lists.
 */
import type { SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { CriteriaError, parseCriteria } from './criteria';
import { crmError, ifModifiedSince, INVALID_ID_MESSAGE, invalidParam, missingParam, paramDetails, zohoTime } from './http';
import type { Crm } from './index';
import { compile } from './matcher';
import { type ListQuery, PAGE_WINDOW, type Paging, pageInfo, pageParams, TOKEN_REACH } from './paging';
import { renderRecord } from './render';
import { lookupOf } from './store';
import type { CrmRecord, ModuleName } from './types';

const SORTABLE = ['id', 'Created_Time', 'Modified_Time'];

/** The `fields` parameter: required on lists, optional on get/search; unknown names are refused. */
export function parseFields(crm: Crm, module: ModuleName, req: SimRequest, required: boolean): string[] | undefined | SimResponse {
	const raw = req.query.get('fields');
	if (!raw || !raw.trim()) return required ? missingParam('fields') : undefined;
	const names = raw.split(',').map((s) => s.trim()).filter(Boolean);
	for (const name of names) {
		if (name === 'id' || (name === '$se_module' && module === 'Tasks')) continue;
		if (!crm.fields.get(module, name)) return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: name, ...paramDetails('fields') });
	}
	return names;
}

function sortParams(req: SimRequest): { sortBy: string; sortOrder: 'asc' | 'desc' } | SimResponse {
	const sortBy = req.query.get('sort_by') ?? 'id';
	const sortOrder = req.query.get('sort_order') ?? 'asc';
	if (!SORTABLE.includes(sortBy)) return invalidParam('sort_by');
	if (sortOrder !== 'asc' && sortOrder !== 'desc') return invalidParam('sort_order');
	return { sortBy, sortOrder };
}

function sorted(rows: CrmRecord[], sortBy: string, order: 'asc' | 'desc'): CrmRecord[] {
	const key = (r: CrmRecord) => String(r[sortBy] ?? '');
	const dir = order === 'asc' ? 1 : -1;
	// Ids share one length and times one format, so string order is time/number order.
	return [...rows].sort((a, b) => (key(a) < key(b) ? -dir : key(a) > key(b) ? dir : a.id < b.id ? -1 : 1));
}

const modifiedAfter = (since: number | undefined) => (r: CrmRecord) => since === undefined || Date.parse(String(r.Modified_Time)) > since;

/** Nothing to return: 304 when the client asked "since", 204 otherwise. */
const nothing = (since: number | undefined): SimResponse => json(since === undefined ? 204 : 304);

export function listRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const fields = parseFields(crm, module, req, true);
	if (!Array.isArray(fields)) return fields ?? missingParam('fields');
	const perPaging = pageParams(req);
	if ('status' in perPaging) return perPaging;
	let query: ListQuery;
	let paging: Paging;
	const token = req.query.get('page_token');
	if (token) {
		// The token carries the listing's order and filters; only per_page comes from the request.
		const state = crm.pageTokens.resolve(token, crm.now());
		if ('status' in state) return state;
		query = state.query;
		paging = { perPage: perPaging.perPage, offset: state.offset, page: Math.floor(state.offset / perPaging.perPage) + 1 };
		if (paging.offset >= TOKEN_REACH) return crmError(400, 'LIMIT_EXCEEDED', `page_token reaches at most ${TOKEN_REACH} records`, { limit: TOKEN_REACH });
	} else {
		const sort = sortParams(req);
		if ('status' in sort) return sort;
		const since = ifModifiedSince(req);
		if (typeof since === 'object') return since;
		const ids = req.query.get('ids')?.split(',').filter(Boolean);
		query = { module, ...sort, since, ids };
		paging = perPaging;
		if (paging.page * paging.perPage > PAGE_WINDOW) {
			return crmError(400, 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', `page numbers reach the first ${PAGE_WINDOW} records; use page_token to read further`, { limit: PAGE_WINDOW });
		}
	}
	const rows = sorted(
		crm.store.all(module).filter((r) => modifiedAfter(query.since)(r) && (!query.ids || query.ids.includes(r.id))),
		query.sortBy,
		query.sortOrder,
	);
	if (rows.length === 0) return nothing(query.since);
	const slice = rows.slice(paging.offset, paging.offset + paging.perPage);
	if (slice.length === 0) return json(204);
	const base = pageInfo(paging, slice.length, rows.length);
	const next = base.more_records ? crm.pageTokens.issue(query, paging.offset + slice.length, crm.now()) : undefined;
	const prev = token && paging.offset > 0 ? crm.pageTokens.issue(query, Math.max(0, paging.offset - paging.perPage), crm.now()) : undefined;
	return json(200, {
		data: slice.map((r) => renderRecord(crm, module, r, fields)),
		info: {
			...base,
			sort_by: query.sortBy,
			sort_order: query.sortOrder,
			next_page_token: next?.token ?? null,
			previous_page_token: prev?.token ?? null,
			page_token_expiry: next?.expiry ?? null,
		},
	});
}

export function getRecord(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const rec = crm.store.get(module, req.params.id);
	if (!rec) return crmError(400, 'INVALID_DATA', INVALID_ID_MESSAGE, { id: req.params.id });
	const fields = parseFields(crm, module, req, false);
	if (fields !== undefined && !Array.isArray(fields)) return fields;
	return json(200, { data: [renderRecord(crm, module, rec, fields)] });
}

export function searchRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const criteria = req.query.get('criteria');
	const word = req.query.get('word')?.toLowerCase();
	const email = req.query.get('email')?.toLowerCase();
	const phone = req.query.get('phone');
	if (!criteria && !word && !email && !phone) return missingParam('criteria');
	const fields = parseFields(crm, module, req, false);
	if (fields !== undefined && !Array.isArray(fields)) return fields;
	const paging = pageParams(req);
	if ('status' in paging) return paging;
	if (paging.page * paging.perPage > PAGE_WINDOW) {
		return crmError(400, 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', `search returns at most ${PAGE_WINDOW} records`, { limit: PAGE_WINDOW });
	}
	let test: (r: CrmRecord) => boolean = () => true;
	if (criteria) {
		try {
			test = compile(crm, module, parseCriteria(criteria));
		} catch (error) {
			if (error instanceof CriteriaError) return crmError(400, 'INVALID_QUERY', error.message, error.details);
			throw error;
		}
	}
	const defs = crm.fields.list(module);
	const ofType = (r: CrmRecord, types: string[]) => defs.filter((d) => types.includes(d.data_type)).map((d) => String(r[d.api_name] ?? '').toLowerCase());
	const rows = crm.store.all(module).filter(
		(r) =>
			test(r) &&
			(!word || ofType(r, ['text', 'textarea', 'email', 'website', 'phone']).some((v) => v.includes(word))) &&
			(!email || ofType(r, ['email']).includes(email)) &&
			(!phone || ofType(r, ['phone']).includes(phone.toLowerCase())),
	);
	const slice = rows.slice(paging.offset, paging.offset + paging.perPage);
	if (slice.length === 0) return json(204);
	return json(200, { data: slice.map((r) => renderRecord(crm, module, r, fields)), info: pageInfo(paging, slice.length, rows.length) });
}

export function deletedRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const type = req.query.get('type') ?? 'all';
	if (!['all', 'recycle', 'permanent'].includes(type)) return invalidParam('type');
	const since = ifModifiedSince(req);
	if (typeof since === 'object') return since;
	const paging = pageParams(req);
	if ('status' in paging) return paging;
	const rows = crm.store.deleted
		.filter((d) => d.module === module && (type === 'all' || d.type === type) && (since === undefined || d.deletedTime > since))
		.sort((a, b) => b.deletedTime - a.deletedTime);
	if (rows.length === 0) return nothing(since);
	const slice = rows.slice(paging.offset, paging.offset + paging.perPage);
	if (slice.length === 0) return json(204);
	const who = (id: string) => ({ name: crm.users.ref(id).name, id });
	return json(200, {
		data: slice.map((d) => ({
			id: d.id,
			display_name: d.display_name,
			type: d.type,
			deleted_by: who(d.deletedBy),
			deleted_time: zohoTime(d.deletedTime),
			created_by: who(d.createdBy),
		})),
		info: pageInfo(paging, slice.length, rows.length),
	});
}

/** Which records a related list holds: `{related module, filter}`. */
export function relatedList(module: ModuleName, related: string, id: string): { module: ModuleName; test: (r: CrmRecord) => boolean } | undefined {
	const points = (field: string) => (r: CrmRecord) => lookupOf(r[field])?.id === id;
	if (related === 'Notes' && module !== 'Notes') {
		return { module: 'Notes', test: (r) => lookupOf(r.Parent_Id)?.id === id && lookupOf(r.Parent_Id)?.module === module };
	}
	if (module === 'Accounts' && (related === 'Deals' || related === 'Contacts')) return { module: related, test: points('Account_Name') };
	if ((module === 'Accounts' || module === 'Deals') && related === 'Tasks') return { module: 'Tasks', test: (r) => points('What_Id')(r) && r.$se_module === module };
	if (module === 'Contacts' && related === 'Tasks') return { module: 'Tasks', test: points('Who_Id') };
	return undefined;
}

export function relatedRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const { id, related } = req.params;
	if (!crm.store.get(module, id)) return crmError(400, 'INVALID_DATA', INVALID_ID_MESSAGE, { id });
	const list = relatedList(module, related, id);
	// Message as API_Exception of crm-oas v8.0/related_records.json lists it.
	if (!list) return crmError(400, 'INVALID_DATA', 'The relation name given seems to be invalid', { api_name: related });
	const fields = parseFields(crm, list.module, req, true);
	if (!Array.isArray(fields)) return fields ?? missingParam('fields');
	const since = ifModifiedSince(req);
	if (typeof since === 'object') return since;
	const paging = pageParams(req);
	if ('status' in paging) return paging;
	const rows = crm.store.all(list.module).filter((r) => list.test(r) && modifiedAfter(since)(r));
	if (rows.length === 0) return nothing(since);
	const slice = rows.slice(paging.offset, paging.offset + paging.perPage);
	if (slice.length === 0) return json(204);
	return json(200, { data: slice.map((r) => renderRecord(crm, list.module, r, fields)), info: pageInfo(paging, slice.length, rows.length) });
}
