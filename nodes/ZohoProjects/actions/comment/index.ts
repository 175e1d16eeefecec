import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as deleteComment from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export { create, deleteComment as delete, getAll, update };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['comment'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Add a comment to a task', action: 'Add a comment to a task' },
		{ name: 'Delete', value: 'delete', description: 'Delete a task comment', action: 'Delete a comment' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many comments of a task', action: 'Get many comments' },
		{ name: 'Update', value: 'update', description: 'Change the text of a task comment', action: 'Update a comment' },
	],
	default: 'create',
};

export const description: INodeProperties[] = [...create.description, ...getAll.description, ...update.description, ...deleteComment.description];
