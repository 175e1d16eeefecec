import type { IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { deleteRecords } from '../../../shared/crm/records';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { executeOne, type BatchWriter } from '../../../shared/router';
import { checkedId } from '../common';
import { noteIdField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['delete'] } }, [noteIdField('The note to delete')]);

// https://www.zoho.com/crm/developer/docs/api/v8/delete-notes.html — DELETE /Notes?ids=, up to 100 ids.
export const batch: BatchWriter = {
	async prepare(this: IExecuteFunctions, i: number) {
		return { itemIndex: i, key: '', payload: { id: checkedId.call(this, String(this.getNodeParameter('noteId', i)), 'Note', i) } };
	},
	async send(this: IExecuteFunctions, prepared) {
		const results = await deleteRecords.call(this, 'Notes', prepared.map((p) => String(p.payload.id)));
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
