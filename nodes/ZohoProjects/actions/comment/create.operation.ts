import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, idOf, settingsOf, taskIdField } from '../common';

export const commentField: INodeProperties = {
	displayName: 'Comment',
	name: 'comment',
	type: 'string',
	default: '',
	required: true,
	typeOptions: { rows: 3 },
	description: 'The comment text (Zoho Projects stores it as HTML)',
};

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['create'] } }, [taskIdField, commentField]);

/** POST …/tasks/{task}/comments; Zoho answers with an array holding the new comment. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	const body = { comment: this.getNodeParameter('comment', i) as string };
	return first(await projectsRequest.call(this, settings, { method: 'POST', path: `/projects/${projectId}/tasks/${taskId}/comments`, body }));
}
