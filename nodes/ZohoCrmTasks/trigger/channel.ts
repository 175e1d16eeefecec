/**
 * The trigger's Zoho CRM notification channel and how it stays alive. A channel expires at most a
 * week after it is subscribed or renewed, and n8n only calls checkExists on activation, so:
 *  - it is subscribed for (almost) a week, with a random channel id and token;
 *  - every callback renews it when less than two days are left;
 *  - the trigger's poll (in Instant mode a heartbeat on Poll Times) asks Zoho at least every 12 hours
 *    and whenever less than two days are left, renews it, and re-subscribes it (same id and token)
 *    if Zoho lost it;
 *  - checkExists reports a missing, moved or nearly expired channel as absent, so n8n re-creates it.
 * The channel id and token never change while the workflow is active: the webhook handler and the
 * poller each hold their own copy of static data, and both must recognise the same callbacks.
 */
import { randomBytes, randomInt } from 'node:crypto';

import type { IAllExecuteFunctions, IDataObject } from 'n8n-workflow';

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

/** Channel ids are longs chosen by the client; 18 digits stay below 2^63. */
export const newChannelId = (): string => `1${Array.from({ length: 17 }, () => randomInt(10)).join('')}`;
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
	wanted: { notifyUrl: string; events: string[]; fields: string[]; related: boolean },
): Promise<void> {
	if (state.channelId) await deleteChannels.call(this, [state.channelId]);
	Object.assign(state, { channelId: newChannelId(), token: newToken(), ...wanted });
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

/** Ask Zoho about the channel; renew it when it is close to its end, re-subscribe it when gone. */
export async function refreshChannel(this: IAllExecuteFunctions, state: ChannelState): Promise<RefreshOutcome> {
	const now = Date.now();
	const known = await findChannel.call(this, state.channelId!);
	let outcome: RefreshOutcome = 'alive';
	if (!known) {
		state.expiresAt = await subscribeChannel.call(this, spec(state, now + CHANNEL_LIFETIME_MS));
		outcome = 'resubscribed';
	} else if ((known.expiresAt ?? 0) - now < RENEW_BEFORE_MS) {
		state.expiresAt = await renewChannel.call(this, spec(state, now + CHANNEL_LIFETIME_MS));
		outcome = 'renewed';
	} else {
		state.expiresAt = known.expiresAt;
	}
	state.verifiedAt = now;
	return outcome;
}

/** Whether the heartbeat should ask Zoho now (near the end, or not asked for a while). */
export function refreshDue(state: ChannelState, now = Date.now()): boolean {
	if (!state.channelId) return false;
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
