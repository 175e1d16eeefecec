import type {
	IDataObject,
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { bodyFields, normalisePayload, sameSecret } from './trigger/webhook';

export class ZohoProjectsWebhookTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Projects Webhook Trigger',
		name: 'zohoProjectsWebhookTrigger',
		icon: { light: 'file:zohoProjects.svg', dark: 'file:zohoProjects.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: 'Webhook from a workflow rule',
		description: 'Starts the workflow when a Zoho Projects workflow rule calls its webhook (Enterprise portals)',
		defaults: { name: 'Zoho Projects Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		triggerPanel: {
			header: 'Copy the Production URL above into the webhook of a Zoho Projects workflow rule',
			executionsHelp: {
				inactive: 'Activate the workflow, then change a task in Zoho Projects: each call of the webhook starts an execution.',
				active: 'Each call of the Zoho Projects webhook with the right secret starts an execution.',
			},
			activationHint: 'Activate the workflow so that the Production URL answers Zoho.',
		},
		properties: [
			{
				displayName:
					"Zoho Projects has no API for webhooks, so set it up once in Zoho: Settings › Automation › Workflow Rules › Tasks › a rule › Associate Webhook. As 'URL to Notify' paste this node's Production URL (Webhook URLs, above), method POST. Under 'Append custom parameters' add the custom parameter below (same name, and the secret as its value), and under 'Append entity parameters' the task fields you need, e.g. task_id, project_id, task_name, status.",
				name: 'setupNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName: 'Custom Parameter Name',
				name: 'parameterName',
				type: 'string',
				default: 'zts_secret',
				required: true,
				description: 'The name of the custom parameter that carries the secret',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				required: true,
				description:
					'A long random value (e.g. from a password generator) that you paste as the custom parameter value in Zoho. Calls without it are refused with 401.',
			},
		],
	};

	/**
	 * Zoho has no API to create or delete webhooks (they live in workflow rules set up in its UI),
	 * so there is nothing to register: `create` only checks that a secret is set before the URL goes
	 * live, and the others report what is true — the URL exists as long as the workflow is active.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return false;
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!String(this.getNodeParameter('secret', '')).trim()) {
					throw new NodeOperationError(this.getNode(), 'Set a secret before activating', {
						description: 'Without one, anyone who learns the URL could start this workflow.',
					});
				}
				return true;
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const secretName = String(this.getNodeParameter('parameterName', 'zts_secret')).trim();
		const secret = String(this.getNodeParameter('secret', ''));
		const fields = bodyFields(this.getBodyData());
		const query = this.getQueryData() as IDataObject;
		if (!sameSecret(fields[secretName] ?? query[secretName], secret)) {
			this.getResponseObject().status(401).json({ message: 'Unauthorized: missing or wrong secret parameter' });
			return { noWebhookResponse: true };
		}
		return { workflowData: [this.helpers.returnJsonArray([normalisePayload(fields, secretName)])] };
	}
}
