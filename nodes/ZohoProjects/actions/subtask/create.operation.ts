import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { explainDateRefusal, projectsRequest, taskBody, withCalendarDates } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';
import { readTaskInput, taskFields } from '../task/fields';

const properties: INodeProperties[] = [
	{ ...taskIdField, displayName: 'Parent Task ID' },
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Check the row counts' },
	taskFields('subtask'),
];

export const description = updateDisplayOptions({ show: { resource: ['subtask'], operation: ['create'] } }, properties);

/** POST …/projects/{project}/tasks with `parental_info.parent_task_id`; it inherits the parent's tasklist. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const parentId = idOf.call(this, 'taskId', 'Parent Task ID', i);
	const input = await readTaskInput.call(this, settings, projectId, this.getNodeParameter('additionalFields', i, {}) as IDataObject, i);
	input.name = this.getNodeParameter('name', i) as string;
	input.parentTaskId = parentId;
	const body = taskBody(input);
	try {
		return withCalendarDates((await projectsRequest.call(this, settings, { method: 'POST', path: `/projects/${projectId}/tasks`, body })) as IDataObject);
	} catch (error) {
		throw await explainDateRefusal.call(this, settings, projectId, error, { start_date: input.startDate, end_date: input.endDate });
	}
}
