import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest, statusFor, withCalendarDates } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';

const properties: INodeProperties[] = [
	taskIdField,
	{
		displayName: 'Closed Status Name or ID',
		name: 'closedStatusId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getClosedStatuses', loadOptionsDependsOn: ['portalId.value', 'projectId.value'] },
		default: '',
		description:
			'A closed-type status to set; empty uses the first closed-type status of the project. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['close'] } }, properties);

/** PATCH …/tasks/{task} with `{status:{id}}` of a closed-type status. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	const status = await statusFor.call(this, settings, projectId, true, String(this.getNodeParameter('closedStatusId', i, '')).trim(), i);
	const body = { status: { id: status.id } };
	return withCalendarDates((await projectsRequest.call(this, settings, { method: 'PATCH', path: `/projects/${projectId}/tasks/${taskId}`, body })) as IDataObject);
}
