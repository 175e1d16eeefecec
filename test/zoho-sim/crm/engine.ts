/**
 * The generic write engine for every module: insert, update and delete one record, returning the
 * per-record result item and the change that notifications are built from. API handlers and the
 * "edit as a user in the CRM UI" methods both go through here, so both notify alike.
 */
import { newId } from '../kit';
import { errorItem, INVALID_ID_MESSAGE, mandatoryMissing, zohoTime } from './http';
import type { Crm } from './index';
import { renderValue } from './render';
import { lookupOf } from './store';
import { recordInsert, recordUpdate, type TimelineSource } from './timeline';
import type { Change, CrmRecord, ModuleName, ResultItem } from './types';
import { validateRecord } from './validate';

/** Thrown by the direct-manipulation methods when Zoho would refuse the write. */
export class CrmWriteError extends Error {
	constructor(readonly item: ResultItem) {
		super(`CRM refused the write: ${JSON.stringify(item)}`);
	}
}

export interface Outcome {
	item: ResultItem;
	changes: Change[];
}

/** Record ids start with the org prefix; `1` after it keeps them apart from the seed's `0…` ids. */
export const newRecordId = (): string => newId('48768761');

const UNTRACKED = new Set(['Modified_Time', 'Modified_By']);

function audit(crm: Crm, rec: CrmRecord): Record<string, unknown> {
	const who = (v: unknown) => {
		const ref = crm.users.ref(lookupOf(v)?.id ?? '');
		return { name: ref.name, id: ref.id };
	};
	return {
		id: rec.id,
		Created_Time: rec.Created_Time,
		Modified_Time: rec.Modified_Time,
		Created_By: who(rec.Created_By),
		Modified_By: who(rec.Modified_By),
	};
}

/** Values Zoho computes itself: a Task's Closed_Time, a Contact's Full_Name. */
function derive(module: ModuleName, rec: CrmRecord, before: CrmRecord | undefined, now: string): void {
	if (module === 'Tasks') {
		if (rec.Status === 'Completed' && (before?.Status !== 'Completed' || !rec.Closed_Time)) rec.Closed_Time = now;
		if (rec.Status !== 'Completed') rec.Closed_Time = null;
	}
	if (module === 'Contacts') {
		rec.Full_Name = [rec.First_Name, rec.Last_Name].filter((p) => typeof p === 'string' && p).join(' ');
	}
}

/** A Note's write is a related action on its parent record (Tasks channels may be told). */
function relatedChange(note: CrmRecord): Change[] {
	const parent = lookupOf(note.Parent_Id);
	return parent?.module ? [{ module: parent.module, id: parent.id, op: 'update', fields: [], related: true }] : [];
}

function changedValues(crm: Crm, module: ModuleName, rec: CrmRecord, fields: string[]): Record<string, unknown> {
	const values: Record<string, unknown> = {};
	for (const name of fields) {
		const def = crm.fields.get(module, name);
		values[name] = def ? renderValue(crm, module, rec, def) : (rec[name] ?? null);
	}
	return values;
}

export function insertRecord(
	crm: Crm,
	module: ModuleName,
	input: Record<string, unknown>,
	index: number,
	userId: string,
	source: TimelineSource = 'crm_api',
): Outcome {
	const checked = validateRecord(crm, module, input, index);
	if (!checked.ok) return { item: checked.item, changes: [] };
	const now = zohoTime(crm.now());
	const defaults: Record<string, unknown> = module === 'Tasks' ? { Status: 'Not Started', Priority: 'Normal' } : {};
	const rec: CrmRecord = { ...defaults, ...checked.values, id: newRecordId() };
	rec.Owner ??= { id: userId };
	Object.assign(rec, { Created_Time: now, Modified_Time: now, Created_By: { id: userId }, Modified_By: { id: userId } });
	derive(module, rec, undefined, now);
	crm.store.put(module, rec);
	recordInsert(crm, module, rec, userId, source);
	const changes: Change[] = [{ module, id: rec.id, op: 'insert', fields: [] }];
	if (module === 'Notes') changes.push(...relatedChange(rec));
	return { item: { code: 'SUCCESS', details: audit(crm, rec), message: 'record added', status: 'success' }, changes };
}

export function updateRecord(
	crm: Crm,
	module: ModuleName,
	id: unknown,
	input: Record<string, unknown>,
	index: number,
	userId: string,
	source: TimelineSource = 'crm_api',
): Outcome {
	if (id === undefined || id === null || id === '') return { item: mandatoryMissing('id', index), changes: [] };
	const before = typeof id === 'string' ? crm.store.get(module, id) : undefined;
	if (!before) {
		return { item: errorItem('INVALID_DATA', INVALID_ID_MESSAGE, { id, api_name: 'id', json_path: `$.data[${index}].id` }), changes: [] };
	}
	const checked = validateRecord(crm, module, input, index, before);
	if (!checked.ok) return { item: checked.item, changes: [] };
	const now = zohoTime(crm.now());
	const rec: CrmRecord = { ...before, ...checked.values, id: before.id };
	derive(module, rec, before, now);
	// Every write bumps Modified_Time, even one that changes no value (Zoho keeps no "no-op" notion).
	Object.assign(rec, { Modified_Time: now, Modified_By: { id: userId } });
	crm.store.put(module, rec);
	const keys = new Set([...Object.keys(before), ...Object.keys(rec)]);
	const fields = [...keys].filter((k) => !UNTRACKED.has(k) && JSON.stringify(before[k] ?? null) !== JSON.stringify(rec[k] ?? null));
	recordUpdate(crm, module, before, rec, fields, userId, source);
	const changes: Change[] = [{ module, id: rec.id, op: 'update', fields, values: changedValues(crm, module, rec, fields) }];
	if (module === 'Notes') changes.push(...relatedChange(rec));
	return { item: { code: 'SUCCESS', details: audit(crm, rec), message: 'record updated', status: 'success' }, changes };
}

export function deleteRecord(crm: Crm, module: ModuleName, id: string, userId: string): Outcome {
	const rec = crm.store.remove(module, id);
	if (!rec) return { item: errorItem('INVALID_DATA', INVALID_ID_MESSAGE, { id }), changes: [] };
	recycle(crm, module, rec, userId);
	// A deleted record takes its notes to the recycle bin with it.
	for (const note of crm.store.notesOf(module, id)) {
		crm.store.remove('Notes', note.id);
		recycle(crm, 'Notes', note, userId);
	}
	const changes: Change[] = [{ module, id, op: 'delete', fields: [] }];
	if (module === 'Notes') changes.push(...relatedChange(rec));
	return { item: { code: 'SUCCESS', details: { id }, message: 'record deleted', status: 'success' }, changes };
}

function recycle(crm: Crm, module: ModuleName, rec: CrmRecord, userId: string): void {
	crm.store.deleted.push({
		module,
		id: rec.id,
		display_name: crm.store.displayName(module, rec),
		type: 'recycle',
		deletedBy: userId,
		deletedTime: crm.now(),
		createdBy: lookupOf(rec.Created_By)?.id ?? userId,
	});
}
