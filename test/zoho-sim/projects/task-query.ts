/**
 * Task list query params: `sort_by=ASC(field)|DESC(field)` over the documented sortable fields, and
 * the JSON `filter` param `{"criteria":[{field_name, criteria_condition, value:[…]}], "pattern":"1 AND 2"}`.
 */
import { invalid, isRecord } from './errors';
import type { Store } from './store';
import type { Outcome, TaskRec } from './types';

type Sorter = (a: TaskRec, b: TaskRec) => number;

const cmp = (a: string | number | boolean, b: string | number | boolean) => (a < b ? -1 : a > b ? 1 : 0);

function sortKey(store: Store, field: string): ((t: TaskRec) => string | number | boolean) | undefined {
	switch (field) {
		case 'id':
			return (t) => t.id.padStart(20, '0');
		case 'name':
		case 'start_date':
		case 'end_date':
		case 'created_time':
		case 'last_modified_time':
			return (t) => t[field];
		case 'completion_percentage':
			return (t) => (store.isClosed(t) ? 100 : t.completion_percentage);
		case 'created_by':
			return (t) => store.users.get(t.createdBy)?.name ?? '';
		case 'is_completed':
			return (t) => store.isClosed(t);
		default:
			return undefined;
	}
}

/** Default order is creation order; equal keys also fall back to it so pages never overlap. */
export function parseSort(store: Store, raw: string | null): Outcome<Sorter> {
	const bySeq: Sorter = (a, b) => a.seq - b.seq;
	if (!raw) return { ok: true, value: bySeq };
	const m = /^(ASC|DESC)\((\w+)\)$/.exec(raw.trim());
	const key = m ? sortKey(store, m[2]) : undefined;
	if (!m || !key) return { ok: false, error: invalid('sort_by', `sort_by ${raw} is not ASC(field) or DESC(field) with a sortable field.`) };
	const sign = m[1] === 'DESC' ? -1 : 1;
	return { ok: true, value: (a, b) => sign * cmp(key(a), key(b)) || sign * bySeq(a, b) };
}

type Predicate = (t: TaskRec) => boolean;

function fieldValues(store: Store, field: string): ((t: TaskRec) => string[]) | undefined {
	switch (field) {
		case 'parent_task':
			return (t) => [t.parentId];
		case 'owner':
			return (t) => t.ownerZpuids;
		case 'status':
			return (t) => [t.statusId];
		case 'priority':
			return (t) => [t.priority];
		case 'name':
			return (t) => [t.name];
		case 'tasklist':
			return (t) => [t.tasklistId];
		default:
			return undefined;
	}
}

function criterion(store: Store, raw: unknown): Predicate | string {
	if (!isRecord(raw)) return 'each criterion must be an object';
	const field = String(raw.field_name ?? '');
	const get = fieldValues(store, field);
	if (!get) return `field_name ${field} cannot be filtered on (parent_task, owner, status, priority, name, tasklist)`;
	const wanted = (Array.isArray(raw.value) ? raw.value : [raw.value]).map((v) => String(v));
	const lower = wanted.map((w) => w.toLowerCase());
	switch (raw.criteria_condition) {
		case 'is':
			return (t) => get(t).some((v) => wanted.includes(v));
		case 'is_not':
			return (t) => !get(t).some((v) => wanted.includes(v));
		case 'contains':
			return (t) => get(t).some((v) => lower.some((w) => v.toLowerCase().includes(w)));
		case 'not_contains':
			return (t) => !get(t).some((v) => lower.some((w) => v.toLowerCase().includes(w)));
		default:
			return `criteria_condition ${String(raw.criteria_condition)} is not one of is, is_not, contains, not_contains`;
	}
}

/** `"1 AND (2 OR 3)"` over criteria numbers; OR binds looser than AND. */
function combine(pattern: string, preds: Predicate[]): Predicate | string {
	const tokens = pattern.toUpperCase().match(/\d+|AND|OR|\(|\)|\S/g) ?? [];
	let pos = 0;
	const fail = (why: string): never => {
		throw new Error(why);
	};
	const primary = (): Predicate => {
		const tok = tokens[pos++];
		if (tok === '(') {
			const inner = or();
			if (tokens[pos++] !== ')') fail('missing )');
			return inner;
		}
		const pred = /^\d+$/.test(tok ?? '') ? preds[Number(tok) - 1] : undefined;
		return pred ?? fail(`unknown criterion ${tok ?? '(end)'}`);
	};
	const and = (): Predicate => {
		let left = primary();
		while (tokens[pos] === 'AND') {
			pos++;
			const l = left;
			const r = primary();
			left = (t) => l(t) && r(t);
		}
		return left;
	};
	const or = (): Predicate => {
		let left = and();
		while (tokens[pos] === 'OR') {
			pos++;
			const l = left;
			const r = and();
			left = (t) => l(t) || r(t);
		}
		return left;
	};
	try {
		const pred = or();
		return pos === tokens.length ? pred : `unexpected ${tokens[pos]} in pattern`;
	} catch (error) {
		return (error as Error).message;
	}
}

export function parseFilter(store: Store, raw: string | null): Outcome<Predicate> {
	if (!raw) return { ok: true, value: () => true };
	const bad = (why: string) => ({ ok: false as const, error: invalid('filter', `filter is not valid: ${why}.`) });
	let parsed: unknown;
	try {
		parsed = JSON.parse(raw);
	} catch {
		return bad('not JSON');
	}
	if (!isRecord(parsed) || !Array.isArray(parsed.criteria) || !parsed.criteria.length) return bad('criteria must be a non-empty array');
	const preds: Predicate[] = [];
	for (const c of parsed.criteria) {
		const pred = criterion(store, c);
		if (typeof pred === 'string') return bad(pred);
		preds.push(pred);
	}
	const pattern = typeof parsed.pattern === 'string' && parsed.pattern.trim() ? parsed.pattern : preds.map((_, i) => i + 1).join(' AND ');
	const combined = combine(pattern, preds);
	return typeof combined === 'string' ? bad(combined) : { ok: true, value: combined };
}
