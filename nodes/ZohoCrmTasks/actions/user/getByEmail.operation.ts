import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { userTypeField } from './shared';

const properties: INodeProperties[] = [
	{
		displayName: 'E-Mail',
		name: 'email',
		type: 'string',
		placeholder: 'name@email.com',
		required: true,
		default: '',
	},
	{ ...userTypeField, description: 'Which users to look among' },
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getByEmail'] } }, properties);

/** Zoho has no user search by e-mail, so the user list is read until the address turns up (case-insensitive). */
export async function execute(this: IExecuteFunctions, i: number) {
	const email = String(this.getNodeParameter('email', i) ?? '').trim().toLowerCase();
	if (!email) throw new NodeOperationError(this.getNode(), 'E-Mail is empty', { itemIndex: i });
	const type = this.getNodeParameter('userType', i) as string;
	const [user] = await crmList.call(this, {
		path: '/users',
		qs: { type },
		key: 'users',
		limit: 1,
		keep: (u) => String(u.email ?? '').toLowerCase() === email,
		what: 'find a user by e-mail',
	});
	if (!user) {
		throw new NodeOperationError(this.getNode(), `No Zoho CRM user has the e-mail ${JSON.stringify(email)}`, {
			itemIndex: i,
			description: `Looked among the users of type ${type}.`,
		});
	}
	return user;
}
