import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['delete'] } }, [taskIdField]);

/** DELETE /api/v3/portal/{portal}/projects/{project}/tasks/{task}: Zoho moves it (and its subtasks) to the trash. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	await projectsRequest.call(this, settings, { method: 'DELETE', path: `/projects/${projectId}/tasks/${taskId}` });
	return { id: taskId, deleted: true };
}
