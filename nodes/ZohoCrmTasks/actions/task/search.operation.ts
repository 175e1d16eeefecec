import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldsParam } from '../../../shared/crm/fields';
import { crmList } from '../../../shared/crm/paging';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { readLimit, returnAllOrLimit } from '../common';
import { fieldsOption } from './read';

const properties: INodeProperties[] = [
	{
		displayName: 'Criteria',
		name: 'criteria',
		type: 'string',
		required: true,
		default: '',
		placeholder: '((Status:equals:In Progress)and(Subject:starts_with:Review))',
		description: 'Zoho CRM search criteria: (field:operator:value), joined with and / or',
	},
	...returnAllOrLimit,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [fieldsOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['search'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/search-records.html
export async function execute(this: IExecuteFunctions, i: number) {
	const criteria = String(this.getNodeParameter('criteria', i)).trim();
	if (!criteria) throw new NodeOperationError(this.getNode(), 'Criteria is empty', { itemIndex: i });
	const { fields } = this.getNodeParameter('options', i, {}) as { fields?: string[] };
	return await crmList.call(this, {
		path: '/Tasks/search',
		qs: { criteria, fields: await fieldsParam.call(this, 'Tasks', fields) },
		limit: readLimit.call(this, i),
		what: 'search tasks',
	});
}
