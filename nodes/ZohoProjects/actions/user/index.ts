import type { INodeProperties } from 'n8n-workflow';

import * as addToPortal from './addToPortal.operation';
import * as addToProject from './addToProject.operation';
import * as getAll from './getAll.operation';
import * as getByEmail from './getByEmail.operation';

export { addToPortal, addToProject, getAll, getByEmail };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['user'] } },
	options: [
		{ name: 'Add to Portal', value: 'addToPortal', description: 'Invite a person to the portal', action: 'Add a user to the portal' },
		{ name: 'Add to Project', value: 'addToProject', description: 'Add a portal user to a project', action: 'Add a user to a project' },
		{ name: 'Get by Email', value: 'getByEmail', description: 'Find a portal user by e-mail address', action: 'Get a user by email' },
		{ name: 'Get Many', value: 'getAll', description: 'Get many users of the portal or of a project', action: 'Get many users' },
	],
	default: 'getAll',
};

export const description: INodeProperties[] = [
	...getAll.description,
	...getByEmail.description,
	...addToPortal.description,
	...addToProject.description,
];
