import type { INodeProperties } from 'n8n-workflow';

/** The six fields the sync mirrors: edits of anything else (such as the sync state) do not notify. */
export const SYNCED_FIELDS = ['Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner'];

const instant = { show: { mode: ['instant'] } };
const polling = { show: { mode: ['polling'] } };

export const triggerProperties: INodeProperties[] = [
	{
		displayName: 'Mode',
		name: 'mode',
		type: 'options',
		default: 'instant',
		options: [
			{
				name: 'Instant',
				value: 'instant',
				description: 'Zoho CRM calls this workflow through its Notifications API (n8n must be reachable from Zoho)',
			},
			{
				name: 'Polling',
				value: 'polling',
				description: 'Ask Zoho CRM for changes at the Poll Times (for n8n instances Zoho cannot reach)',
			},
		],
	},
	{
		displayName:
			'In Instant mode, Poll Times only set how often the node checks its Zoho notification channel and renews it before it expires (it asks Zoho at most every 12 hours). With Note events, new notes are also polled at these times.',
		name: 'instantNotice',
		type: 'notice',
		default: '',
		displayOptions: instant,
	},
	{
		displayName: 'Events',
		name: 'events',
		type: 'multiOptions',
		required: true,
		default: ['create', 'edit', 'delete'],
		options: [
			{ name: 'Note Added or Changed', value: 'notes', description: 'A note (comment) on a task was added or edited' },
			{ name: 'Task Created', value: 'create' },
			{ name: 'Task Deleted', value: 'delete' },
			{ name: 'Task Updated', value: 'edit' },
		],
	},
	{
		displayName: 'Notify Only When These Field Names or IDs Change',
		name: 'watchFields',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getTaskConditionFields' },
		default: ['Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner'],
		description:
			'Edits that touch none of these fields (at most 10) do not notify, so writes of the sync state alone stay silent. None chosen: every edit notifies. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
		displayOptions: instant,
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fetch Current Record',
				name: 'fetchRecord',
				type: 'boolean',
				default: false,
				description: "Whether to read each changed task's current values (one extra call per notification)",
				displayOptions: { show: { '/mode': ['instant'] } },
			},
			{
				displayName: 'Field Names or IDs',
				name: 'fields',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getTaskFields' },
				default: [],
				description:
					'Task fields to return (at most 50); none chosen returns every field. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{
		displayName: 'Polling emits each change once: a task created or edited since the last poll, deleted tasks from the recycle bin, and new or edited notes on tasks.',
		name: 'pollingNotice',
		type: 'notice',
		default: '',
		displayOptions: polling,
	},
];
