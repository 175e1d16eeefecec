import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared/router';
import * as create from './create.operation';
import * as deleteNote from './delete.operation';
import * as getAll from './getAll.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = { create, delete: deleteNote, getAll, update };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['note'] } },
		options: [
			{ name: 'Create', value: 'create', description: 'Add a note (comment) to a task', action: 'Add a note to a task' },
			{ name: 'Delete', value: 'delete', description: 'Delete a note', action: 'Delete a note' },
			{ name: 'Get Many', value: 'getAll', description: 'Get the notes of a task', action: 'Get many notes of a task' },
			{ name: 'Update', value: 'update', description: 'Update a note', action: 'Update a note' },
		],
		default: 'create',
	},
	...create.description,
	...deleteNote.description,
	...getAll.description,
	...update.description,
];
