/**
 * The trigger's Zoho CRM notification channel and how it stays alive. A channel expires at most a
 * week after it is subscribed or renewed, and n8n only calls checkExists on activation, so:
 *  - it is subscribed for (almost) a week, with a random token, under a channel id derived from the
 *    node's webhook id (the same on every activation);
 *  - every callback renews it when less than two days are left;
 *  - the trigger's poll (in Instant mode a heartbeat on Poll Times) asks Zoho at least every 12 hours
 *    and whenever less than two days are left, renews it, and re-subscribes it if Zoho lost it;
 *  - checkExists reports a missing, moved or nearly expired channel as absent, so n8n re-creates it.
 * The webhook handler and the poller each hold their own copy of static data, and n8n 2.x keeps the
 * poller's in a store of its own that a later activation does not update. So the poller never needs
 * the webhook's copy: the channel id follows from the node, a cached expiry can only be earlier than
 * Zoho's (renewing early is harmless), and a callback whose token the webhook's copy does not know
 * is accepted only when Zoho confirms that channel and token (see instant.ts).
 */
import { createHash, randomBytes } from 'node:crypto';

import type { IAllExecuteFunctions, IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	CHANNEL_LIFETIME_MS,
	deleteChannels,
	findChannel,
	renewChannel,
	RENEW_BEFORE_MS,
	subscribeChannel,
	type ChannelSpec,
} from '../../shared/crm/watch';

/** How often the heartbeat asks Zoho whether the channel still exists. */
export const VERIFY_EVERY_MS = 12 * 3600_000;

/** What the trigger keeps in its node static data about its channel. */
export interface ChannelState extends IDataObject {
	channelId?: string;
	token?: string;
	notifyUrl?: string;
	events?: string[];
	fields?: string[];
	related?: boolean;
	/** When Zoho ends the channel (epoch ms, as Zoho last confirmed it). */
	expiresAt?: number;
	/** When Zoho was last asked about the channel (epoch ms). */
	verifiedAt?: number;
}

/**
 * Channel ids are longs chosen by the client; 18 digits stay below 2^63. Derived from the node's
 * webhook id, so every activation, and every copy of the static data, names the same channel;
 * "Listen for Test Event" uses its own.
 */
export function channelIdFor(node: Pick<INode, 'webhookId' | 'name'>, workflow: { id?: string }, test = false): string {
	const key = `${node.webhookId ?? `${workflow.id ?? ''}:${node.name}`}${test ? ':test' : ''}`;
	const digits = BigInt(`0x${createHash('sha256').update(key).digest('hex')}`) % 10n ** 17n;
	return `1${digits.toString().padStart(17, '0')}`;
}
/** Zoho echoes the token in every callback; it is capped at 50 characters. */
export const newToken = (): string => randomBytes(24).toString('base64url');

function spec(state: ChannelState, expiresAt: number): ChannelSpec {
	return {
		channelId: state.channelId!,
		token: state.token,
		notifyUrl: state.notifyUrl,
		events: state.events ?? [],
		fields: state.fields,
		notifyOnRelatedAction: state.related,
		expiresAt,
	};
}

/** Subscribe a fresh channel (new id and token) and record it in `state`. */
export async function openChannel(
	this: IAllExecuteFunctions,
	state: ChannelState,
	wanted: { channelId: string; notifyUrl: string; events: string[]; fields: string[]; related: boolean },
): Promise<void> {
	const stale = [...new Set([state.channelId, wanted.channelId].filter((id): id is string => !!id))];
	await deleteChannels.call(this, stale);
	Object.assign(state, { token: newToken(), ...wanted });
	const now = Date.now();
	state.expiresAt = await subscribeChannel.call(this, spec(state, now + CHANNEL_LIFETIME_MS));
	state.verifiedAt = now;
}

/** Delete the channel (one Zoho no longer has is fine) and forget it. */
export async function closeChannel(this: IAllExecuteFunctions, state: ChannelState): Promise<void> {
	if (state.channelId) await deleteChannels.call(this, [state.channelId]);
	for (const key of ['channelId', 'token', 'notifyUrl', 'events', 'fields', 'related', 'expiresAt', 'verifiedAt']) delete state[key];
}

export type RefreshOutcome = 'alive' | 'renewed' | 'resubscribed';

/**
 * Ask Zoho about the channel; renew it when it is close to its end, re-subscribe it when gone.
 * What Zoho says wins over `state`, which may be a poller's copy from an earlier activation.
 */
export async function refreshChannel(this: IAllExecuteFunctions, state: ChannelState, channelId: string): Promise<RefreshOutcome> {
	const now = Date.now();
	state.channelId = channelId;
	const known = await findChannel.call(this, channelId);
	let outcome: RefreshOutcome = 'alive';
	if (!known) {
		if (!state.notifyUrl || !state.events?.length) {
			throw new NodeOperationError(this.getNode(), 'The Zoho CRM notification channel of this trigger is gone', {
				description: 'Zoho no longer has it, and this copy of the trigger does not know its webhook URL to subscribe it again. Deactivate and activate the workflow.',
			});
		}
		state.token ??= newToken();
		state.expiresAt = await subscribeChannel.call(this, spec(state, now + CHANNEL_LIFETIME_MS));
		outcome = 'resubscribed';
	} else {
		state.token = known.token ?? state.token;
		state.notifyUrl = known.notifyUrl ?? state.notifyUrl;
		if (known.events.length) state.events = known.events;
		if ((known.expiresAt ?? 0) - now < RENEW_BEFORE_MS) {
			state.expiresAt = await renewChannel.call(this, spec(state, now + CHANNEL_LIFETIME_MS));
			outcome = 'renewed';
		} else {
			state.expiresAt = known.expiresAt;
		}
	}
	state.verifiedAt = now;
	return outcome;
}

/** Whether the heartbeat should ask Zoho now (near the end, not asked for a while, or never). */
export function refreshDue(state: ChannelState, now = Date.now()): boolean {
	return now >= (state.expiresAt ?? 0) - RENEW_BEFORE_MS || now - (state.verifiedAt ?? 0) >= VERIFY_EVERY_MS;
}

/** checkExists: the channel exists in Zoho, points at this webhook, has the wanted events and time left. */
export async function channelUsable(this: IAllExecuteFunctions, state: ChannelState, notifyUrl: string, events: string[]): Promise<boolean> {
	if (!state.channelId || !state.token) return false;
	const known = await findChannel.call(this, state.channelId);
	if (!known) return false;
	if (known.notifyUrl && known.notifyUrl !== notifyUrl) return false;
	const sameEvents = [...(state.events ?? [])].sort().join() === [...events].sort().join();
	if (!sameEvents) return false;
	const now = Date.now();
	if ((known.expiresAt ?? 0) - now < RENEW_BEFORE_MS) return false;
	state.expiresAt = known.expiresAt;
	state.verifiedAt = now;
	return true;
}
