import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { executeOne, type BatchWriter } from '../../../shared/router';
import { automationOption, triggerKey } from '../common';
import { buildTask } from './build';
import { taskFieldOptions } from './fields';
import { batchKey, sendTasks } from './write';

const properties: INodeProperties[] = [
	{
		displayName: 'Match On Field Name or ID',
		name: 'duplicateCheckField',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTaskMatchFields' },
		required: true,
		default: '',
		description:
			'The unique task field that identifies the task, such as the link field Zoho_Projects_Task. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Match Value',
		name: 'duplicateCheckValue',
		type: 'string',
		required: true,
		default: '',
		description: 'The task with this value in the match field is updated; without one, a task is created',
	},
	{
		displayName: 'Fields',
		name: 'taskFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to write; Subject is required when no task matches',
		options: taskFieldOptions(true),
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [automationOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['upsert'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/upsert-records.html — insert or update by a unique field.
export const batch: BatchWriter = {
	async prepare(this: IExecuteFunctions, i: number) {
		const field = String(this.getNodeParameter('duplicateCheckField', i)).trim();
		const value = String(this.getNodeParameter('duplicateCheckValue', i) ?? '').trim();
		if (!field) throw new NodeOperationError(this.getNode(), 'Match On Field is empty', { itemIndex: i });
		if (!value) throw new NodeOperationError(this.getNode(), `Match Value for ${field} is empty`, { itemIndex: i });
		const values = this.getNodeParameter('taskFields', i, {}) as { customFields?: { field?: object[] } };
		// The match field goes through the same checks as any other field of the org.
		const withMatch = field === 'Subject'
			? { ...values, subject: value }
			: { ...values, customFields: { field: [...(values.customFields?.field ?? []), { name: field, value }] } };
		const record = await buildTask.call(this, i, withMatch, 'upsert');
		const options = this.getNodeParameter('options', i, {}) as { automation?: string };
		const key = batchKey({ duplicate_check_fields: [field], ...triggerKey(options.automation) });
		return { itemIndex: i, key, payload: record };
	},
	async send(this: IExecuteFunctions, prepared) {
		// Upserting the same records twice changes nothing, so a failed call may be repeated.
		return await sendTasks.call(this, prepared, { method: 'POST', path: '/Tasks/upsert', what: 'upsert tasks', retryServerErrors: true });
	},
};

export async function execute(this: IExecuteFunctions, i: number) {
	return await executeOne.call(this, batch, i);
}
