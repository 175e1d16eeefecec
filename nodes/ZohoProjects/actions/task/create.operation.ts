import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

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
	const name = String(this.getNodeParameter('name', i, '') ?? '');
	// Checked before any call: Zoho's own answer to an empty name does not say which field it wants.
	if (!name.trim()) {
		throw new NodeOperationError(this.getNode(), 'Name is empty: a Zoho Projects task needs a name', {
			itemIndex: i,
			description: 'Fill in Name (if it is an expression, check that the item has the value it reads).',
		});
	}
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const input = await readTaskInput.call(this, settings, projectId, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i);
	input.name = name;
	const body = taskBody(input);
	try {
		return withCalendarDates((await projectsRequest.call(this, settings, { method: 'POST', path: `/projects/${projectId}/tasks`, body })) as IDataObject);
	} catch (error) {
		throw await explainDateRefusal.call(this, settings, projectId, error, { start_date: input.startDate, end_date: input.endDate });
	}
}
