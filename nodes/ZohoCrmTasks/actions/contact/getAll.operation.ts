import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldsParam } from '../../../shared/crm/fields';
import { crmList } from '../../../shared/crm/paging';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { checkedId, readLimit, returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Account ID',
				name: 'accountId',
				type: 'string',
				default: '',
				description: 'Only the contacts of this account',
			},
			{
				displayName: 'Only With E-Mail',
				name: 'withEmail',
				type: 'boolean',
				default: false,
				description: 'Whether to skip contacts that have no e-mail address',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['contact'], operation: ['getAll'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/get-records.html — GET /Contacts, or /Accounts/{id}/Contacts
export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as { accountId?: string; withEmail?: boolean };
	const account = filters.accountId ? checkedId.call(this, filters.accountId, 'Account', i) : undefined;
	return await crmList.call(this, {
		path: account ? `/Accounts/${account}/Contacts` : '/Contacts',
		qs: { fields: await fieldsParam.call(this, 'Contacts') },
		limit: readLimit.call(this, i),
		keep: filters.withEmail ? (contact) => typeof contact.Email === 'string' && contact.Email.trim() !== '' : undefined,
		what: account ? `list the contacts of account ${account}` : 'list contacts',
	});
}
