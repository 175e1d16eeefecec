import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { resultJson } from '../../../shared/crm/records';
import { crmRequest, settleOne } from '../../../shared/crm/transport';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { checkedId } from '../common';
import { noteIdField } from './shared';

const properties: INodeProperties[] = [
	noteIdField('The note to update'),
	{
		displayName: 'Update Fields',
		name: 'updateFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Content', name: 'content', type: 'string', typeOptions: { rows: 4 }, default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['update'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/update-notes.html — PUT /Notes/{id}
export async function execute(this: IExecuteFunctions, i: number) {
	const id = checkedId.call(this, String(this.getNodeParameter('noteId', i)), 'Note', i);
	const fields = this.getNodeParameter('updateFields', i, {}) as { content?: string; title?: string };
	const record: Record<string, string> = {};
	if (fields.content !== undefined) {
		if (!fields.content.trim()) throw new NodeOperationError(this.getNode(), 'Content is empty', { itemIndex: i });
		record.Note_Content = fields.content;
	}
	if (fields.title !== undefined) record.Note_Title = fields.title;
	if (!Object.keys(record).length) {
		throw new NodeOperationError(this.getNode(), 'Nothing to update: add Content or Title under Update Fields', { itemIndex: i });
	}
	const response = await crmRequest.call(this, {
		method: 'PUT',
		path: `/Notes/${id}`,
		body: { data: [record] },
		what: `update the note ${id}`,
		recordsKey: 'data',
	});
	return resultJson(settleOne.call(this, response, { id, ...record }, 'note', i));
}
