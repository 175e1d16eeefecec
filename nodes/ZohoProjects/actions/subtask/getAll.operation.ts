import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll, withCalendarDates } from '../../../shared/projects';
import { idOf, readLimit, returnAllOrLimit, settingsOf, taskIdField } from '../common';
import { taskFilter } from '../task/getAll.operation';

const properties: INodeProperties[] = [{ ...taskIdField, displayName: 'Parent Task ID' }, ...returnAllOrLimit];

export const description = updateDisplayOptions({ show: { resource: ['subtask'], operation: ['getAll'] } }, properties);

/** GET …/projects/{project}/tasks with the `parent_task` filter: V3 has no subtask route of its own. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Parent Task ID', i);
	const qs = { filter: taskFilter([['parent_task', taskId]]) };
	const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks`, qs }, 'tasks', {
		limit: readLimit.call(this, i),
	});
	return rows.map(withCalendarDates);
}
