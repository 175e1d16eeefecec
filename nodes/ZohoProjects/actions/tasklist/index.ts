import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['tasklist'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Create a tasklist in a project', action: 'Create a tasklist' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many tasklists of a project', action: 'Get many tasklists' },
	],
	default: 'getAll',
};

export const description: INodeProperties[] = [...create.description, ...getAll.description];
