/**
 * Who wrote which synced field since the last sync, and when, from each side's own history:
 * Zoho CRM's record timeline and Zoho Projects' task activity. Values alone cannot see a write that
 * returns a field to the last synced value, nor which field a record time belongs to; this can.
 */
import { emailKey } from './text';
import type { FieldId, FieldWrite, Person, SyncConfig } from './types';

/** One history entry in plain terms: when, by whom, which of that side's field names it wrote. */
export interface HistoryEntry {
	at: string;
	by: Person | null;
	fields: string[];
	/** CRM: the `at` of the sync state this entry wrote, when the timeline shows the value and the write moved it. */
	stateAt?: string;
}

const CRM_FIELDS: Record<string, FieldId> = {
	Subject: 'subject',
	Description: 'description',
	Due_Date: 'dueDate',
	Priority: 'priority',
	Status: 'status',
	Owner: 'owner',
};

const PROJECTS_FIELDS: Record<string, FieldId> = {
	name: 'subject',
	description: 'description',
	end_date: 'dueDate',
	priority: 'priority',
	status: 'status',
	owner: 'owner',
	owners: 'owner',
	owners_and_work: 'owner',
};

function fieldOf(side: 'crm' | 'projects', name: string, config: SyncConfig): FieldId | undefined {
	const standard = (side === 'crm' ? CRM_FIELDS : PROJECTS_FIELDS)[name];
	if (standard) return standard;
	const pair = config.customFields.find((p) => (side === 'crm' ? p.crm : p.projects) === name);
	return pair ? `custom:${pair.crm}` : undefined;
}

/** The newest write per field among `entries` (any order). */
function newestPerField(side: 'crm' | 'projects', entries: HistoryEntry[], config: SyncConfig): Partial<Record<FieldId, FieldWrite>> {
	const writes: Partial<Record<FieldId, FieldWrite>> = {};
	for (const entry of entries) {
		for (const name of entry.fields) {
			const field = fieldOf(side, name, config);
			if (!field) continue;
			const seen = writes[field];
			if (!seen || Date.parse(entry.at) > Date.parse(seen.at)) writes[field] = { at: entry.at, by: entry.by };
		}
	}
	return writes;
}

/**
 * CRM: every write the sync makes to a CRM task carries its sync-state field with a new `at`, so the
 * entry that wrote the current state's `at` is the last sync; the entries after it are users'
 * writes. Other writes of the field (a pending comment noted by Sync Comment) keep `at` and are not
 * a sync. Where the timeline does not show the value, the newest write of the field counts.
 */
export function crmEvidence(entries: HistoryEntry[], stateField: string, config: SyncConfig, syncedAt?: string): Partial<Record<FieldId, FieldWrite>> {
	const newestFirst = [...entries].sort((a, b) => Date.parse(b.at) - Date.parse(a.at));
	const exact = syncedAt ? newestFirst.findIndex((e) => e.stateAt === syncedAt) : -1;
	const lastSync = exact >= 0 ? exact : newestFirst.findIndex((e) => e.fields.includes(stateField));
	return newestPerField('crm', lastSync < 0 ? newestFirst : newestFirst.slice(0, lastSync), config);
}

/**
 * Projects: the state keeps the task's modified time as of the last sync; entries after it, by
 * anyone but the sync's own user, are users' writes.
 */
export function projectsEvidence(entries: HistoryEntry[], since: string, apiUserEmail: string | undefined, config: SyncConfig): Partial<Record<FieldId, FieldWrite>> {
	const after = Date.parse(since);
	const api = emailKey(apiUserEmail);
	const users = entries.filter((e) => Date.parse(e.at) > after && !(api && emailKey(e.by?.email) === api));
	return newestPerField('projects', users, config);
}
