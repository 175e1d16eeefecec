/**
 * Notification channels (`actions/watch`): the body of one `watch[]` item parsed and checked into a
 * Channel, and a Channel rendered back the way Zoho lists it. Expiry is judged against the sim clock
 * whenever channels are read or fired, so an expired channel simply stops existing.
 */
import { errorItem, parseInstant, zohoTime } from './http';
import type { Crm } from './index';
import type { ModuleName, ResultItem } from './types';
import { isModule, isObject, MODULE_IDS, WATCHABLE } from './types';

export interface SelectionGroup {
	group_operator: 'and' | 'or';
	group: ({ field: { api_name: string } } | SelectionGroup)[];
}

export interface Condition {
	module: ModuleName;
	selection: SelectionGroup;
}

export interface Channel {
	channelId: string;
	/** `Module.create|edit|delete|all`. */
	events: string[];
	expiresAt: number;
	token: string | null;
	notifyUrl: string;
	returnValues: boolean;
	notifyOnRelated: boolean;
	conditions: Condition[];
}

export const HOUR_MS = 3600_000;
export const MAX_EXPIRY_MS = 7 * 24 * HOUR_MS;
export const MAX_TOKEN_LENGTH = 50;
export const MAX_CONDITION_FIELDS = 10;
const EVENT = /^([A-Za-z_]+)\.(create|edit|delete|all)$/;

export const eventModule = (event: string): ModuleName => event.split('.')[0] as ModuleName;
export const channelModules = (c: Channel): ModuleName[] => [...new Set(c.events.map(eventModule))];

class Refusal {
	constructor(readonly item: ResultItem) {}
}

/**
 * A `watch[i]` item as a Channel. `base` is the live channel for PUT (ignored, replaced) and PATCH
 * (merged); on PATCH `_delete_events: true` removes the listed events instead of adding them.
 */
export function parseChannel(crm: Crm, raw: unknown, index: number, mode: 'post' | 'put' | 'patch', base?: Channel): { ok: true; channel: Channel } | { ok: false; item: ResultItem } {
	const path = (key: string) => `$.watch[${index}].${key}`;
	const missing = (key: string) => new Refusal(errorItem('MANDATORY_NOT_FOUND', 'required field not found', { api_name: key, json_path: path(key) }));
	const invalid = (key: string, extra: Record<string, unknown> = {}) => new Refusal(errorItem('INVALID_DATA', 'invalid data', { api_name: key, json_path: path(key), ...extra }));
	try {
		if (!isObject(raw)) throw invalid('watch');
		const merged = mode === 'patch';
		if (raw.channel_id === undefined || raw.channel_id === null || raw.channel_id === '') throw missing('channel_id');
		const channelId = String(raw.channel_id);
		if (!/^\d{1,64}$/.test(channelId)) throw invalid('channel_id');
		let events: string[];
		if (raw.events === undefined && merged && base) events = base.events;
		else {
			if (!Array.isArray(raw.events) || raw.events.length === 0) throw raw.events === undefined ? missing('events') : invalid('events');
			const given = raw.events.map(String);
			for (const e of given) {
				const m = EVENT.exec(e);
				if (!m || !isModule(m[1]) || !WATCHABLE.includes(m[1])) throw invalid('events', { event: e });
			}
			events = !merged || !base ? given : raw._delete_events === true ? base.events.filter((e) => !given.includes(e)) : [...new Set([...base.events, ...given])];
		}
		const notifyUrl = raw.notify_url ?? (merged ? base?.notifyUrl : undefined);
		if (notifyUrl === undefined || notifyUrl === null || notifyUrl === '') throw missing('notify_url');
		if (typeof notifyUrl !== 'string' || !/^https?:\/\/\S+$/.test(notifyUrl) || !URL.canParse(notifyUrl)) throw invalid('notify_url');
		const token = raw.token === undefined && merged ? (base?.token ?? null) : raw.token === undefined || raw.token === null ? null : String(raw.token);
		if (token !== null && token.length > MAX_TOKEN_LENGTH) throw invalid('token', { maximum_length: MAX_TOKEN_LENGTH });
		const expiresAt = raw.channel_expiry === undefined && merged && base ? base.expiresAt : expiry(crm.now(), raw.channel_expiry, crm.options.maxChannelLifetimeMs);
		if (expiresAt === undefined) throw invalid('channel_expiry', { expected_data_type: 'datetime' });
		const flag = (key: string, fallback: boolean) => (typeof raw[key] === 'boolean' ? (raw[key] as boolean) : fallback);
		const modules = [...new Set(events.map(eventModule))];
		const conditions =
			raw.notification_condition === undefined && merged && base
				? base.conditions.filter((c) => modules.includes(c.module))
				: parseConditions(crm, raw.notification_condition, modules, path, missing, invalid);
		const channel: Channel = {
			channelId,
			events,
			expiresAt,
			token,
			notifyUrl,
			returnValues: flag('return_affected_field_values', merged && base ? base.returnValues : false),
			// Zoho's default is true: actions on related records (e.g. a Note) notify too.
			notifyOnRelated: flag('notify_on_related_action', merged && base ? base.notifyOnRelated : true),
			conditions,
		};
		return { ok: true, channel };
	} catch (error) {
		if (error instanceof Refusal) return { ok: false, item: error.item };
		throw error;
	}
}

/**
 * Omitted, or more than a week (or the org's `maxChannelLifetimeMs`) ahead → one hour from now;
 * past or unparsable → undefined.
 */
function expiry(now: number, raw: unknown, maxMs: number): number | undefined {
	if (raw === undefined || raw === null || raw === '') return now + HOUR_MS;
	const ms = typeof raw === 'string' ? parseInstant(raw) : undefined;
	if (ms === undefined || ms <= now) return undefined;
	return ms - now > maxMs ? now + HOUR_MS : ms;
}

function parseConditions(
	crm: Crm,
	raw: unknown,
	modules: ModuleName[],
	path: (k: string) => string,
	missing: (k: string) => Refusal,
	invalid: (k: string, extra?: Record<string, unknown>) => Refusal,
): Condition[] {
	if (raw === undefined || raw === null) return [];
	if (!Array.isArray(raw)) throw invalid('notification_condition');
	return raw.map((c): Condition => {
		if (!isObject(c)) throw invalid('notification_condition');
		if (c.type === undefined) throw missing('type');
		if (c.type !== 'field_selection') throw invalid('type');
		if (!isObject(c.module)) throw missing('module');
		const byName = c.module.api_name;
		const givenId = c.module.id;
		const byId = Object.entries(MODULE_IDS).find(([, id]) => id === givenId)?.[0];
		if (byName !== undefined && byId !== undefined && byName !== byId) {
			throw new Refusal(errorItem('AMBIGUITY_DURING_PROCESSING', 'module api_name and id refer to different modules', { api_name: 'module', json_path: path('notification_condition') }));
		}
		const module = byName ?? byId;
		if (!isModule(module) || !modules.includes(module)) throw invalid('module');
		if (!isObject(c.field_selection)) throw missing('field_selection');
		let count = 0;
		const group = (g: Record<string, unknown>): SelectionGroup => {
			const op = g.group_operator ?? 'or';
			if (op !== 'and' && op !== 'or') throw invalid('group_operator');
			if (!Array.isArray(g.group) || g.group.length === 0) throw missing('group');
			return {
				group_operator: op,
				group: g.group.map((item) => {
					if (!isObject(item)) throw invalid('group');
					if (isObject(item.field)) {
						const name = item.field.api_name;
						if (typeof name !== 'string' || !crm.fields.get(module, name)) throw invalid('field', { field: name });
						if (++count > MAX_CONDITION_FIELDS) throw invalid('field_selection', { limit: MAX_CONDITION_FIELDS });
						return { field: { api_name: name } };
					}
					return group(item);
				}),
			};
		};
		return { module, selection: group(c.field_selection) };
	});
}

/** Does an edit that changed `changed` satisfy the selection? `or`: any field; `and`: all of them. */
export function selectionMatches(g: SelectionGroup, changed: Set<string>): boolean {
	const hit = (item: SelectionGroup['group'][number]) => ('field' in item ? changed.has(item.field.api_name) : selectionMatches(item, changed));
	return g.group_operator === 'and' ? g.group.every(hit) : g.group.some(hit);
}

/** The channel's field conditions on module `m`, rendered as sent (empty when it has none). */
function conditionsOn(c: Channel, m: ModuleName): Record<string, unknown>[] {
	return c.conditions
		.filter((k) => k.module === m)
		.map((k) => ({ type: 'field_selection', module: { api_name: k.module, id: MODULE_IDS[k.module] }, field_selection: k.selection }));
}

/**
 * `details.events[]` of a subscribe/update/unsubscribe answer: one per module of the channel. The
 * expiry is null once the channel is gone (notifications.json lets it be null and requires the key).
 */
export function resourceEvents(crm: Crm, c: Channel, live = true): Record<string, unknown>[] {
	return channelModules(c).map((m) => ({
		channel_expiry: live ? zohoTime(c.expiresAt) : null,
		resource_uri: `${crm.baseUrl()}/crm/v8/${m}`,
		resource_id: MODULE_IDS[m],
		resource_name: m,
		channel_id: c.channelId,
		notification_condition: conditionsOn(c, m),
	}));
}

/** `GET actions/watch` entries: one per module of the channel. */
export function describeChannel(crm: Crm, c: Channel): Record<string, unknown>[] {
	return channelModules(c).map((m) => ({
		channel_id: c.channelId,
		events: c.events.filter((e) => eventModule(e) === m),
		channel_expiry: zohoTime(c.expiresAt),
		resource_uri: `${crm.baseUrl()}/crm/v8/${m}`,
		resource_id: MODULE_IDS[m],
		resource_name: m,
		token: c.token,
		notify_url: c.notifyUrl,
		return_affected_field_values: c.returnValues,
		notify_on_related_action: c.notifyOnRelated,
		notification_condition: conditionsOn(c, m),
	}));
}
