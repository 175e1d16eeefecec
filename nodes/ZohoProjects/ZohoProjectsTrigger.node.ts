import type {
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IPollFunctions,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { ZOHO_CREDENTIAL } from '../shared/zohoRequest';
import { searchPortals, searchProjects } from './methods/listSearch';
import { getProjects } from './methods/loadOptions';
import { triggerProperties } from './trigger/description';
import { pollOptions } from './trigger/options';
import { samplePoll, triggerPoll } from './trigger/poll';
import { type PortalState, portalPoll, portalSample } from './trigger/portal';
import type { PollState } from './trigger/state';
import { projectsWebhook, webhookHooks } from './trigger/webhook';

/**
 * No path in Polling mode (the default, also when the parameter is absent), so n8n registers no
 * webhook and "Fetch Test Event" polls.
 */
const WEBHOOK_PATH = '={{$parameter["mode"] === "webhook" ? "webhook" : undefined}}';

export class ZohoProjectsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Projects Trigger',
		name: 'zohoProjectsTrigger',
		icon: { light: 'file:zohoProjects.svg', dark: 'file:zohoProjects.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "webhook" ? "Webhook" : "Polling: " + $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when tasks of Zoho Projects projects (one, chosen, or the whole portal) are created or updated, or get comments: by polling (every plan) or from a Zoho Projects webhook (Enterprise portals)',
		defaults: { name: 'Zoho Projects Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		// Webhook mode reads nothing from Zoho, so it needs no credential.
		credentials: [{ name: ZOHO_CREDENTIAL, required: true, displayOptions: { show: { mode: ['polling'] } } }],
		polling: true,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
				ndvHideUrl: '={{$parameter["mode"] !== "webhook"}}',
			},
			{
				// A Zoho workflow-rule webhook may be set to GET, its parameters then in the URL query
				// [P16]; the same URL takes it, through the same handler and secret check. Hidden in the
				// editor, which would otherwise list the one URL twice.
				name: 'default',
				httpMethod: 'GET',
				responseMode: 'onReceived',
				path: WEBHOOK_PATH,
				ndvHideUrl: true,
			},
		],
		properties: triggerProperties,
	};

	methods = { listSearch: { searchPortals, searchProjects }, loadOptions: { getProjects } };

	// n8n runs these once per entry of `webhooks` (POST and GET): they register nothing with Zoho
	// and only check the secret, so running them twice changes nothing.
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await webhookHooks.checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await webhookHooks.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await webhookHooks.delete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await projectsWebhook.call(this);
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		// Webhook mode: Zoho calls in; there is nothing to poll.
		if (this.getNodeParameter('mode', 'polling') === 'webhook') return null;
		const options = await pollOptions.call(this);
		const manual = this.getMode() === 'manual';
		if (options.scope === 'project') {
			if (manual) return await samplePoll.call(this, options.poll);
			return await triggerPoll.call(this, this.getWorkflowStaticData('node') as PollState, options.poll);
		}
		if (manual) return await portalSample.call(this, options.portal);
		// Kept apart from the one-project cursor, so switching scope back and forth starts each afresh.
		const data = this.getWorkflowStaticData('node') as { portal?: PortalState };
		data.portal ??= { projects: {} };
		return await portalPoll.call(this, data.portal, options.portal);
	}
}
