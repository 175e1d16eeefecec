import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems } from '../shared/router';
import { properties, resources } from './actions';
import { searchPortals, searchProjects } from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class ZohoProjects implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Projects',
		name: 'zohoProjects',
		icon: { light: 'file:zohoProjects.svg', dark: 'file:zohoProjects.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Zoho Projects tasks, subtasks, comments, tasklists, users and clients',
		defaults: { name: 'Zoho Projects' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zohoTaskSyncOAuth2Api', required: true }],
		properties,
	};

	methods = {
		listSearch: { searchPortals, searchProjects },
		loadOptions: { ...loadOptions },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, resources);
	}
}
