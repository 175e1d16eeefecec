import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { routeItems } from '../shared/router';
import { ZOHO_CREDENTIAL } from '../shared/zohoRequest';
import { properties, resources } from './actions';
import * as listSearch from './methods/listSearch';
import * as loadOptions from './methods/loadOptions';

export class ZohoCrmTasks implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho CRM Tasks',
		name: 'zohoCrmTasks',
		icon: { light: 'file:zohoCrm.svg', dark: 'file:zohoCrm.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Work with Zoho CRM tasks and their notes, and read the accounts, deals, contacts and users around them',
		defaults: { name: 'Zoho CRM Tasks' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: ZOHO_CREDENTIAL, required: true }],
		properties,
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeItems.call(this, resources);
	}
}
