/**
 * Instant mode: the webhook lifecycle (subscribe on activation, unsubscribe on deactivation) and
 * the callbacks Zoho CRM sends. A callback is only accepted when its channel id and token are the
 * ones this activation subscribed with; anything else gets 401 and starts nothing.
 */
import { timingSafeEqual } from 'node:crypto';

import type { IDataObject, IHookFunctions, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldsParam } from '../../shared/crm/fields';
import { crmList } from '../../shared/crm/paging';
import { findChannel, MAX_CONDITION_FIELDS, RENEW_BEFORE_MS } from '../../shared/crm/watch';
import { channelIdFor, channelUsable, closeChannel, openChannel, refreshChannel, type ChannelState } from './channel';

/** Zoho event names for the chosen events; notes arrive as related actions on the Tasks channel. */
export function zohoEvents(events: string[]): string[] {
	const picked = events.filter((e) => e === 'create' || e === 'edit' || e === 'delete');
	return (picked.length ? picked : ['edit']).map((e) => `Tasks.${e}`);
}

function wanted(this: IHookFunctions) {
	const events = this.getNodeParameter('events', []) as string[];
	const fields = this.getNodeParameter('watchFields', []) as string[];
	if (fields.length > MAX_CONDITION_FIELDS) {
		throw new NodeOperationError(this.getNode(), `Zoho CRM watches at most ${MAX_CONDITION_FIELDS} fields; ${fields.length} are chosen`, {
			description: 'Remove some fields from "Notify Only When These Fields Change".',
		});
	}
	return {
		channelId: channelIdFor(this.getNode(), this.getWorkflow(), this.getMode() === 'manual'),
		notifyUrl: this.getNodeWebhookUrl('default') ?? '',
		events: zohoEvents(events),
		fields,
		related: events.includes('notes'),
	};
}

const isInstant = (ctx: IHookFunctions | IWebhookFunctions) => ctx.getNodeParameter('mode', 'instant') !== 'polling';

interface InstantState extends ChannelState {
	/** "Listen for Test Event" subscribes its own channel to the test URL, kept apart from the live one. */
	test?: ChannelState;
}

/** The live channel's state, or the test channel's while n8n listens for a test event. */
function slot(ctx: IHookFunctions): ChannelState {
	const state = ctx.getWorkflowStaticData('node') as InstantState;
	if (ctx.getMode() !== 'manual') return state;
	state.test ??= {};
	return state.test;
}

export const instantHooks = {
	async checkExists(this: IHookFunctions): Promise<boolean> {
		if (!isInstant(this)) return true;
		const want = wanted.call(this);
		const state = slot(this);
		if (state.channelId !== want.channelId) return false;
		return await channelUsable.call(this, state, want.notifyUrl, want.events);
	},
	async create(this: IHookFunctions): Promise<boolean> {
		if (!isInstant(this)) return true;
		await openChannel.call(this, slot(this), wanted.call(this));
		return true;
	},
	async delete(this: IHookFunctions): Promise<boolean> {
		await closeChannel.call(this, slot(this));
		return true;
	},
};

function sameSecret(given: unknown, expected: string | undefined): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(given);
	const b = Buffer.from(expected);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Whether a callback carries this channel's token. The webhook's static data knows the token it
 * subscribed with; after the heartbeat re-subscribed a lost channel from its own copy, only Zoho
 * knows the token in use, so an unknown token is checked against Zoho's channel once and then kept.
 */
async function tokenKnown(this: IWebhookFunctions, state: ChannelState, channelId: string, token: unknown): Promise<boolean> {
	if (typeof token !== 'string' || !token) return false;
	if (state.channelId === channelId && sameSecret(token, state.token)) return true;
	const known = await findChannel.call(this, channelId).catch(() => undefined);
	if (!known?.token || !sameSecret(token, known.token)) return false;
	Object.assign(state, { channelId, token: known.token, notifyUrl: known.notifyUrl ?? state.notifyUrl, expiresAt: known.expiresAt });
	return true;
}

const OPERATIONS: Record<string, string> = { insert: 'insert', create: 'insert', update: 'update', edit: 'update', delete: 'delete' };

/** One item per record id of a callback: operation, module, id, affected fields and values. */
function callbackItems(body: IDataObject): IDataObject[] {
	const ids = (Array.isArray(body.ids) ? body.ids : []).map(String);
	const affected = new Map<string, IDataObject[string]>();
	for (const entry of (Array.isArray(body.affected_fields) ? body.affected_fields : []) as IDataObject[]) {
		for (const [id, fields] of Object.entries(entry ?? {})) affected.set(id, fields as IDataObject[string]);
	}
	const values = new Map<string, IDataObject[string]>();
	for (const entry of (Array.isArray(body.affected_values) ? body.affected_values : []) as IDataObject[]) {
		values.set(String(entry.record_id), entry.values as IDataObject[string]);
	}
	const operation = OPERATIONS[String(body.operation)] ?? String(body.operation ?? '');
	return ids.map((id) => ({
		operation,
		module: body.module ?? 'Tasks',
		id,
		affectedFields: affected.get(id) ?? [],
		...(values.has(id) ? { affectedValues: values.get(id)! } : {}),
		channelId: String(body.channel_id),
		serverTime: body.server_time,
	}));
}

export async function instantWebhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const stored = this.getWorkflowStaticData('node') as InstantState;
	const body = (this.getBodyData() ?? {}) as IDataObject;
	const channelId = String(body.channel_id ?? '');
	const live = channelIdFor(this.getNode(), this.getWorkflow());
	const state = channelId === live ? stored : channelId === channelIdFor(this.getNode(), this.getWorkflow(), true) ? (stored.test ??= {}) : undefined;
	if (!isInstant(this) || !state || !(await tokenKnown.call(this, state, channelId, body.token))) {
		this.getResponseObject().status(401).json({ message: 'Unknown notification channel or token' });
		return { noWebhookResponse: true };
	}
	// Renew on traffic too. A failure must not lose the event: it is reported on the items, and
	// the heartbeat tries again.
	let renewalError: string | undefined;
	if (state === stored && (state.expiresAt ?? 0) - Date.now() < RENEW_BEFORE_MS) {
		renewalError = await refreshChannel.call(this, state, live).then(
			() => undefined,
			(error: Error) => error.message,
		);
	}
	// With Note but not Task Updated chosen, the channel watches edits only for their related
	// actions (a note), which change no field of the task: direct edits are dropped.
	const events = this.getNodeParameter('events', []) as string[];
	const items = callbackItems(body).filter(
		(i) => events.includes('edit') || i.operation !== 'update' || (i.affectedFields as unknown[]).length === 0,
	);
	if (!items.length) return {}; // nothing to report: answer, start nothing
	if (renewalError) for (const item of items) item.channelRenewalError = renewalError;
	const { fetchRecord = false, fields = [] } = this.getNodeParameter('options', {}) as { fetchRecord?: boolean; fields?: string[] };
	const toRead = items.filter((i) => i.operation !== 'delete').map((i) => String(i.id));
	if (fetchRecord && toRead.length) {
		const records = await crmList.call(this, {
			path: '/Tasks',
			qs: { ids: toRead.join(','), fields: await fieldsParam.call(this, 'Tasks', fields) },
			what: 'read the changed tasks',
		});
		const byId = new Map(records.map((r) => [String(r.id), r]));
		for (const item of items) if (byId.has(String(item.id))) item.record = byId.get(String(item.id));
	}
	return { workflowData: [this.helpers.returnJsonArray(items)] };
}
