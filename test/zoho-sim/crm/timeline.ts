/**
 * The per-record change history behind `GET /{module}/{id}/__timeline` (Zoho doc "Timeline of a
 * Record"; response shape from Zoho's published OAS, zoho/crm-oas v8.0/timelines). The write engine
 * records one entry per successful insert or value-changing update; this file only stores entries
 * and turns them into the wire form. Reading and paging are in timeline-read.ts.
 */
import { newId } from '../kit';
import { zohoTime } from './http';
import type { Crm } from './index';
import { renderValue } from './render';
import type { CrmRecord, FieldDef, ModuleName } from './types';
import { isObject, MODULE_IDS } from './types';

/** Who made the write: an API call or a person in the CRM UI (two of Zoho's `source` values). */
export type TimelineSource = 'crm_api' | 'crm_ui';

export interface FieldChange {
	def: FieldDef;
	old: string | null;
	new: string | null;
}

export interface TimelineEntry {
	id: string;
	/** Write order: breaks ties between entries of the same second. */
	seq: number;
	module: ModuleName;
	recordId: string;
	/** The record's display name when the write happened. */
	recordName: string;
	time: number;
	action: 'added' | 'updated';
	source: TimelineSource;
	userId: string;
	/** null on `added` (assumption: Zoho's sample shows null for non-edit entries). */
	fields: FieldChange[] | null;
}

export class TimelineLog {
	private byRecord = new Map<string, TimelineEntry[]>();
	private seq = 0;

	add(entry: Omit<TimelineEntry, 'id' | 'seq'>): void {
		const key = `${entry.module}:${entry.recordId}`;
		const list = this.byRecord.get(key) ?? [];
		list.push({ ...entry, id: newId('48768762'), seq: ++this.seq });
		this.byRecord.set(key, list);
	}

	of(module: ModuleName, recordId: string): TimelineEntry[] {
		return [...(this.byRecord.get(`${module}:${recordId}`) ?? [])];
	}

	clear(): void {
		this.byRecord.clear();
		this.seq = 0;
	}
}

/**
 * A value as a timeline string: the OAS and every official SDK type `_value.new/old` as a nullable
 * string. Lookups and users become their display names (which string Zoho prints is inferred).
 */
function historyString(crm: Crm, module: ModuleName, rec: CrmRecord, def: FieldDef): string | null {
	const value = renderValue(crm, module, rec, def);
	if (value === null || value === undefined || value === '') return null;
	if (typeof value === 'string') return value;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	if (isObject(value)) {
		if (typeof value.name === 'string') return value.name;
		// Remind_At / Recurring_Activity: the rule string inside the wrapper object.
		const inner = value.ALARM ?? value.RRULE;
		if (typeof inner === 'string') return inner;
	}
	return JSON.stringify(value);
}

export function recordInsert(crm: Crm, module: ModuleName, rec: CrmRecord, userId: string, source: TimelineSource): void {
	const base = { module, recordId: rec.id, recordName: crm.store.displayName(module, rec), time: crm.now(), userId, source };
	crm.timeline.add({ ...base, action: 'added', fields: null });
}

/** `fields` are the names whose stored value changed; those without a field definition ($se_module) are left out. */
export function recordUpdate(crm: Crm, module: ModuleName, before: CrmRecord, rec: CrmRecord, fields: string[], userId: string, source: TimelineSource): void {
	const changes: FieldChange[] = [];
	for (const name of fields) {
		const def = crm.fields.get(module, name);
		if (!def) continue;
		const change = { def, old: historyString(crm, module, before, def), new: historyString(crm, module, rec, def) };
		// Two stored shapes of one value (`"id"` vs `{id}`) are no change to a reader.
		if (change.old !== change.new) changes.push(change);
	}
	// Assumption: a write that changes no value leaves no trace in the timeline.
	if (changes.length === 0) return;
	const base = { module, recordId: rec.id, recordName: crm.store.displayName(module, rec), time: crm.now(), userId, source };
	crm.timeline.add({ ...base, action: 'updated', fields: changes });
}

/** `include_inner_details` values the simulator honours (the rest are accepted and ignored). */
export interface InnerDetails {
	fieldLabel: boolean;
	dataType: boolean;
	profile: boolean;
}

export function renderEntry(crm: Crm, e: TimelineEntry, inner: InnerDetails): Record<string, unknown> {
	const user = crm.users.get(e.userId);
	const doneBy: Record<string, unknown> = { name: user?.full_name ?? '', id: e.userId };
	if (inner.profile && user) doneBy.profile = user.profile;
	return {
		done_by: doneBy,
		extension: null,
		related_record: null,
		automation_details: null,
		record: { module: { api_name: e.module, id: MODULE_IDS[e.module] }, name: e.recordName, id: e.recordId },
		audited_time: zohoTime(e.time),
		action: e.action,
		id: e.id,
		source: e.source,
		type: 'timeline',
		field_history: e.fields?.map((c) => renderChange(crm, e.module, c, inner)) ?? null,
	};
}

function renderChange(crm: Crm, module: ModuleName, c: FieldChange, inner: InnerDetails): Record<string, unknown> {
	const out: Record<string, unknown> = { api_name: c.def.api_name, id: crm.fields.describe(module, c.def).id };
	if (inner.fieldLabel) out.field_label = c.def.field_label;
	if (inner.dataType) out.data_type = c.def.data_type;
	out._value = { new: c.new, old: c.old };
	return out;
}
