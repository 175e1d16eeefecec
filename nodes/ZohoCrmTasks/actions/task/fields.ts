/**
 * The task fields a user can set, shared by Create (Additional Fields), Update (Update Fields) and
 * Upsert (Fields). Names are camelCase parameter names; `build.ts` maps them to Zoho API names.
 */
import type { INodeProperties } from 'n8n-workflow';

import { userLocator } from '../common';

export const subjectField: INodeProperties = {
	displayName: 'Subject',
	name: 'subject',
	type: 'string',
	default: '',
	description: 'Title of the task (required by Zoho CRM when a task is created)',
};

/** Everything but Subject, alphabetical as n8n lists collection options. */
const optionalFields: INodeProperties[] = [
	{
		displayName: 'Contact ID',
		name: 'contactId',
		type: 'string',
		default: '',
		description: 'ID of the contact the task is about (Who_Id)',
	},
	{
		displayName: 'Custom Fields',
		name: 'customFields',
		type: 'fixedCollection',
		placeholder: 'Add Custom Field',
		typeOptions: { multipleValues: true },
		default: {},
		description: "Any other task field of your org, such as the link fields of the sync; values are converted to the field's type",
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Field Name or ID',
						name: 'name',
						type: 'options',
						typeOptions: { loadOptionsMethod: 'getTaskCustomFields' },
						default: '',
						description:
							'API name of the field. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
					},
				],
			},
		],
	},
	{
		displayName: 'Description',
		name: 'description',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
	},
	{
		displayName: 'Due Date',
		name: 'dueDate',
		type: 'dateTime',
		default: '',
		description: "The calendar date the task is due. A date, or a date and time without an offset, is taken as written; an instant (…Z, +09:00, $now, a JS date) is the date it falls on in the workflow's time zone.",
	},
	{ ...userLocator('owner', 'Owner', 'The CRM user who owns the task'), required: false },
	{
		displayName: 'Priority Name or ID',
		name: 'priority',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaskPriorities' },
		default: '',
		description:
			'Priority of the task, from the org\'s picklist. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Recurrence Rule',
		name: 'recurrence',
		type: 'string',
		default: '',
		placeholder: 'FREQ=WEEKLY;INTERVAL=1;DTSTART=2026-12-01;UNTIL=2027-03-31',
		description: 'Repeat the task: an RRULE as Zoho CRM writes it in Recurring_Activity',
	},
	{
		displayName: 'Related To',
		name: 'relatedTo',
		type: 'fixedCollection',
		default: {},
		description: 'The account or deal the task belongs to (What_Id)',
		options: [
			{
				displayName: 'Record',
				name: 'record',
				values: [
					{
						displayName: 'Module',
						name: 'module',
						type: 'options',
						default: 'deal',
						options: [
							{ name: 'Account', value: 'account' },
							{ name: 'Deal', value: 'deal' },
						],
					},
					{ displayName: 'Record ID', name: 'id', type: 'string', default: '' },
				],
			},
		],
	},
	{
		displayName: 'Reminder Action',
		name: 'reminderAction',
		type: 'options',
		default: 'popup',
		description: 'How Zoho reminds the owner at Reminder At',
		options: [
			{ name: 'E-Mail', value: 'email' },
			{ name: 'E-Mail and Pop-Up', value: 'emailAndPopup' },
			{ name: 'Pop-Up', value: 'popup' },
		],
	},
	{
		displayName: 'Reminder At',
		name: 'reminderAt',
		type: 'dateTime',
		default: '',
		description: "When Zoho reminds the owner (Remind_At); without an offset it is the workflow's time zone",
	},
	{
		displayName: 'Send Notification Email',
		name: 'sendNotificationEmail',
		type: 'boolean',
		default: false,
		description: 'Whether Zoho e-mails the owner about the task',
	},
	{
		displayName: 'Status Name or ID',
		name: 'status',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaskStatuses' },
		default: '',
		description:
			'Status of the task, from the org\'s picklist (including its own values). Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

/** The collection options for a write; `withSubject` adds Subject (Update, Upsert). */
export function taskFieldOptions(withSubject: boolean): INodeProperties[] {
	const fields = withSubject ? [...optionalFields, subjectField] : optionalFields;
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}
