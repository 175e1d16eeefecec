/**
 * Write endpoints of every module: create, bulk/single update, bulk/single delete and upsert.
 * Each answers one result item per input record (in input order) and 201/200, 207 or 400.
 */
import type { SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { type Outcome, deleteRecord, insertRecord, updateRecord } from './engine';
import { crmError, dataArray, errorItem, INVALID_ID_MESSAGE, MAX_RECORDS_PER_CALL, missingParam, multiStatus, paramDetails } from './http';
import type { Crm } from './index';
import { lookupOf } from './store';
import type { CrmRecord, ModuleName, ResultItem } from './types';
import { isObject } from './types';

const notAnObject = (index: number): Outcome => ({
	item: errorItem('INVALID_DATA', 'invalid data', { json_path: `$.data[${index}]`, expected_data_type: 'jsonobject' }),
	changes: [],
});

/** Run one outcome per record, publish the changes as one notification batch, answer. */
function respond(crm: Crm, outcomes: Outcome[], allOk: number): SimResponse {
	crm.publish(outcomes.flatMap((o) => o.changes));
	const items = outcomes.map((o) => o.item);
	return json(multiStatus(items, allOk), { data: items });
}

function userOf(req: SimRequest): string {
	if (!req.userId) throw new Error('CRM handler reached without an authenticated user');
	return req.userId;
}

export function createRecords(crm: Crm, module: ModuleName, req: SimRequest, preset: Record<string, unknown> = {}): SimResponse {
	const data = dataArray(req);
	if (!Array.isArray(data)) return data;
	const user = userOf(req);
	const outcomes = data.map((rec, i) => (isObject(rec) ? insertRecord(crm, module, { ...rec, ...preset }, i, user) : notAnObject(i)));
	return respond(crm, outcomes, 201);
}

export function updateRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const data = dataArray(req);
	if (!Array.isArray(data)) return data;
	const pathId = req.params.id;
	if (pathId !== undefined && data.length > 1) {
		return crmError(400, 'INVALID_DATA', 'only one record can be updated through this URL', { api_name: 'data' });
	}
	const user = userOf(req);
	const outcomes = data.map((rec, i) => (isObject(rec) ? updateRecord(crm, module, pathId ?? rec.id, rec, i, user) : notAnObject(i)));
	return respond(crm, outcomes, 200);
}

export function deleteRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const ids = req.params.id !== undefined ? [req.params.id] : (req.query.get('ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
	if (ids.length === 0) return missingParam('ids');
	if (ids.length > MAX_RECORDS_PER_CALL) {
		return crmError(400, 'LIMIT_EXCEEDED', `at most ${MAX_RECORDS_PER_CALL} ids can be deleted at once`, { limit: MAX_RECORDS_PER_CALL, ...paramDetails('ids') });
	}
	const user = userOf(req);
	return respond(crm, ids.map((id) => deleteRecord(crm, module, id, user)), 200);
}

/** Fields Zoho checks for duplicates when the request names none. */
const SYSTEM_DUPLICATE_CHECK: Record<ModuleName, string[]> = {
	Tasks: [],
	Notes: [],
	Accounts: ['Account_Name'],
	Deals: ['Deal_Name'],
	Contacts: ['Email'],
};

const comparable = (v: unknown): string | undefined => {
	if (v === undefined || v === null || v === '') return undefined;
	return lookupOf(v)?.id ?? (typeof v === 'string' ? v : JSON.stringify(v));
};

export function upsertRecords(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const data = dataArray(req);
	if (!Array.isArray(data)) return data;
	const body = req.body as Record<string, unknown>;
	const given = body.duplicate_check_fields;
	if (given !== undefined && (!Array.isArray(given) || !given.every((g) => typeof g === 'string'))) {
		return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: 'duplicate_check_fields', expected_data_type: 'jsonarray' });
	}
	const checkFields: string[] = (given as string[] | undefined) ?? SYSTEM_DUPLICATE_CHECK[module];
	const unknown = checkFields.find((f) => !crm.fields.get(module, f));
	if (unknown) return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: unknown, ...paramDetails('duplicate_check_fields') });
	const user = userOf(req);
	let inserted = false;
	const outcomes = data.map((rec, i): Outcome => {
		if (!isObject(rec)) return notAnObject(i);
		const { match, field } = findDuplicate(crm.store.all(module), rec, checkFields);
		const outcome = match ? updateRecord(crm, module, match.id, rec, i, user) : insertRecord(crm, module, rec, i, user);
		if (outcome.item.status !== 'success') return outcome;
		inserted ||= !match;
		const action = match ? 'update' : 'insert';
		const duplicate_field = field ?? null;
		const item: ResultItem = { ...outcome.item, action, duplicate_field, details: { ...outcome.item.details, action, duplicate_field } };
		return { item, changes: outcome.changes };
	});
	return respond(crm, outcomes, inserted ? 201 : 200);
}

/** The oldest record sharing a value with the input on the first duplicate-check field that matches. */
function findDuplicate(rows: CrmRecord[], rec: Record<string, unknown>, fields: string[]): { match?: CrmRecord; field?: string } {
	for (const field of fields) {
		const wanted = comparable(rec[field]);
		if (wanted === undefined) continue;
		const match = rows.find((r) => comparable(r[field]) === wanted);
		if (match) return { match, field };
	}
	return {};
}

/** POST /{module}/{id}/Notes: the parent comes from the path. */
export function createRelatedNotes(crm: Crm, module: ModuleName, req: SimRequest): SimResponse {
	const id = req.params.id;
	if (!crm.store.get(module, id)) return crmError(400, 'INVALID_DATA', INVALID_ID_MESSAGE, { id });
	return createRecords(crm, 'Notes', req, { Parent_Id: { module: { api_name: module }, id } });
}
