import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { executeOne, type BatchWriter } from '../../../shared/router';
import { automationOption, triggerKey } from '../common';
import { buildTask } from './build';
import { subjectField, taskFieldOptions } from './fields';
import { batchKey, sendTasks } from './write';

const properties: INodeProperties[] = [
	{ ...subjectField, required: true },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: taskFieldOptions(false),
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

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['create'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/insert-records.html — up to 100 records per call.
export const batch: BatchWriter = {
	async prepare(this: IExecuteFunctions, i: number) {
		const values = { ...(this.getNodeParameter('additionalFields', i, {}) as object), subject: this.getNodeParameter('subject', i) };
		const options = this.getNodeParameter('options', i, {}) as { automation?: string };
		return { itemIndex: i, key: batchKey(triggerKey(options.automation)), payload: await buildTask.call(this, i, values, 'create') };
	},
	async send(this: IExecuteFunctions, prepared) {
		return await sendTasks.call(this, prepared, { method: 'POST', path: '/Tasks', what: 'create tasks' });
	},
};

export async function execute(this: IExecuteFunctions, i: number) {
	return await executeOne.call(this, batch, i);
}
