import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import * as get from './get.operation';
import * as getAllForAccount from './getAllForAccount.operation';
import * as getAllForProject from './getAllForProject.operation';

export const operations: Record<string, OperationModule> = { get, getAllForAccount, getAllForProject };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['deal'] } },
		options: [
			{ name: 'Get', value: 'get', description: 'Get a deal', action: 'Get a deal' },
			{
				name: 'Get Many for Account',
				value: 'getAllForAccount',
				description: 'Get the deals of an account',
				action: 'Get many deals of an account',
			},
			{
				name: 'Get Many for Project',
				value: 'getAllForProject',
				description: 'Get the deals associated with a Zoho Projects project',
				action: 'Get many deals of a project',
			},
		],
		default: 'get',
	},
	...get.description,
	...getAllForAccount.description,
	...getAllForProject.description,
];
