import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['clientUser'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Add a client user to a client company', action: 'Create a client user' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many client users of the portal', action: 'Get many client users' },
	],
	default: 'getAll',
};

export const description: INodeProperties[] = [...create.description, ...getAll.description];
