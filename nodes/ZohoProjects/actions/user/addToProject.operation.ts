import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, idOf, projectLocator, settingsOf } from '../common';

const properties: INodeProperties[] = [
	projectLocator,
	{
		displayName: 'User Name or ID',
		name: 'user',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getPortalUsers', loadOptionsDependsOn: ['portalId.value'] },
		default: '',
		required: true,
		description:
			'A portal user, or (by expression) an e-mail address. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['addToProject'] } }, properties);

/** POST /api/v3/portal/{portal}/projects/{project}/users with `{zpuid}` or `{email}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const user = String(this.getNodeParameter('user', i)).trim();
	if (!user) throw new NodeOperationError(this.getNode(), 'User is empty', { itemIndex: i });
	const body = user.includes('@') ? { email: user } : { zpuid: user };
	return first(await projectsRequest.call(this, settings, { method: 'POST', path: `/projects/${projectId}/users`, body }));
}
