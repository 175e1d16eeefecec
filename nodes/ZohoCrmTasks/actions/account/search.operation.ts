import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { criterion } from '../../../shared/crm/values';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { readLimit, returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Account Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'Name (or start of the name) of the account',
	},
	{
		displayName: 'Match',
		name: 'match',
		type: 'options',
		default: 'equals',
		options: [
			{ name: 'Exact Name', value: 'equals' },
			{ name: 'Name Starts With', value: 'startsWith' },
		],
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['search'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/search-records.html — GET /Accounts/search
export async function execute(this: IExecuteFunctions, i: number) {
	const name = String(this.getNodeParameter('name', i) ?? '').trim();
	if (!name) throw new NodeOperationError(this.getNode(), 'Account Name is empty', { itemIndex: i });
	const operator = this.getNodeParameter('match', i) === 'startsWith' ? 'starts_with' : 'equals';
	return await crmList.call(this, {
		path: '/Accounts/search',
		qs: { criteria: criterion('Account_Name', operator, name) },
		limit: readLimit.call(this, i),
		what: 'search accounts',
	});
}
