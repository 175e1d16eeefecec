import type { INodeProperties } from 'n8n-workflow';

import * as close from './close.operation';
import * as create from './create.operation';
import * as deleteTask from './delete.operation';
import * as get from './get.operation';
import * as getAll from './getAll.operation';
import * as reopen from './reopen.operation';
import * as update from './update.operation';

export { close, create, deleteTask as delete, get, getAll, reopen, update };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['task'] } },
	options: [
		{ name: 'Close', value: 'close', description: 'Close a task by giving it a closed-type status', action: 'Close a task' },
		{ name: 'Create', value: 'create', description: 'Create a task or a subtask', action: 'Create a task' },
		{ name: 'Delete', value: 'delete', description: 'Move a task to the trash', action: 'Delete a task' },
		{ name: 'Get', value: 'get', description: 'Get a task', action: 'Get a task' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many tasks of a project', action: 'Get many tasks' },
		{ name: 'Reopen', value: 'reopen', description: 'Reopen a task by giving it an open-type status', action: 'Reopen a task' },
		{ name: 'Update', value: 'update', description: 'Change some fields of a task', action: 'Update a task' },
	],
	default: 'get',
};

export const description: INodeProperties[] = [
	...create.description,
	...get.description,
	...getAll.description,
	...update.description,
	...deleteTask.description,
	...close.description,
	...reopen.description,
];
