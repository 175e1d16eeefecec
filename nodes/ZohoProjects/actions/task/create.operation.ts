import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { explainDateRefusal, projectsRequest, taskBody, withCalendarDates } from '../../../shared/projects';
import { idOf, settingsOf } from '../common';
import { readTaskInput, taskFields } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Prepare the migration plan',
	},
	taskFields('create'),
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, properties);

/** POST /api/v3/portal/{portal}/projects/{project}/tasks */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const input = await readTaskInput.call(this, settings, projectId, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i);
	input.name = this.getNodeParameter('name', i) as string;
	const body = taskBody(input);
	try {
		return withCalendarDates((await projectsRequest.call(this, settings, { method: 'POST', path: `/projects/${projectId}/tasks`, body })) as IDataObject);
	} catch (error) {
		throw await explainDateRefusal.call(this, settings, projectId, error, { start_date: input.startDate, end_date: input.endDate });
	}
}
