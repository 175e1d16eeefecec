import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { resultJson, writeRecords } from '../../../shared/crm/records';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { executeOne, type BatchWriter } from '../../../shared/router';
import { recordId, taskLocator } from '../common';

const properties: INodeProperties[] = [
	taskLocator('The task the note (comment) belongs to'),
	{
		displayName: 'Content',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		description: 'Text of the note',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [{ displayName: 'Title', name: 'title', type: 'string', default: '' }],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['create'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/create-notes.html — Parent_Id carries the module (v8 shape).
export const batch: BatchWriter = {
	async prepare(this: IExecuteFunctions, i: number) {
		const taskId = recordId.call(this, 'taskId', i, 'Task');
		const content = String(this.getNodeParameter('content', i) ?? '');
		if (!content.trim()) throw new NodeOperationError(this.getNode(), 'Content is empty', { itemIndex: i });
		const { title } = this.getNodeParameter('additionalFields', i, {}) as { title?: string };
		const payload = { Note_Content: content, Parent_Id: { module: { api_name: 'Tasks' }, id: taskId }, ...(title ? { Note_Title: title } : {}) };
		return { itemIndex: i, key: '', payload };
	},
	async send(this: IExecuteFunctions, prepared) {
		const results = await writeRecords.call(this, {
			method: 'POST',
			path: '/Notes',
			module: 'Notes',
			records: prepared.map((p) => p.payload),
			what: 'add notes',
		});
		return results.map((result, k) => {
			if (!(result instanceof NodeApiError)) return resultJson(result);
			result.context.itemIndex = prepared[k].itemIndex;
			return result;
		});
	},
};

export async function execute(this: IExecuteFunctions, i: number) {
	return await executeOne.call(this, batch, i);
}
