import type { INodeProperties } from 'n8n-workflow';

export const userTypeField: INodeProperties = {
	displayName: 'User Type',
	name: 'userType',
	type: 'options',
	default: 'ActiveUsers',
	options: [
		{ name: 'Active', value: 'ActiveUsers' },
		{ name: 'Active Confirmed', value: 'ActiveConfirmedUsers' },
		{ name: 'Admin', value: 'AdminUsers' },
		{ name: 'All', value: 'AllUsers' },
		{ name: 'Deactivated', value: 'DeactiveUsers' },
	],
};
