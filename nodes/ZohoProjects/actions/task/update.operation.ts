import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { explainDateRefusal, projectsRequest, taskBody, withCalendarDates } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';
import { readTaskInput, taskFields } from './fields';

const properties: INodeProperties[] = [taskIdField, taskFields('update')];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['update'] } }, properties);

/** PATCH /api/v3/portal/{portal}/projects/{project}/tasks/{task}: only the fields given change. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	const input = await readTaskInput.call(this, settings, projectId, this.getNodeParameter('updateFields', i, {}) as IDataObject, i);
	const body = taskBody(input);
	if (!Object.keys(body).length) throw new NodeOperationError(this.getNode(), 'Add at least one field to update', { itemIndex: i });
	try {
		return withCalendarDates(
			(await projectsRequest.call(this, settings, { method: 'PATCH', path: `/projects/${projectId}/tasks/${taskId}`, body })) as IDataObject,
		);
	} catch (error) {
		throw await explainDateRefusal.call(this, settings, projectId, error, { start_date: input.startDate, end_date: input.endDate });
	}
}
