import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';
import { commentIdField } from './update.operation';

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['delete'] } }, [taskIdField, commentIdField]);

/** DELETE …/tasks/{task}/comments/{comment} → 204. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	const commentId = idOf.call(this, 'commentId', 'Comment ID', i);
	await projectsRequest.call(this, settings, { method: 'DELETE', path: `/projects/${projectId}/tasks/${taskId}/comments/${commentId}` });
	return { id: commentId, deleted: true };
}
