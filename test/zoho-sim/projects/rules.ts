/**
 * Zoho's business refusals for task writes. They apply the same way to API calls and to edits made
 * "in the Projects UI" through the direct-manipulation methods (Zoho enforces them server-side).
 * Error shapes for these are not documented; see ASSUMPTIONS.md (## Projects).
 */
import { invalid, refused } from './errors';
import type { Store } from './store';
import type { TaskChange } from './task-input';
import type { Outcome, ProjectRec, TaskRec } from './types';

export interface RuleOptions {
	/** 'block': a parent cannot be closed while a subtask is open. 'allow': it can; subtasks stay as they are. */
	closeParentWithOpenSubtasks: 'allow' | 'block';
}

export function checkTaskRules(
	store: Store,
	project: ProjectRec,
	before: TaskRec | undefined,
	change: TaskChange,
	options: RuleOptions,
): Outcome<true> {
	const error = datesOrder(before, change) ?? strictProject(project, change) ?? reopen(store, before, change) ?? closeParent(store, before, change, options);
	return error ? { ok: false, error } : { ok: true, value: true };
}

function datesOrder(before: TaskRec | undefined, change: TaskChange) {
	const start = change.start_date ?? before?.start_date ?? '';
	const end = change.end_date ?? before?.end_date ?? '';
	if (start && end && end < start) return invalid('end_date', `end_date ${end} is before start_date ${start}.`);
	return undefined;
}

/** Only the dates this write sets are checked: a task left outside after the project moved is not refused until its dates change. */
function strictProject(project: ProjectRec, change: TaskChange) {
	if (!project.is_strict_project) return undefined;
	for (const key of ['start_date', 'end_date'] as const) {
		const date = change[key];
		if (!date) continue;
		if ((project.start_date && date < project.start_date) || (project.end_date && date > project.end_date)) {
			const range = `${project.start_date || '…'} to ${project.end_date || '…'}`;
			return refused(key, `${key} ${date} is outside the schedule of the strict project "${project.name}" (${range}).`);
		}
	}
	return undefined;
}

function reopen(store: Store, before: TaskRec | undefined, change: TaskChange) {
	const parentId = before ? before.parentId : change.parentId;
	const parent = parentId ? store.tasks.get(parentId) : undefined;
	if (!parent || !store.isClosed(parent)) return undefined;
	const target = change.statusId ? store.statuses.get(change.statusId) : before ? undefined : store.defaultStatus();
	if (!target || target.is_closed_type) return undefined;
	if (!before) {
		return refused('parental_info', `An open subtask cannot be added to the closed task "${parent.name}"; reopen the parent task first.`);
	}
	if (!store.isClosed(before)) return undefined;
	return refused('status', `The subtask "${before.name}" cannot be reopened while its parent task "${parent.name}" is closed; reopen the parent task first.`);
}

function closeParent(store: Store, before: TaskRec | undefined, change: TaskChange, options: RuleOptions) {
	if (options.closeParentWithOpenSubtasks === 'allow' || !before || !change.statusId) return undefined;
	const target = store.statuses.get(change.statusId);
	if (!target?.is_closed_type || store.isClosed(before)) return undefined;
	const open = store.children(before.id).filter((c) => !store.isClosed(c));
	if (!open.length) return undefined;
	return refused('status', `The task "${before.name}" has open subtasks (${open.map((c) => c.name).join(', ')}); close them first.`);
}
