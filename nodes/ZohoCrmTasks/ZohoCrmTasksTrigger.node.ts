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
import * as loadOptions from './methods/loadOptions';
import { triggerProperties } from './trigger/description';
import { instantHooks, instantWebhook } from './trigger/instant';
import { pollTrigger } from './trigger/poll';

export class ZohoCrmTasksTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho CRM Tasks Trigger',
		name: 'zohoCrmTasksTrigger',
		icon: { light: 'file:zohoCrm.svg', dark: 'file:zohoCrm.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["mode"] === "polling" ? "Polling" : "Instant"}}',
		description: 'Starts the workflow when Zoho CRM tasks (or their notes) are created, changed or deleted',
		defaults: { name: 'Zoho CRM Tasks Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: ZOHO_CREDENTIAL, required: true }],
		// Poll Times drive Polling mode, and in Instant mode the check that keeps the channel alive.
		polling: true,
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				// No path in Polling mode, so n8n registers no webhook and "Fetch Test Event" polls.
				path: '={{$parameter["mode"] === "polling" ? undefined : "webhook"}}',
				ndvHideUrl: '={{$parameter["mode"] === "polling"}}',
			},
		],
		properties: triggerProperties,
	};

	methods = { loadOptions };

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await instantHooks.checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await instantHooks.create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await instantHooks.delete.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await instantWebhook.call(this);
	}

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		return await pollTrigger.call(this);
	}
}
