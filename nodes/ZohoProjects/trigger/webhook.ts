/**
 * Webhook mode of the Zoho Projects Trigger: the shared-secret check and the normalisation of Zoho's
 * user-defined payloads. Zoho sends "entity parameters" either as `name=value` form fields or as a
 * user-written JSON body, and merge-field values are text; both become the same flat item of strings.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';

import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const DEFAULT_SECRET_PARAMETER = 'zts_secret';

/** 32 random bytes: 43 URL-safe characters that survive being pasted into a Zoho form. */
export const newSecret = (): string => randomBytes(32).toString('base64url');

/** Constant-time comparison, so the secret cannot be guessed from response times. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body as fields: an object as it is, JSON or form text parsed. */
export function bodyFields(body: unknown): IDataObject {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as IDataObject;
	if (typeof body !== 'string' || !body.trim()) return {};
	const text = body.trim();
	if (text.startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			// Not JSON after all: read it as form fields below.
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}

/** The payload without the secret, every scalar as text (as a form post would carry it). */
export function normalisePayload(fields: IDataObject, secretName: string): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === secretName) continue;
		out[key] = value === null || value === undefined ? '' : typeof value === 'object' ? value : String(value);
	}
	return out;
}

const isWebhookMode = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getNodeParameter('mode', 'polling') === 'webhook';
const secretName = (ctx: IHookFunctions | IWebhookFunctions) =>
	String(ctx.getNodeParameter('parameterName', DEFAULT_SECRET_PARAMETER)).trim() || DEFAULT_SECRET_PARAMETER;

/**
 * Zoho has no API to create or delete webhooks (they live in workflow rules set up in its UI), so
 * there is nothing to register: `create` only makes sure a secret is set before the URL goes live,
 * and the others report what is true — the URL exists as long as the workflow is active.
 */
export const webhookHooks = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		return false;
	},
	async create(this: IHookFunctions): Promise<boolean> {
		if (!isWebhookMode(this)) return true;
		if (String(this.getNodeParameter('secret', '')).trim()) return true;
		// n8n cannot write a parameter back into the workflow, so the generated secret is shown in
		// the activation error: the user pastes it into the node and into Zoho, then activates again.
		const secret = newSecret();
		const name = secretName(this);
		throw new NodeOperationError(
			this.getNode(),
			`Set a secret before activating. Here is a new random one: ${secret} — paste it into this node's Secret field and, in Zoho Projects, as the value of the webhook's custom parameter "${name}", then activate again.`,
			{
				description: `Without a secret anyone who learns the URL could start this workflow. The secret above (${secret}) was generated just now and is not stored anywhere until you paste it.`,
			},
		);
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		return true;
	},
};

/**
 * One call of Zoho's webhook, POST or GET alike: refused with 401 without the right secret, else one
 * normalised item. A rule set to GET can only send its parameters in the URL [P16]; for POST, whether
 * Zoho appends them to the URL or sends them in the body is not confirmed (its form offers a "Preview
 * URL"), so both are read: the URL's query parameters, then the body's fields, the body winning where
 * both name the same parameter.
 */
export async function projectsWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const name = secretName(this);
	const secret = String(this.getNodeParameter('secret', ''));
	const query = (this.getQueryData() ?? {}) as IDataObject;
	const body = bodyFields(this.getBodyData());
	const fields: IDataObject = { ...query, ...body };
	if (!isWebhookMode(this) || !sameSecret(body[name] ?? query[name], secret)) {
		this.getResponseObject().status(401).json({ message: 'Unauthorized: missing or wrong secret parameter' });
		return { noWebhookResponse: true };
	}
	return { workflowData: [this.helpers.returnJsonArray([normalisePayload(fields, name)])] };
}
