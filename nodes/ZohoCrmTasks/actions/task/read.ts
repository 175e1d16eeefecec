/** Options shared by the task read operations. */
import type { INodeProperties } from 'n8n-workflow';

export const fieldsOption: INodeProperties = {
	displayName: 'Field Names or IDs',
	name: 'fields',
	type: 'multiOptions',
	typeOptions: { loadOptionsMethod: 'getTaskFields' },
	default: [],
	description:
		'Fields to return (at most 50); none chosen returns every field. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
};

export const sortOptions: INodeProperties[] = [
	{
		displayName: 'Sort By',
		name: 'sortBy',
		type: 'options',
		default: 'Modified_Time',
		options: [
			{ name: 'Created Time', value: 'Created_Time' },
			{ name: 'ID', value: 'id' },
			{ name: 'Modified Time', value: 'Modified_Time' },
		],
	},
	{
		displayName: 'Sort Order',
		name: 'sortOrder',
		type: 'options',
		default: 'desc',
		options: [
			{ name: 'Ascending', value: 'asc' },
			{ name: 'Descending', value: 'desc' },
		],
	},
];
