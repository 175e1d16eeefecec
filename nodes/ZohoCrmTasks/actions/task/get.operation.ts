import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord } from '../../../shared/crm/records';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { recordId, taskLocator } from '../common';
import { fieldsOption } from './read';

const properties: INodeProperties[] = [
	taskLocator('The task to get'),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [fieldsOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/get-records.html — GET /Tasks/{id}
export async function execute(this: IExecuteFunctions, i: number) {
	const id = recordId.call(this, 'taskId', i, 'Task');
	const { fields = [] } = this.getNodeParameter('options', i, {}) as { fields?: string[] };
	return await getRecord.call(this, 'Tasks', id, fields.length ? { fields: fields.join(',') } : {});
}
