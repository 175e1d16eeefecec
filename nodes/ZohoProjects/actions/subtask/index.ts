import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['subtask'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Create a subtask under a task', action: 'Create a subtask' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many subtasks of a task', action: 'Get many subtasks' },
	],
	default: 'getAll',
};

export const description: INodeProperties[] = [...create.description, ...getAll.description];
