import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, settingsOf } from '../common';

const text = (displayName: string, name: string): INodeProperties => ({ displayName, name, type: 'string', default: '' });

const properties: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Acme Corporation' },
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			text('Address', 'address'),
			text('City', 'city'),
			text('Country', 'country'),
			text('Currency Code', 'currency_code'),
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			text('Phone', 'phone'),
			text('State', 'state'),
			text('Website', 'website'),
			text('ZIP Code', 'zip_code'),
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['clientCompany'], operation: ['create'] } }, properties);

/** POST /api/v3/portal/{portal}/clients; Zoho refuses a second company with the same name. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const body: IDataObject = { name: this.getNodeParameter('name', i) as string, ...(this.getNodeParameter('additionalFields', i, {}) as IDataObject) };
	return first(await projectsRequest.call(this, settings, { method: 'POST', path: '/clients', body }));
}
