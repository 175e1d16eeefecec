/**
 * Zoho CRM Notifications API (`/actions/watch`): subscribe, look up, renew and delete channels.
 * A channel lives at most one week; a missing or longer expiry makes Zoho end it after an hour.
 */
import type { IAllExecuteFunctions, IDataObject, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { crmList } from './paging';
import { bodyOf, crmRequest, settleOne, settleRecords } from './transport';
import { formatZohoTime, parseZohoTime } from './values';

const HOUR = 3600_000;
/** Asked-for lifetime: one week less an hour, so clock skew never pushes it past Zoho's week. */
export const CHANNEL_LIFETIME_MS = 7 * 24 * HOUR - HOUR;
/** Renew when less than this is left. */
export const RENEW_BEFORE_MS = 2 * 24 * HOUR;
/** Zoho caps field conditions at 10 fields. */
export const MAX_CONDITION_FIELDS = 10;

export interface ChannelSpec {
	channelId: string;
	token?: string;
	notifyUrl?: string;
	events: string[];
	expiresAt: number;
	/** Notify on edits only when one of these fields changed (field_selection). */
	fields?: string[];
	module?: string;
	notifyOnRelatedAction?: boolean;
}

export interface ChannelInfo {
	channelId: string;
	expiresAt?: number;
	notifyUrl?: string;
	token?: string;
	events: string[];
	raw: IDataObject;
}

function watchObject(spec: ChannelSpec, full: boolean): IDataObject {
	const body: IDataObject = {
		channel_id: spec.channelId,
		events: spec.events,
		channel_expiry: formatZohoTime(spec.expiresAt),
	};
	if (spec.notifyUrl) body.notify_url = spec.notifyUrl;
	if (spec.token) body.token = spec.token;
	if (!full) return body;
	body.return_affected_field_values = true;
	body.notify_on_related_action = spec.notifyOnRelatedAction ?? false;
	if (spec.fields?.length) {
		body.notification_condition = [
			{
				type: 'field_selection',
				module: { api_name: spec.module ?? 'Tasks' },
				field_selection: { group_operator: 'or', group: spec.fields.map((api_name) => ({ field: { api_name } })) },
			},
		];
	}
	return body;
}

/** The expiry Zoho confirmed in a subscribe/renew answer, if it says. */
function confirmedExpiry(details: IDataObject | undefined): number | undefined {
	const events = (details?.events ?? []) as IDataObject[];
	const times = events.map((e) => parseZohoTime(e.channel_expiry)).filter((t): t is number => t !== undefined);
	return times.length ? Math.min(...times) : parseZohoTime(details?.channel_expiry);
}

/** Subscribe a new channel; returns the expiry Zoho set (it may be shorter than asked). */
export async function subscribeChannel(this: IAllExecuteFunctions, spec: ChannelSpec): Promise<number> {
	const sent = watchObject(spec, true);
	const response = await crmRequest.call(this, {
		method: 'POST',
		path: '/actions/watch',
		body: { watch: [sent] },
		what: 'subscribe to Zoho CRM notifications',
		recordsKey: 'watch',
		// Subscribing the same channel id again replaces it, so a failed call may be repeated.
		retryServerErrors: true,
	});
	const item = settleOne.call(this, response, sent, 'notification channel', undefined, 'watch');
	return confirmedExpiry(item.details) ?? spec.expiresAt;
}

/** Move a channel's expiry (PATCH merges, so the token and conditions stay as they are). */
export async function renewChannel(this: IAllExecuteFunctions, spec: ChannelSpec): Promise<number> {
	const sent = watchObject(spec, false);
	const response = await crmRequest.call(this, {
		method: 'PATCH',
		path: '/actions/watch',
		body: { watch: [sent] },
		what: 'renew the Zoho CRM notification channel',
		recordsKey: 'watch',
	});
	const item = settleOne.call(this, response, sent, 'notification channel', undefined, 'watch');
	return confirmedExpiry(item.details) ?? spec.expiresAt;
}

export function toChannelInfo(raw: IDataObject): ChannelInfo {
	const nested = ((raw.details as IDataObject | undefined)?.events ?? []) as IDataObject[];
	const events = Array.isArray(raw.events)
		? (raw.events as unknown[]).map((e) => (typeof e === 'string' ? e : String((e as IDataObject).event ?? '')))
		: [];
	return {
		channelId: String(raw.channel_id ?? nested[0]?.channel_id ?? ''),
		expiresAt: parseZohoTime(raw.channel_expiry) ?? parseZohoTime(nested[0]?.channel_expiry),
		notifyUrl: typeof raw.notify_url === 'string' ? raw.notify_url : undefined,
		token: typeof raw.token === 'string' ? raw.token : undefined,
		events: events.filter(Boolean),
		raw,
	};
}

/** A channel as Zoho knows it now, or undefined when Zoho has no such channel. */
export async function findChannel(this: IAllExecuteFunctions, channelId: string): Promise<ChannelInfo | undefined> {
	try {
		const response = await crmRequest.call(this, {
			method: 'GET',
			path: '/actions/watch',
			qs: { channel_id: channelId },
			what: 'look up the Zoho CRM notification channel',
		});
		const items = (bodyOf<{ watch?: IDataObject[] }>(response)?.watch ?? []).map(toChannelInfo);
		return items.find((c) => c.channelId === channelId);
	} catch (error) {
		if (isGone(error)) return undefined;
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
}

export async function listChannels(this: IAllExecuteFunctions, qs: IDataObject = {}, limit?: number): Promise<ChannelInfo[]> {
	const rows = await crmList.call(this, { path: '/actions/watch', qs, key: 'watch', limit, what: 'list Zoho CRM notification channels' });
	return rows.map(toChannelInfo);
}

/** Delete channels; a channel Zoho no longer has (NOT_SUBSCRIBED) counts as deleted. */
export async function deleteChannels(this: IAllExecuteFunctions, channelIds: string[]): Promise<void> {
	const response = await crmRequest.call(this, {
		method: 'DELETE',
		path: '/actions/watch',
		qs: { channel_ids: channelIds.join(',') },
		what: 'delete the Zoho CRM notification channel',
		recordsKey: 'watch',
	});
	const results = settleRecords.call(this, response, channelIds.map((channel_id) => ({ channel_id })), 'notification channel', 'watch');
	const failed = results.find((r): r is NodeApiError => r instanceof NodeApiError && !isGone(r));
	if (failed) throw failed;
}

/** Zoho's "no such channel" answers: NOT_SUBSCRIBED, or a 404. */
export function isGone(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	return error.httpCode === '404' || /NOT_SUBSCRIBED/.test(`${error.message} ${JSON.stringify(error.context?.data ?? {})}`);
}
