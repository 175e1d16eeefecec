/**
 * A task POST/PATCH body → a normalised change, or the V3 error Zoho gives for that body. Only shape
 * and reference checks live here; business refusals (strict project, closed parent) are in rules.ts.
 */
import { badJson, invalid, isRecord, missing, v3Error } from './errors';
import { parseDateIn } from './dates';
import type { Store } from './store';
import { type Outcome, PRIORITIES, type Priority, type ProjectRec } from './types';

export interface OwnerChange {
	/** A plain `owners:[{zpuid}]` list replaces the owners (assumption: replace, not add). */
	replace?: string[];
	add: string[];
	remove: string[];
}

export interface TaskChange {
	name?: string;
	description?: string;
	statusId?: string;
	priority?: Priority;
	/** '' clears the date. */
	start_date?: string;
	end_date?: string;
	completion_percentage?: number;
	owners?: OwnerChange;
	tasklistId?: string;
	parentId?: string;
	/** By API name; '' clears. */
	custom: Record<string, string>;
}

export interface InputContext {
	store: Store;
	nameMaxLength: number;
	portalOffset: string;
}

/**
 * Keys Zoho accepts and the simulator does not model, plus the flat keys measured as accepted and
 * silently ignored (`depth` on POST, `owner`/`owners` on PATCH). Ignoring them keeps a client honest:
 * it must check the response, not the status code. `parental_info` is create-only (ignored on PATCH).
 */
const IGNORED = new Set([
	'billing_type', 'duration', 'milestone', 'tags', 'teams', 'attachments', 'recurrence', 'budget_info',
	'reminder', 'remove_dependency_lag', 'depth', 'owner', 'owners', 'is_completed',
]);

type Fail = { ok: false; error: ReturnType<typeof invalid> };
const fail = (error: ReturnType<typeof invalid>): Fail => ({ ok: false, error });

export function parseTaskBody(ctx: InputContext, project: ProjectRec, body: unknown, mode: 'create' | 'update'): Outcome<TaskChange> {
	const input = body === undefined ? {} : body;
	if (!isRecord(input)) return fail(badJson('body'));
	const change: TaskChange = { custom: {} };

	for (const [key, value] of Object.entries(input)) {
		const error = applyKey(ctx, project, change, key, value, mode);
		if (error) return error;
	}
	if (mode === 'create' && change.name === undefined) return fail(missing('name'));
	return { ok: true, value: change };
}

function applyKey(ctx: InputContext, project: ProjectRec, change: TaskChange, key: string, value: unknown, mode: 'create' | 'update'): Fail | undefined {
	const { store } = ctx;
	switch (key) {
		case 'name': {
			if (value === null || value === undefined || (typeof value === 'string' && !value.trim())) return fail(missing('name'));
			if (typeof value !== 'string') return fail(invalid('name', 'name must be a string.'));
			const length = [...value].length;
			if (length > ctx.nameMaxLength) {
				return fail(invalid('name', `name is ${length} characters long; the limit is ${ctx.nameMaxLength}.`));
			}
			change.name = value;
			return undefined;
		}
		case 'description':
			if (value !== null && typeof value !== 'string') return fail(invalid('description', 'description must be a string.'));
			change.description = value ?? '';
			return undefined;
		case 'priority':
			// Measured: capitalised values are refused with this message.
			if (typeof value !== 'string' || !(PRIORITIES as readonly string[]).includes(value)) {
				return fail(v3Error(400, 'PATTERN_NOT_MATCHED', 'Input Parameter Does not Match the Pattern Specified', { fieldName: 'priority' }));
			}
			change.priority = value as Priority;
			return undefined;
		case 'start_date':
		case 'end_date': {
			if (value === null || value === '') {
				change[key] = '';
				return undefined;
			}
			const date = typeof value === 'string' ? parseDateIn(value, ctx.portalOffset) : undefined;
			if (!date) return fail(invalid(key, `${key} must be a date (YYYY-MM-DD) or an ISO 8601 date-time; got ${JSON.stringify(value)}.`));
			change[key] = date;
			return undefined;
		}
		case 'completion_percentage':
			if (typeof value !== 'number' || value < 0 || value > 100) return fail(invalid(key, 'completion_percentage must be a number from 0 to 100.'));
			change.completion_percentage = Math.round(value);
			return undefined;
		case 'status': {
			const id = refId(value);
			if (id === undefined) return fail(badJson('status'));
			if (!store.statuses.has(id)) return fail(invalid('status', `Status ${id} is not a task status of this portal.`));
			change.statusId = id;
			return undefined;
		}
		case 'tasklist': {
			const id = refId(value);
			if (id === undefined) return fail(badJson('tasklist'));
			const list = store.tasklists.get(id);
			if (!list || list.projectId !== project.id) return fail(invalid('tasklist', `Tasklist ${id} is not in project ${project.id}.`));
			change.tasklistId = id;
			return undefined;
		}
		case 'parental_info': {
			if (mode === 'update') return undefined;
			if (!isRecord(value)) return fail(badJson('parental_info'));
			const id = value.parent_task_id;
			if (typeof id !== 'string' && typeof id !== 'number') return fail(missing('parent_task_id'));
			const parent = store.liveTask(String(id));
			if (!parent || parent.projectId !== project.id) return fail(invalid('parent_task_id', `Task ${id} is not a task of project ${project.id}.`));
			change.parentId = parent.id;
			return undefined;
		}
		case 'owners_and_work':
			return parseOwners(store, project, change, value);
		default:
			return customOrUnknown(store, change, key, value);
	}
}

/** `{id}` objects; ids may come as numbers from careless clients. */
function refId(value: unknown): string | undefined {
	if (!isRecord(value)) return undefined;
	const id = value.id;
	return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

function parseOwners(store: Store, project: ProjectRec, change: TaskChange, value: unknown): Fail | undefined {
	if (!isRecord(value)) return fail(badJson('owners_and_work')); // measured: an array → JSON_PARSE_ERROR
	if (value.owners === undefined) return undefined; // work_type, unit, ... alone: nothing modelled changes
	if (!Array.isArray(value.owners)) return fail(badJson('owners'));
	const owners: OwnerChange = { add: [], remove: [] };
	const plain: string[] = [];
	for (const item of value.owners) {
		if (!isRecord(item)) return fail(badJson('owners'));
		if (item.zpuid !== undefined) plain.push(String(item.zpuid));
		for (const [list, target] of [['add', owners.add], ['remove', owners.remove]] as const) {
			const entries = item[list];
			if (entries === undefined) continue;
			if (!Array.isArray(entries)) return fail(badJson(list));
			for (const e of entries) if (isRecord(e) && e.zpuid !== undefined) target.push(String(e.zpuid));
		}
	}
	if (plain.length || (!owners.add.length && !owners.remove.length)) owners.replace = plain;
	for (const zpuid of [...plain, ...owners.add]) {
		const user = store.users.get(zpuid);
		if (!user) return fail(invalid('owners_and_work', `zpuid ${zpuid} is not a user of this portal.`));
		if (!project.members.includes(zpuid)) {
			return fail(invalid('owners_and_work', `${user.name} (zpuid ${zpuid}) is not a user of project ${project.name}; add them to the project first.`));
		}
	}
	change.owners = owners;
	return undefined;
}

function customOrUnknown(store: Store, change: TaskChange, key: string, value: unknown): Fail | undefined {
	if (IGNORED.has(key)) return undefined;
	// Measured: every other top-level key is taken as a custom field API name.
	if (!store.customFieldByApiName(key)) return fail(invalid(key, 'Enter a valid custom field.'));
	if (value === null) change.custom[key] = '';
	else if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') change.custom[key] = String(value);
	// Reference: a wrong-typed custom field value gives a 500 INTERNAL_SERVER_ERROR.
	else return fail(v3Error(500, 'INTERNAL_SERVER_ERROR', 'Internal server error.', { errorType: 'INTERNAL_ERROR' }));
	return undefined;
}
