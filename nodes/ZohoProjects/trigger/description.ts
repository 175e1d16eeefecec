import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/descriptions';
import { budgetProperty, portalLocator, projectLocator } from '../actions/common';
import { DEFAULT_SECRET_PARAMETER } from './webhook';

const polling = { show: { mode: ['polling'] } };
const webhook = { show: { mode: ['webhook'] } };

const pollingProperties: INodeProperties[] = [
	portalLocator,
	projectLocator,
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['taskCreated', 'taskUpdated'],
		options: [
			{ name: 'Comment Added', value: 'commentAdded', description: 'A comment was added to a task of the project' },
			{ name: 'Task Created', value: 'taskCreated' },
			{ name: 'Task Updated', value: 'taskUpdated', description: 'Any change, including closing and reopening' },
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Tasks Checked for Comments per Poll',
				name: 'commentTasksPerPoll',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				description:
					'Zoho has no list of new comments, so each poll reads the comments of this many tasks: the ones that just changed, then the others in turn. One call each.',
			},
		],
	},
	budgetProperty,
];

const webhookProperties: INodeProperties[] = [
	{
		displayName:
			"Zoho Projects has no API for webhooks, so set it up once in Zoho: Settings › Automation › Workflow Rules › Tasks › a rule › Associate Webhook. As 'URL to Notify' paste this node's Production URL (Webhook URLs, above), method POST (GET is accepted as well; Zoho then puts the parameters in the URL). Under 'Append custom parameters' add the custom parameter below with the secret as its value, and under 'Append entity parameters' the task fields you need, e.g. task_id, project_id, task_name, status. Leave Secret empty to have one generated: activating then stops with a new random secret to paste into both places. Poll Times are not used in this mode.",
		name: 'setupNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Custom Parameter Name',
		name: 'parameterName',
		type: 'string',
		default: DEFAULT_SECRET_PARAMETER,
		required: true,
		description: 'The name of the custom parameter that carries the secret',
	},
	{
		displayName: 'Secret',
		name: 'secret',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		description:
			'The value of the custom parameter in Zoho; calls without it are refused with 401. Leave empty and activate the workflow to get a strong random one generated.',
	},
];

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'polling',
		options: [
			{
				name: 'Polling',
				value: 'polling',
				description: 'Ask Zoho Projects for changed tasks and new comments at the Poll Times (every plan)',
			},
			{
				name: 'Webhook',
				value: 'webhook',
				description: 'A Zoho Projects workflow rule calls this workflow (Enterprise portals; n8n must be reachable from Zoho)',
			},
		],
	},
	...updateDisplayOptions(polling, pollingProperties),
	...updateDisplayOptions(webhook, webhookProperties),
];
