import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findField } from '../../../shared/crm/fields';
import { crmList } from '../../../shared/crm/paging';
import { criterion } from '../../../shared/crm/values';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { readLimit, returnAllOrLimit } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Portal ID',
		name: 'portalId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Zoho Projects portal of the project',
	},
	{
		displayName: 'Project ID',
		name: 'projectId',
		type: 'string',
		required: true,
		default: '',
		description: 'The Zoho Projects project whose deals to get',
	},
	{
		displayName: 'Project Field',
		name: 'projectField',
		type: 'string',
		default: 'Zoho_Projects_Project',
		description: 'API name of the Deal field that holds the associated project as "portal ID:project ID"',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['getAllForProject'] } }, properties);

/** The deals associated with a project are the deals whose project field points at it (DESIGN §4). */
export async function execute(this: IExecuteFunctions, i: number) {
	const portal = String(this.getNodeParameter('portalId', i) ?? '').trim();
	const project = String(this.getNodeParameter('projectId', i) ?? '').trim();
	const field = String(this.getNodeParameter('projectField', i) ?? '').trim();
	if (!portal || !project) throw new NodeOperationError(this.getNode(), 'Portal ID and Project ID are both required', { itemIndex: i });
	if (!(await findField.call(this, 'Deals', field))) {
		throw new NodeOperationError(this.getNode(), `The Deal field ${JSON.stringify(field)} does not exist in this Zoho CRM org`, {
			itemIndex: i,
			description: 'Create a single-line text field on Deals (Setup > Customization > Modules and Fields > Deals) and set Project Field to its API name.',
		});
	}
	return await crmList.call(this, {
		path: '/Deals/search',
		qs: { criteria: criterion(field, 'equals', `${portal}:${project}`) },
		limit: readLimit.call(this, i),
		what: `search the deals of project ${project}`,
	});
}
