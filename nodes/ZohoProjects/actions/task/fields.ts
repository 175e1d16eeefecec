/** The task fields of create, update and subtask create, and their reading into a TaskInput. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	PRIORITIES,
	type Priority,
	type ProjectsSettings,
	type TaskInput,
	dateOrderProblem,
	globalStatuses,
	resolveOwners,
} from '../../../shared/projects';
import { listOf } from '../common';
import { calendarDateIn } from '../../../shared/dates';

function fieldList(kind: 'create' | 'update' | 'subtask'): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Completion Percentage',
			name: 'completionPercentage',
			type: 'number',
			default: 0,
			typeOptions: { minValue: 0, maxValue: 100 },
		},
		{
			displayName: 'Custom Fields',
			name: 'customFields',
			type: 'fixedCollection',
			placeholder: 'Add Custom Field',
			default: {},
			typeOptions: { multipleValues: true },
			options: [
				{
					displayName: 'Field',
					name: 'field',
					values: [
						{
							displayName: 'Field Name or ID',
							name: 'apiName',
							type: 'options',
							typeOptions: { loadOptionsMethod: 'getCustomFields', loadOptionsDependsOn: ['portalId.value'] },
							default: '',
							description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
						},
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
					],
				},
			],
		},
		{ displayName: 'Description', name: 'description', type: 'string', default: '', typeOptions: { rows: 3 } },
		{
			displayName: 'End Date',
			name: 'endDate',
			type: 'dateTime',
			default: '',
			description: "The calendar date the task is due. A date, or a date and time without an offset, is taken as written; an instant (…Z, +09:00, $now, a JS date) is the date it falls on in the workflow's time zone.",
		},
		{
			displayName: 'Priority',
			name: 'priority',
			type: 'options',
			default: 'none',
			options: PRIORITIES.map((p) => ({ name: p.charAt(0).toUpperCase() + p.slice(1), value: p })),
		},
		{
			displayName: 'Start Date',
			name: 'startDate',
			type: 'dateTime',
			default: '',
			description: "The calendar date the task starts. A date, or a date and time without an offset, is taken as written; an instant (…Z, +09:00, $now, a JS date) is the date it falls on in the workflow's time zone.",
		},
		{
			displayName: 'Status Name or ID',
			name: 'statusId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getStatuses', loadOptionsDependsOn: ['portalId.value', 'projectId.value'] },
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		},
	];
	if (kind === 'create') {
		fields.push({
			displayName: 'Parent Task ID',
			name: 'parentTaskId',
			type: 'string',
			default: '',
			description: 'Create the task as a subtask of this task',
		});
	}
	if (kind !== 'subtask') {
		fields.push({
			displayName: 'Tasklist Name or ID',
			name: 'tasklistId',
			type: 'options',
			typeOptions: { loadOptionsMethod: 'getTasklists', loadOptionsDependsOn: ['portalId.value', 'projectId.value'] },
			default: '',
			description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
		});
	}
	const owners = (displayName: string, name: string): INodeProperties => ({
		displayName,
		name,
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getProjectUsers', loadOptionsDependsOn: ['portalId.value', 'projectId.value'] },
		default: [],
		description: 'Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
	});
	if (kind === 'update') {
		fields.push(owners('Add Owner Names or IDs', 'addOwners'), owners('Remove Owner Names or IDs', 'removeOwners'));
		fields.push({ displayName: 'Name', name: 'name', type: 'string', default: '' });
	} else {
		fields.push(owners('Owner Names or IDs', 'owners'));
	}
	return fields.sort((a, b) => a.displayName.localeCompare(b.displayName));
}

export function taskFields(kind: 'create' | 'update' | 'subtask'): INodeProperties {
	return {
		displayName: kind === 'update' ? 'Update Fields' : 'Additional Fields',
		name: kind === 'update' ? 'updateFields' : 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: fieldList(kind),
	};
}

function date(this: IExecuteFunctions, fields: IDataObject, key: string, label: string, itemIndex: number): string | undefined {
	const raw = fields[key];
	if (raw === undefined || raw === '' || raw === null) return undefined;
	const value = calendarDateIn(raw, this.getTimezone());
	if (!value) {
		throw new NodeOperationError(this.getNode(), `${label}: "${String(raw)}" is not a date (YYYY-MM-DD)`, { itemIndex });
	}
	return value;
}

/**
 * The collection of an item → a TaskInput, checked before any write: dates are calendar dates in
 * order, a status belongs to the project, owners are portal users. Each problem names field and value.
 */
export async function readTaskInput(
	this: IExecuteFunctions,
	settings: ProjectsSettings,
	projectId: string,
	fields: IDataObject,
	itemIndex: number,
): Promise<TaskInput> {
	const input: TaskInput = {};
	if (fields.name !== undefined && fields.name !== '') input.name = String(fields.name);
	if (fields.description !== undefined) input.description = String(fields.description);
	if (fields.tasklistId) input.tasklistId = String(fields.tasklistId);
	if (fields.parentTaskId) input.parentTaskId = String(fields.parentTaskId).trim();
	if (fields.priority) {
		if (!PRIORITIES.includes(fields.priority as Priority)) {
			throw new NodeOperationError(this.getNode(), `Priority: "${String(fields.priority)}" is not one of ${PRIORITIES.join(', ')}`, { itemIndex });
		}
		input.priority = fields.priority as Priority;
	}
	if (fields.completionPercentage !== undefined) input.completionPercentage = Number(fields.completionPercentage);
	input.startDate = date.call(this, fields, 'startDate', 'Start Date', itemIndex);
	input.endDate = date.call(this, fields, 'endDate', 'End Date', itemIndex);
	const order = dateOrderProblem(input.startDate, input.endDate);
	if (order) throw new NodeOperationError(this.getNode(), order, { itemIndex });
	if (fields.statusId) {
		const statusId = String(fields.statusId).trim();
		// Only the id is checked here, so the portal's list is enough (no task reads to learn status types).
		const statuses = await globalStatuses.call(this, settings);
		if (!statuses.some((s) => String(s.id) === statusId)) {
			throw new NodeOperationError(this.getNode(), `Status: "${statusId}" is not a task status of project ${projectId}`, {
				itemIndex,
				description: `Known statuses: ${statuses.map((s) => `${String(s.name)} (${String(s.id)})`).join(', ')}`,
			});
		}
		input.statusId = statusId;
	}
	input.ownerZpuids = await resolveOwners.call(this, settings, listOf(fields.owners), 'Owners', itemIndex);
	input.addOwnerZpuids = await resolveOwners.call(this, settings, listOf(fields.addOwners), 'Add Owners', itemIndex);
	input.removeOwnerZpuids = await resolveOwners.call(this, settings, listOf(fields.removeOwners), 'Remove Owners', itemIndex);
	const custom = ((fields.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	if (custom.length) {
		input.customFields = {};
		for (const f of custom) if (f.apiName) input.customFields[String(f.apiName)] = String(f.value ?? '');
	}
	return input;
}
