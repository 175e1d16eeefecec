import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, settingsOf } from '../common';

const properties: INodeProperties[] = [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
	{
		displayName: 'Client Company Name or ID',
		name: 'clientCompanyId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getClientCompanies', loadOptionsDependsOn: ['portalId.value'] },
		default: '',
		required: true,
		description: 'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
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

export const description = updateDisplayOptions({ show: { resource: ['clientUser'], operation: ['create'] } }, properties);

/** POST /api/v3/portal/{portal}/contacts with the company nested as `{client_company:{id}}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const clientId = String(this.getNodeParameter('clientCompanyId', i)).trim();
	if (!clientId) throw new NodeOperationError(this.getNode(), 'Client Company is empty', { itemIndex: i });
	const body: IDataObject = {
		email: String(this.getNodeParameter('email', i)).trim(),
		client_company: { id: clientId },
		...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
	};
	return first(await projectsRequest.call(this, settings, { method: 'POST', path: '/contacts', body }));
}
