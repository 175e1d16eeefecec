/** What a Projects task as listed or read must carry for the sync to decide on it without reading it again. */
import type { IDataObject } from 'n8n-workflow';

import type { SyncSettings } from './settings';

/** What a Projects task must carry to be decided on without reading it (what projectsTaskFromJson and the link use). */
const TASK_KEYS = ['name', 'description', 'end_date', 'priority', 'owners_and_work', 'last_modified_time'];

/**
 * The input item when it is this Projects task as Zoho lists it (the Projects trigger's polling output):
 * every key a decision reads, the CRM id field and the mapped custom fields included. Anything less
 * (a webhook's chosen parameters, a task list that leaves keys out) and the task is read instead.
 */
export function deliveredTask(item: IDataObject, taskId: string, settings: SyncSettings): IDataObject | null {
	if (String(item.id ?? '') !== taskId) return null;
	const status = item.status as IDataObject | undefined;
	if (typeof status !== 'object' || status === null || status.is_closed_type === undefined) return null;
	const keys = [...TASK_KEYS, settings.fields.projectsCrmId, ...settings.config.customFields.map((p) => p.projects)];
	return keys.every((key) => key in item) ? item : null;
}
