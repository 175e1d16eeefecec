import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { executeOne, type BatchWriter } from '../../../shared/router';
import { automationOption, recordId, taskLocator, triggerKey } from '../common';
import { buildTask } from './build';
import { taskFieldOptions } from './fields';
import { batchKey, sendTasks } from './write';

const properties: INodeProperties[] = [
	taskLocator('The task to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Fields to change. A field added but left empty (or mapped to an empty value) is cleared in Zoho CRM; a field whose expression finds nothing in the item fails that item, and nothing of it is changed.',
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

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['update'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/update-records.html — PUT /Tasks, up to 100 records.
export const batch: BatchWriter = {
	async prepare(this: IExecuteFunctions, i: number) {
		const id = recordId.call(this, 'taskId', i, 'Task');
		const record = await buildTask.call(this, i, this.getNodeParameter('updateFields', i, {}) as IDataObject, 'update');
		if (!Object.keys(record).length) {
			throw new NodeOperationError(this.getNode(), 'Nothing to update: add at least one field under Update Fields', { itemIndex: i });
		}
		const options = this.getNodeParameter('options', i, {}) as { automation?: string };
		return { itemIndex: i, key: batchKey(triggerKey(options.automation)), payload: { id, ...record } };
	},
	async send(this: IExecuteFunctions, prepared) {
		return await sendTasks.call(this, prepared, { method: 'PUT', path: '/Tasks', what: 'update tasks' });
	},
};

export async function execute(this: IExecuteFunctions, i: number) {
	return await executeOne.call(this, batch, i);
}
