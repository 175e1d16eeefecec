/**
 * A task's activity history: one entry per create, value-changing update and trash, written by
 * ops.ts so API calls and edits "in the Projects UI" are recorded alike. Zoho documents the route
 * only in the legacy API (Task Activities); the entry shape here is the simulator's own (see
 * ASSUMPTIONS.md, "Task activities").
 */
import { newId } from '../kit';
import { dateOut } from './dates';
import type { Store } from './store';
import type { PortalUser, TaskRec } from './types';
import { personRef } from './views';

export type ActivityAction = 'created' | 'updated' | 'deleted';

export interface FieldChange {
	/** The V3 task JSON key (`end_date`, `status`, `owners`, a custom field's API name). */
	field_name: string;
	old_value: unknown;
	new_value: unknown;
}

export interface ActivityRec {
	id: string;
	taskId: string;
	seq: number;
	/** Same clock and format as the task's `last_modified_time`. */
	time: string;
	action: ActivityAction;
	actorZpuid: string;
	changes: FieldChange[];
}

/** The fields a reader can tell apart, each as the task JSON shows it (unset = null). */
export function trackedFields(store: Store, t: TaskRec, offset: string): Record<string, unknown> {
	const status = store.statusOf(t);
	const list = store.tasklists.get(t.tasklistId);
	const fields: Record<string, unknown> = {
		name: t.name,
		description: t.description,
		status: { id: status.id, name: status.name, is_closed_type: status.is_closed_type },
		priority: t.priority,
		start_date: dateOut(t.start_date, offset) ?? null,
		end_date: dateOut(t.end_date, offset) ?? null,
		completion_percentage: status.is_closed_type ? 100 : t.completion_percentage,
		owners: t.ownerZpuids.map((z) => {
			const u = store.users.get(z);
			return u ? { zpuid: u.zpuid, name: u.name, email: u.email } : { zpuid: z };
		}),
		tasklist: list ? { id: list.id, name: list.name } : null,
	};
	for (const [key, value] of Object.entries(t.custom)) fields[key] = value;
	return fields;
}

/** Fields whose value differs between two `trackedFields` projections, in a stable order. */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): FieldChange[] {
	const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
	return keys
		.filter((k) => JSON.stringify(before[k] ?? null) !== JSON.stringify(after[k] ?? null))
		.map((k) => ({ field_name: k, old_value: before[k] ?? null, new_value: after[k] ?? null }));
}

export function recordActivity(store: Store, task: TaskRec, action: ActivityAction, actor: PortalUser, time: string, changes: FieldChange[] = []): void {
	const rec: ActivityRec = { id: newId('28'), taskId: task.id, seq: store.nextSeq(), time, action, actorZpuid: actor.zpuid, changes };
	store.activities.set(rec.id, rec);
}

/** Newest first; same-second entries by write order. */
export function activitiesOf(store: Store, taskId: string): ActivityRec[] {
	return [...store.activities.values()].filter((a) => a.taskId === taskId).sort((a, b) => b.seq - a.seq);
}

export function activityView(store: Store, a: ActivityRec): Record<string, unknown> {
	return {
		id: a.id,
		action: a.action,
		time: a.time,
		activity_by: personRef(store, a.actorZpuid) ?? { zpuid: a.actorZpuid },
		field_changes: a.changes,
	};
}
