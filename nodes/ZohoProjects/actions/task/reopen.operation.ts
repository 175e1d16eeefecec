import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { explainReopenRefusal, projectsRequest, statusFor, withCalendarDates } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';

const properties: INodeProperties[] = [
	taskIdField,
	{
		displayName: 'Open Status Name or ID',
		name: 'openStatusId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getOpenStatuses', loadOptionsDependsOn: ['portalId.value', 'projectId.value'] },
		default: '',
		description:
			"An open-type status to set; empty uses the project's default open status. Choose from the list, or specify an ID using an <a href=\"https://docs.n8n.io/code/expressions/\">expression</a>.",
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['reopen'] } }, properties);

/**
 * PATCH …/tasks/{task} with `{status:{id}}` of an open-type status. Zoho refuses to reopen a
 * subtask of a closed parent; that refusal is explained with both task names.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	const status = await statusFor.call(this, settings, projectId, false, String(this.getNodeParameter('openStatusId', i, '')).trim(), i);
	const body = { status: { id: status.id } };
	try {
		return withCalendarDates(
			(await projectsRequest.call(this, settings, { method: 'PATCH', path: `/projects/${projectId}/tasks/${taskId}`, body })) as IDataObject,
		);
	} catch (error) {
		throw await explainReopenRefusal.call(this, settings, projectId, taskId, error);
	}
}
