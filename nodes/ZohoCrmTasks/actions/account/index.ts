import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import * as get from './get.operation';
import * as search from './search.operation';

export const operations: Record<string, OperationModule> = { get, search };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['account'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get an account', action: 'Get an account' },
			{ name: 'Search', value: 'search', description: 'Search accounts by name', action: 'Search accounts by name' },
		],
		default: 'get',
	},
	...get.description,
	...search.description,
];
