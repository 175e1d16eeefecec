/** Pure task helpers: V3 write bodies from plain input, and reads turned into n8n-friendly items. */
import type { IDataObject } from 'n8n-workflow';

import { fromZohoDate } from './dates';

export type Priority = 'none' | 'low' | 'medium' | 'high';
export const PRIORITIES: readonly Priority[] = ['none', 'low', 'medium', 'high'];

export interface TaskInput {
	name?: string;
	description?: string;
	tasklistId?: string;
	/** Create only: makes the task a subtask. */
	parentTaskId?: string;
	/** Create: the owners. */
	ownerZpuids?: string[];
	/** Update: owners to add and to remove (a plain list on PATCH is ambiguous in Zoho's docs). */
	addOwnerZpuids?: string[];
	removeOwnerZpuids?: string[];
	/** Calendar dates `YYYY-MM-DD`; '' clears. */
	startDate?: string;
	endDate?: string;
	priority?: Priority;
	statusId?: string;
	completionPercentage?: number;
	/** Task custom fields by API name (V3 takes them as top-level keys). */
	customFields?: Record<string, string | number | boolean | null>;
}

/** The V3 JSON body: links are nested objects (`{tasklist:{id}}`), as Zoho requires. */
export function taskBody(input: TaskInput): IDataObject {
	const body: IDataObject = {};
	if (input.name !== undefined) body.name = input.name;
	if (input.description !== undefined) body.description = input.description;
	if (input.tasklistId) body.tasklist = { id: input.tasklistId };
	if (input.parentTaskId) body.parental_info = { parent_task_id: input.parentTaskId };
	if (input.statusId) body.status = { id: input.statusId };
	if (input.priority) body.priority = input.priority;
	if (input.startDate !== undefined) body.start_date = input.startDate;
	if (input.endDate !== undefined) body.end_date = input.endDate;
	if (input.completionPercentage !== undefined) body.completion_percentage = input.completionPercentage;
	const owners: IDataObject[] = (input.ownerZpuids ?? []).map((zpuid) => ({ zpuid }));
	const add = (input.addOwnerZpuids ?? []).map((zpuid) => ({ zpuid }));
	const remove = (input.removeOwnerZpuids ?? []).map((zpuid) => ({ zpuid }));
	if (add.length || remove.length) owners.push({ ...(add.length ? { add } : {}), ...(remove.length ? { remove } : {}) });
	if (owners.length) body.owners_and_work = { owners };
	for (const [key, value] of Object.entries(input.customFields ?? {})) body[key] = value;
	return body;
}

/** An end date before the start date, as a message naming both; undefined when the order is fine. */
export function dateOrderProblem(startDate?: string, endDate?: string): string | undefined {
	if (startDate && endDate && endDate < startDate) return `End date ${endDate} is before start date ${startDate}`;
	return undefined;
}

/** A task or project read with calendar dates (`start_date: "2026-12-10"`), everything else as Zoho sent it. */
export function withCalendarDates(task: IDataObject): IDataObject {
	const out: IDataObject = { ...task };
	for (const key of ['start_date', 'end_date']) if (key in out) out[key] = fromZohoDate(out[key]);
	return out;
}

export function isClosed(task: IDataObject): boolean {
	const status = task.status as IDataObject | undefined;
	return status?.is_closed_type === true || status?.is_closed_type === 'true';
}

export function parentTaskId(task: IDataObject): string | undefined {
	const id = (task.parental_info as IDataObject | undefined)?.parent_task_id;
	return id !== undefined && id !== null && id !== '' ? String(id) : undefined;
}
