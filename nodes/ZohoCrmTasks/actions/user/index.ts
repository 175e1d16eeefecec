import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import * as getAll from './getAll.operation';
import * as getByEmail from './getByEmail.operation';

export const operations: Record<string, OperationModule> = { getAll, getByEmail };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{ name: 'Get by E-Mail', value: 'getByEmail', description: 'Get the user with an e-mail address', action: 'Get a user by email' },
			{ name: 'Get Many', value: 'getAll', description: 'Get many users', action: 'Get many users' },
		],
		default: 'getAll',
	},
	...getAll.description,
	...getByEmail.description,
];
