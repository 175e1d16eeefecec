import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, settingsOf } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
	{
		displayName: 'Role',
		name: 'role',
		type: 'options',
		options: [
			{ name: 'Admin', value: 'admin' },
			{ name: 'Member', value: 'member' },
		],
		default: 'member',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['addToPortal'] } }, properties);

/** POST /api/v3.1/portal/{portal}/users: invites a person to the portal. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const body: IDataObject = {
		email: String(this.getNodeParameter('email', i)).trim(),
		role: this.getNodeParameter('role', i) as string,
		...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	return first(await projectsRequest.call(this, settings, { method: 'POST', path: '/users', api: 'v3.1', body }));
}
