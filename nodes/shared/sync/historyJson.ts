/** Zoho's history JSON → plain history entries (tolerant reads, like views.ts). */
import type { HistoryEntry } from './history';
import type { Person } from './types';

type Json = Record<string, unknown>;

const obj = (v: unknown): Json => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : {});
const list = (v: unknown): Json[] => (Array.isArray(v) ? v.map(obj) : []);
const str = (v: unknown): string | undefined => (v === undefined || v === null || v === '' ? undefined : String(v));

/** The `at` of a sync-state JSON value, if it is one. */
function stateAt(value: unknown): string | undefined {
	try {
		return str(obj(JSON.parse(String(value))).at);
	} catch {
		return undefined;
	}
}

/** A CRM timeline entry; its `done_by` names the user by id, resolved to an e-mail through the CRM users. */
export function crmHistoryEntry(row: Json, usersById: Map<string | undefined, Person>, stateField: string): HistoryEntry {
	const doneBy = obj(row.done_by);
	const id = str(doneBy.id);
	const user = usersById.get(id);
	const changes = list(row.field_history);
	const state = changes.find((f) => f.api_name === stateField);
	return {
		at: str(row.audited_time) ?? '',
		by: id || doneBy.name ? { id, email: user?.email ?? null, name: str(doneBy.name) ?? user?.name } : null,
		fields: changes.map((f) => str(f.api_name)).filter((n): n is string => !!n),
		// Only a write that moved `at` is a sync: other writes of the field keep it.
		stateAt: state && stateAt(obj(state._value).new) !== stateAt(obj(state._value).old) ? stateAt(obj(state._value).new) : undefined,
	};
}

/** A Projects task activity entry: the author with e-mail, the time, and the task keys it changed. */
export function projectsHistoryEntry(row: Json): HistoryEntry {
	const by = obj(row.activity_by ?? row.done_by);
	const changes = list(row.field_changes);
	return {
		at: str(row.time) ?? '',
		by: str(by.email) || str(by.name) ? { id: str(by.zpuid ?? by.id), email: str(by.email) ?? null, name: str(by.name) } : null,
		fields: changes.map((c) => str(c.field_name)).filter((n): n is string => !!n),
	};
}
