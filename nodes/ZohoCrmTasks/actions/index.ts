import type { INodeProperties } from 'n8n-workflow';

import * as account from './account';
import * as contact from './contact';
import * as deal from './deal';
import * as note from './note';
import * as notificationChannel from './notificationChannel';
import * as task from './task';
import * as user from './user';

export const resources = {
	account: account.operations,
	contact: contact.operations,
	deal: deal.operations,
	note: note.operations,
	notificationChannel: notificationChannel.operations,
	task: task.operations,
	user: user.operations,
};

export const properties: INodeProperties[] = [
	{
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Account', value: 'account' },
			{ name: 'Contact', value: 'contact' },
			{ name: 'Deal', value: 'deal' },
			{ name: 'Note', value: 'note', description: 'Notes on tasks, which the sync mirrors as task comments' },
			{ name: 'Notification Channel', value: 'notificationChannel', description: 'Channels of the Zoho CRM Notifications API' },
			{ name: 'Task', value: 'task' },
			{ name: 'User', value: 'user' },
		],
		default: 'task',
	},
	...account.description,
	...contact.description,
	...deal.description,
	...note.description,
	...notificationChannel.description,
	...task.description,
	...user.description,
];
