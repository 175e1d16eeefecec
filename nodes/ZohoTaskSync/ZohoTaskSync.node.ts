import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { addToCrm, listCrmTargets } from './actions/addToCrm';
import { addToProjects } from './actions/addToProjects';
import { importUsers } from './actions/importUsers';
import { matchAccounts } from './actions/matchAccounts';
import { reconcile } from './actions/reconcile';
import { syncComment } from './actions/syncComment';
import { syncTask } from './actions/syncTask';
import { properties } from './description';
import { routeSync, type SyncOperation } from './router';

const operations: Record<string, SyncOperation> = {
	syncTask,
	syncComment,
	addToProjects,
	addToCrm,
	listCrmTargets,
	matchAccounts,
	importUsers,
	reconcile,
};

export class ZohoTaskSync implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Task Sync',
		name: 'zohoTaskSync',
		icon: { light: 'file:zohoTaskSync.svg', dark: 'file:zohoTaskSync.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"]}}',
		description: 'Two-way sync of Zoho CRM and Zoho Projects tasks: field mapping, validation rules and every sync decision',
		defaults: { name: 'Zoho Task Sync' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main, NodeConnectionTypes.Main, NodeConnectionTypes.Main],
		outputNames: ['Synced', 'Skipped', 'Rejected'],
		credentials: [{ name: 'zohoTaskSyncOAuth2Api', required: true }],
		properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await routeSync.call(this, operations);
	}
}
