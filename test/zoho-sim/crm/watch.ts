/**
 * The Notifications API: `actions/watch` subscribe (POST), list (GET), replace (PUT), merge or
 * drop events (PATCH), unsubscribe (DELETE); and the callbacks every Tasks (or other watched
 * module) write sends through `sim.deliver`.
 */
import type { Router, SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { type Channel, channelModules, describeChannel, eventModule, parseChannel, resourceEvents, selectionMatches } from './channels';
import { crmError, errorItem, missingParam, multiStatus } from './http';
import type { Crm } from './index';
import { pageInfo, pageParams } from './paging';
import type { Change, ModuleName, Operation, ResultItem } from './types';
import { isObject } from './types';

const MAX_WATCH_ITEMS = 50;
const MESSAGES = {
	post: 'Successfully subscribed for actions-watch of the given module',
	put: 'Successfully updated the subscribe details',
	patch: 'Successfully updated the subscribe details',
	delete: 'Successfully un-subscribed from actions-watch',
};
const EVENT_OF: Record<Operation, string> = { insert: 'create', update: 'edit', delete: 'delete' };

export class Watch {
	private channels = new Map<string, Channel>();

	constructor(private crm: Crm) {}

	/** Live channels in subscription order; expired ones are dropped the moment anyone looks. */
	live(): Channel[] {
		const now = this.crm.now();
		for (const [id, c] of this.channels) if (c.expiresAt <= now) this.channels.delete(id);
		return [...this.channels.values()];
	}

	clear(): void {
		this.channels.clear();
	}

	register(router: Router): void {
		const path = '/crm/v8/actions/watch';
		router.add('crm', 'GET', path, (req) => this.list(req));
		router.add('crm', 'POST', path, (req) => this.write(req, 'post'));
		router.add('crm', 'PUT', path, (req) => this.write(req, 'put'));
		router.add('crm', 'PATCH', path, (req) => this.write(req, 'patch'));
		router.add('crm', 'DELETE', path, (req) => this.remove(req));
	}

	private list(req: SimRequest): SimResponse {
		const paging = pageParams(req);
		if ('status' in paging) return paging;
		const channelId = req.query.get('channel_id');
		const module = req.query.get('module');
		const entries = this.live()
			.filter((c) => !channelId || c.channelId === channelId)
			.flatMap((c) => describeChannel(this.crm, c))
			.filter((e) => !module || e.resource_name === module);
		const slice = entries.slice(paging.offset, paging.offset + paging.perPage);
		if (slice.length === 0) return json(204);
		return json(200, { watch: slice, info: pageInfo(paging, slice.length, entries.length) });
	}

	private write(req: SimRequest, mode: 'post' | 'put' | 'patch'): SimResponse {
		const body = req.body;
		// crm-oas v8.0/common.json MandatoryError / InvalidTypeError: details carry api_name and json_path.
		if (!isObject(body) || body.watch === undefined) return crmError(400, 'MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'watch', json_path: '$.watch' });
		if (!Array.isArray(body.watch) || body.watch.length === 0) {
			return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: 'watch', json_path: '$.watch', expected_data_type: 'jsonarray' });
		}
		if (body.watch.length > MAX_WATCH_ITEMS) return crmError(400, 'LIMIT_EXCEEDED', `at most ${MAX_WATCH_ITEMS} watch objects per request`, { limit: MAX_WATCH_ITEMS });
		const live = new Map(this.live().map((c) => [c.channelId, c]));
		const items = body.watch.map((raw, i): ResultItem => {
			const id = isObject(raw) && raw.channel_id !== undefined ? String(raw.channel_id) : undefined;
			const base = id ? live.get(id) : undefined;
			if (mode !== 'post' && id && !base) return errorItem('NOT_SUBSCRIBED', 'the channel is not subscribed', { api_name: 'channel_id', json_path: `$.watch[${i}].channel_id` });
			const result = parseChannel(this.crm, raw, i, mode, base);
			if (!result.ok) return result.item;
			const parsed = result.channel;
			if (parsed.events.length === 0) {
				this.channels.delete(parsed.channelId);
				return { code: 'SUCCESS', details: { events: resourceEvents(this.crm, { ...parsed, events: base?.events ?? [], conditions: base?.conditions ?? [] }, false) }, message: MESSAGES.delete, status: 'success' };
			}
			// Subscribing an existing channel id again replaces that channel.
			this.channels.set(parsed.channelId, parsed);
			return { code: 'SUCCESS', details: { events: resourceEvents(this.crm, parsed) }, message: MESSAGES[mode], status: 'success' };
		});
		return json(multiStatus(items, mode === 'post' ? 201 : 200), { watch: items });
	}

	private remove(req: SimRequest): SimResponse {
		const ids = (req.query.get('channel_ids') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
		if (ids.length === 0) return missingParam('channel_ids');
		const live = new Map(this.live().map((c) => [c.channelId, c]));
		const items = ids.map((id): ResultItem => {
			const c = live.get(id);
			if (!c) return errorItem('NOT_SUBSCRIBED', 'the channel is not subscribed', { channel_id: id });
			this.channels.delete(id);
			return { code: 'SUCCESS', details: { events: resourceEvents(this.crm, c, false) }, message: MESSAGES.delete, status: 'success' };
		});
		return json(multiStatus(items, 200), { watch: items });
	}

	/** Send the callbacks of one write batch: one per channel and (module, operation). */
	publish(changes: Change[]): void {
		if (changes.length === 0) return;
		const channels = this.live();
		const groups = new Map<string, Change[]>();
		for (const ch of changes) {
			const key = `${ch.module}|${ch.op}`;
			groups.set(key, [...(groups.get(key) ?? []), ch]);
		}
		for (const channel of channels) {
			for (const [key, group] of groups) {
				const [module, op] = key.split('|') as [ModuleName, Operation];
				const payload = this.payload(channel, module, op, group);
				if (payload) this.crm.deliver(channel.notifyUrl, payload);
			}
		}
	}

	private payload(channel: Channel, module: ModuleName, op: Operation, group: Change[]): Record<string, unknown> | undefined {
		const wanted = channel.events.some((e) => eventModule(e) === module && (e.endsWith('.all') || e.endsWith(`.${EVENT_OF[op]}`)));
		if (!wanted || !channelModules(channel).includes(module)) return undefined;
		const condition = channel.conditions.find((c) => c.module === module);
		// Field conditions filter edits only; a related action (a Note) changes no field of the record.
		const direct = merge(group.filter((c) => !c.related)).filter(
			(c) => op !== 'update' || !condition || selectionMatches(condition.selection, new Set(c.fields)),
		);
		const related = channel.notifyOnRelated ? group.filter((c) => c.related && !direct.some((d) => d.id === c.id)) : [];
		const ids = [...new Set([...direct, ...related].map((c) => c.id))];
		if (ids.length === 0) return undefined;
		const payload: Record<string, unknown> = {
			server_time: this.crm.now(),
			query_params: Object.fromEntries(new URL(channel.notifyUrl).searchParams),
			module,
			resource_uri: `${this.crm.baseUrl()}/crm/v8/${module}`,
			ids,
			affected_fields: op === 'update' ? direct.map((c) => ({ [c.id]: c.fields })) : [],
			operation: op,
			channel_id: channel.channelId,
			token: channel.token,
		};
		if (channel.returnValues) payload.affected_values = op === 'update' ? direct.map((c) => ({ record_id: c.id, values: c.values ?? {} })) : [];
		return payload;
	}
}

/** Two edits of one record in one request notify once, with the union of their fields. */
function merge(changes: Change[]): Change[] {
	const byId = new Map<string, Change>();
	for (const c of changes) {
		const prev = byId.get(c.id);
		byId.set(c.id, prev ? { ...c, fields: [...new Set([...prev.fields, ...c.fields])], values: { ...prev.values, ...c.values } } : c);
	}
	return [...byId.values()];
}
