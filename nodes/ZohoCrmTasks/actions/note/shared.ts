import type { INodeProperties } from 'n8n-workflow';

export const noteIdField = (description: string): INodeProperties => ({
	displayName: 'Note ID',
	name: 'noteId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. 4876876000000091001',
	description,
});
