import type { INodeProperties } from 'n8n-workflow';

import * as get from './get.operation';
import * as getAll from './getAll.operation';

export { get, getAll };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['project'] } },
	options: [
		{ name: 'Get', value: 'get', description: 'Get a project with its dates, strictness and client', action: 'Get a project' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many projects of the portal', action: 'Get many projects' },
	],
	default: 'get',
};

export const description: INodeProperties[] = [...get.description, ...getAll.description];
