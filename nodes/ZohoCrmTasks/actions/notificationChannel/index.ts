import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import * as deleteChannel from './delete.operation';
import * as getAll from './getAll.operation';
import * as renew from './renew.operation';

export const operations: Record<string, OperationModule> = { delete: deleteChannel, getAll, renew };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['notificationChannel'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete notification channels', action: 'Delete a notification channel' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the notification channels of the org', action: 'Get many notification channels' },
			{ name: 'Renew', value: 'renew', description: 'Extend notification channels by a week', action: 'Renew a notification channel' },
		],
		default: 'renew',
	},
	...deleteChannel.description,
	...getAll.description,
	...renew.description,
];
