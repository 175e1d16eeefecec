import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../shared/descriptions';
import { budgetProperty, portalLocator, projectLocator } from '../actions/common';
import { DEFAULT_CALLS_PER_POLL } from './options';
import { DEFAULT_SECRET_PARAMETER } from './webhook';

const polling = { show: { mode: ['polling'] } };
const webhook = { show: { mode: ['webhook'] } };

const oneProject = { show: { watch: ['project'] } };
const manyProjects = { show: { watch: ['portal', 'mappedClients', 'chosenProjects'] } };

const pollingProperties: INodeProperties[] = [
	portalLocator,
	{
		displayName: 'Watch',
		name: 'watch',
		type: 'options',
		// Stored in saved workflows: each value keeps its meaning. Workflows saved before this
		// parameter existed have none, and so watch their one project as they always did.
		default: 'project',
		options: [
			{ name: 'This Project', value: 'project', description: 'One project, every poll' },
			{ name: 'All Projects of the Portal', value: 'portal', description: 'Every project the credential sees, new ones included, within a cap of calls per poll' },
			{
				name: 'Projects of Mapped Client Companies',
				value: 'mappedClients',
				description: 'Projects whose client company a CRM account is mapped to (the account field written by the sync\'s Match Accounts)',
			},
			{ name: 'Chosen Projects', value: 'chosenProjects', description: 'The projects picked below' },
		],
	},
	{ ...projectLocator, displayOptions: oneProject },
	{
		displayName: 'Project Names or IDs',
		name: 'projectIds',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProjects', loadOptionsDependsOn: ['portalId.value'] },
		default: [],
		required: true,
		displayOptions: { show: { watch: ['chosenProjects'] } },
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	},
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
				displayName: 'Account Client Field',
				name: 'accountClientField',
				type: 'string',
				default: 'Zoho_Projects_Client',
				displayOptions: { show: { '/watch': ['mappedClients'] } },
				description: 'API name of the CRM account field that holds the mapped client company ID',
			},
			{
				displayName: 'CRM Task ID Field',
				name: 'crmTaskIdField',
				type: 'string',
				default: 'CRM_Task_ID',
				displayOptions: { show: { '/watch': manyProjects.show.watch } },
				description: 'API name of the task custom field holding the linked CRM task ID. Comments are looked for only on tasks where it is set.',
			},
			{
				displayName: 'Max Projects Calls per Poll',
				name: 'maxCallsPerPoll',
				type: 'number',
				default: DEFAULT_CALLS_PER_POLL,
				typeOptions: { minValue: 1 },
				displayOptions: { show: { '/watch': manyProjects.show.watch } },
				description:
					'Most Zoho Projects calls one poll makes. Projects take turns, recently changed ones more often; a project that waits misses nothing. The default at one poll a minute is 240 calls an hour, under a tenth of what Zoho allows.',
			},
			{
				displayName: 'Tasks Checked for Comments per Poll',
				name: 'commentTasksPerPoll',
				type: 'number',
				default: 10,
				typeOptions: { minValue: 1 },
				displayOptions: { show: { '/watch': ['project'] } },
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
