/**
 * Zoho's two documented refusals (help page 利用例1/2) explained with names, dates and ranges.
 * Zoho's own wording for them is undocumented, so the facts are read back — only on this failure
 * path — and the message is built from them; any other error is returned unchanged.
 */
import type { IAllExecuteFunctions, IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { toCalendarDate } from './dates';
import { zohoErrorOf } from './errors';
import { getProject } from './lookups';
import { isClosed, parentTaskId } from './tasks';
import { type ProjectsSettings, projectsRequest } from './transport';

/**
 * A refused date write in a strict project → an error naming the date and the project's range.
 * Zoho's own wording is undocumented, so the project is read (only on this failure path) and the
 * explanation built from it; any other error is returned unchanged.
 */
export async function explainDateRefusal(
	this: IAllExecuteFunctions,
	settings: ProjectsSettings,
	projectId: string,
	error: unknown,
	dates: { start_date?: string; end_date?: string },
): Promise<unknown> {
	const zoho = zohoErrorOf(error);
	if (!zoho || (zoho.status !== 400 && zoho.status !== 403) || (!dates.start_date && !dates.end_date)) return error;
	let project: IDataObject;
	try {
		project = await getProject.call(this, settings, projectId);
	} catch {
		return error; // The explanation is a courtesy: Zoho's own error still stands.
	}
	if (project.is_strict_project !== true && project.is_strict_project !== 'true') return error;
	const start = toCalendarDate(project.start_date) ?? '';
	const end = toCalendarDate(project.end_date) ?? '';
	for (const [key, label] of [['start_date', 'start date'], ['end_date', 'end date']] as const) {
		const date = dates[key];
		if (!date || !((start && date < start) || (end && date > end))) continue;
		return new NodeApiError(this.getNode(), { ...zoho, field: key, value: date } as unknown as JsonObject, {
			message: `The ${label} ${date} is outside the strict project "${String(project.name)}" (${start || '…'} to ${end || '…'})`,
			description: `Zoho Projects keeps task dates of a strict (fixed-duration) project within the project's dates. Use a date from ${start || '…'} to ${end || '…'}, or change the project's dates. Zoho said: ${zoho.message}`,
			httpCode: String(zoho.status),
		});
	}
	return error;
}

/** A refused reopen of a subtask whose parent is closed → an error naming both tasks. */
export async function explainReopenRefusal(
	this: IAllExecuteFunctions,
	settings: ProjectsSettings,
	projectId: string,
	taskId: string,
	error: unknown,
): Promise<unknown> {
	const zoho = zohoErrorOf(error);
	if (!zoho || (zoho.status !== 400 && zoho.status !== 403)) return error;
	const read = async (id: string) =>
		(await projectsRequest.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks/${id}` })) as IDataObject;
	let task: IDataObject;
	let parent: IDataObject | undefined;
	try {
		task = await read(taskId);
		const parentId = parentTaskId(task);
		parent = parentId ? await read(parentId) : undefined;
	} catch {
		return error; // The explanation is a courtesy: Zoho's own error still stands.
	}
	const parentId = parentTaskId(task);
	if (!parent || !parentId || !isClosed(parent)) return error;
	return new NodeApiError(this.getNode(), { ...zoho, parentTaskId: parentId } as unknown as JsonObject, {
		message: `The subtask "${String(task.name)}" cannot be reopened while its parent task "${String(parent.name)}" is closed`,
		description: `Reopen the parent task ${parentId} first, then the subtask ${taskId}. Zoho said: ${zoho.message}`,
		httpCode: String(zoho.status),
	});
}
