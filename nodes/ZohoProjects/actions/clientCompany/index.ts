import type { INodeProperties } from 'n8n-workflow';

import * as create from './create.operation';
import * as getAll from './getAll.operation';

export { create, getAll };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['clientCompany'] } },
	options: [
		{ name: 'Create', value: 'create', description: 'Create a client company', action: 'Create a client company' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many client companies of the portal', action: 'Get many client companies' },
	],
	default: 'getAll',
};

export const description: INodeProperties[] = [...create.description, ...getAll.description];
