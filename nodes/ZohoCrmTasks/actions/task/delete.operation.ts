import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deleteRecords } from '../../../shared/crm/records';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { executeOne, type BatchWriter } from '../../../shared/router';
import { automationOption, recordId, taskLocator } from '../common';

const properties: INodeProperties[] = [
	taskLocator('The task to delete'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [automationOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['delete'] } }, properties);

/** `wf_trigger` for the automation option: Zoho runs delete workflows unless told not to. */
const wfTrigger = (automation?: string) => (automation === 'none' ? 'false' : automation === 'all' ? 'true' : '');

// https://www.zoho.com/crm/developer/docs/api/v8/delete-records.html — up to 100 ids per call.
export const batch: BatchWriter = {
	async prepare(this: IExecuteFunctions, i: number) {
		const id = recordId.call(this, 'taskId', i, 'Task');
		const options = this.getNodeParameter('options', i, {}) as { automation?: string };
		return { itemIndex: i, key: wfTrigger(options.automation), payload: { id } };
	},
	async send(this: IExecuteFunctions, prepared) {
		const qs = prepared[0].key ? { wf_trigger: prepared[0].key } : {};
		const results = await deleteRecords.call(this, 'Tasks', prepared.map((p) => String(p.payload.id)), qs);
		return results.map((result, k) => {
			if (!(result instanceof NodeApiError)) return { id: prepared[k].payload.id, deleted: true };
			result.context.itemIndex = prepared[k].itemIndex;
			return result;
		});
	},
};

export async function execute(this: IExecuteFunctions, i: number) {
	return await executeOne.call(this, batch, i);
}
