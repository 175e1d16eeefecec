import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll } from '../../../shared/projects';
import { idOf, readLimit, returnAllOrLimit, settingsOf, taskIdField } from '../common';

const properties: INodeProperties[] = [taskIdField, ...returnAllOrLimit];

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['getAll'] } }, properties);

/** GET …/tasks/{task}/comments → `{comments, page_info}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks/${taskId}/comments` }, 'comments', {
		limit: readLimit.call(this, i),
	});
}
