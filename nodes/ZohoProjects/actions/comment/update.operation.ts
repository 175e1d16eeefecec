import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, idOf, settingsOf, taskIdField } from '../common';
import { commentField } from './create.operation';

export const commentIdField: INodeProperties = {
	displayName: 'Comment ID',
	name: 'commentId',
	type: 'string',
	default: '',
	required: true,
};

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['update'] } }, [
	taskIdField,
	commentIdField,
	commentField,
]);

/** PATCH …/tasks/{task}/comments/{comment} with the new text. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	const commentId = idOf.call(this, 'commentId', 'Comment ID', i);
	const body = { comment: this.getNodeParameter('comment', i) as string };
	const path = `/projects/${projectId}/tasks/${taskId}/comments/${commentId}`;
	return first(await projectsRequest.call(this, settings, { method: 'PATCH', path, body }));
}
