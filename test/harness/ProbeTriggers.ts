import type {
	IDataObject,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { zohoRequest } from '../../nodes/shared/zohoRequest';

const base = {
	group: ['trigger'],
	version: 1,
	description: 'Test-only trigger',
	inputs: [],
	outputs: [NodeConnectionTypes.Main],
	credentials: [{ name: 'zohoTaskSyncOAuth2Api', required: true }],
	properties: [],
};

/** Test-only polling trigger: each poll asks the simulator for items after its cursor. */
export class ZohoProbePoll implements INodeType {
	description = { ...base, displayName: 'Probe Poll', name: 'zohoProbePoll', defaults: { name: 'Poll' }, polling: true } as INodeTypeDescription;

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const state = this.getWorkflowStaticData('node') as { cursor?: number };
		const response = await zohoRequest.call(this, 'crm', { method: 'GET', path: '/crm/v8/__items', qs: { after: state.cursor ?? 0 } });
		const items = (response.body as { items: number[] }).items;
		if (!items.length) return null;
		if (this.getMode() !== 'manual') state.cursor = Math.max(...items);
		return [items.map((n) => ({ json: { n } }))];
	}
}

/** Test-only webhook trigger: registers a subscription on activation, deletes it on deactivation. */
export class ZohoProbeHook implements INodeType {
	description = {
		...base,
		displayName: 'Probe Hook',
		name: 'zohoProbeHook',
		defaults: { name: 'Hook' },
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'probe' }],
	} as INodeTypeDescription;

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const { subscription } = this.getWorkflowStaticData('node') as { subscription?: string };
				if (!subscription) return false;
				const response = await zohoRequest.call(this, 'crm', { method: 'GET', path: `/crm/v8/__subscriptions/${subscription}` });
				return response.statusCode === 200;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				const response = await zohoRequest.call(this, 'crm', {
					method: 'POST',
					path: '/crm/v8/__subscriptions',
					body: { url: this.getNodeWebhookUrl('default') ?? '' },
				});
				this.getWorkflowStaticData('node').subscription = (response.body as IDataObject).id;
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				const state = this.getWorkflowStaticData('node');
				await zohoRequest.call(this, 'crm', { method: 'DELETE', path: `/crm/v8/__subscriptions/${String(state.subscription)}` });
				delete state.subscription;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return { workflowData: [this.helpers.returnJsonArray(this.getBodyData())] };
	}
}
