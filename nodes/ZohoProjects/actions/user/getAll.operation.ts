import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll } from '../../../shared/projects';
import { idOf, readLimit, projectLocator, returnAllOrLimit, settingsOf } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Scope',
		name: 'scope',
		type: 'options',
		options: [
			{ name: 'Portal', value: 'portal', description: 'Every user of the portal' },
			{ name: 'Project', value: 'project', description: 'The users of one project' },
		],
		default: 'portal',
	},
	{ ...projectLocator, displayOptions: { show: { scope: ['project'] } } },
	...returnAllOrLimit,
];

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getAll'] } }, properties);

/** GET /api/v3.1/portal/{portal}/users, or GET /api/v3/portal/{portal}/projects/{project}/users. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const limit = readLimit.call(this, i);
	if (this.getNodeParameter('scope', i) === 'project') {
		const projectId = idOf.call(this, 'projectId', 'Project', i);
		return await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/users` }, 'users', { limit });
	}
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: '/users', api: 'v3.1' }, 'users', { limit });
}
