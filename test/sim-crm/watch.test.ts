/**
 * Notifications API: channel subscribe/list/renew/patch/delete, expiry clamp and lapse, and real
 * callbacks to a local server (payload keys, token, event filter, field-selection suppression,
 * related-action notes, UI edits, duplicate and reordered delivery).
 */
import { FIELDS, TASKS, USERS } from '../zoho-sim/seed-data';
import { bodyOf, CallbackSink, type Client, detailsOf, type Rec, startSim } from './helpers';

const HOUR = 3600_000;
const watchOf = (body: unknown): Rec[] => (body as { watch: Rec[] }).watch;

describe('CRM actions/watch: channels', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});
	const at = (ms: number) => new Date(Date.parse('2026-11-20T00:00:00Z') + ms).toISOString().replace('.000Z', '+00:00');

	it('subscribes (201) and answers with the resource events', async () => {
		const r = await c.post('/crm/v8/actions/watch', {
			watch: [{ channel_id: 1000000068001, events: ['Tasks.all'], channel_expiry: at(2 * 24 * HOUR), token: 'tok', notify_url: 'https://example.invalid/hook' }],
		});
		expect(r.status).toBe(201);
		expect(watchOf(r.body)).toEqual([
			{
				code: 'SUCCESS',
				details: {
					events: [
						{ channel_expiry: at(2 * 24 * HOUR), resource_uri: `${c.sim.url}/crm/v8/Tasks`, resource_id: expect.any(String), resource_name: 'Tasks', channel_id: '1000000068001', notification_condition: [] },
					],
				},
				message: 'Successfully subscribed for actions-watch of the given module',
				status: 'success',
			},
		]);
		const list = await c.get('/crm/v8/actions/watch');
		expect(watchOf(list.body)[0]).toMatchObject({ channel_id: '1000000068001', events: ['Tasks.all'], token: 'tok', notify_on_related_action: true, return_affected_field_values: false });
	});

	it('clamps an omitted or more-than-a-week expiry to one hour, and the channel lapses then', async () => {
		const r = await c.post('/crm/v8/actions/watch', {
			watch: [
				{ channel_id: '1', events: ['Tasks.edit'], notify_url: 'https://example.invalid/a' },
				{ channel_id: '2', events: ['Tasks.edit'], notify_url: 'https://example.invalid/b', channel_expiry: at(8 * 24 * HOUR) },
				{ channel_id: '3', events: ['Tasks.edit'], notify_url: 'https://example.invalid/c', channel_expiry: at(7 * 24 * HOUR) },
			],
		});
		const expiries = watchOf(r.body).map((w) => ((detailsOf(w).events as Rec[])[0] as Rec).channel_expiry);
		expect(expiries).toEqual([at(HOUR), at(HOUR), at(7 * 24 * HOUR)]);
		c.sim.clock.advance(HOUR);
		c.renewToken();
		const after = await c.get('/crm/v8/actions/watch');
		expect(watchOf(after.body).map((w) => w.channel_id)).toEqual(['3']);
		expect((await c.get('/crm/v8/actions/watch?channel_id=1')).status).toBe(204);
	});

	it('with a shorter maximum lifetime configured, treats a longer expiry as too far (one hour)', async () => {
		c.sim.crm.options.maxChannelLifetimeMs = 24 * HOUR;
		const r = await c.post('/crm/v8/actions/watch', {
			watch: [
				{ channel_id: '4', events: ['Tasks.edit'], notify_url: 'https://example.invalid/d', channel_expiry: at(2 * 24 * HOUR) },
				{ channel_id: '5', events: ['Tasks.edit'], notify_url: 'https://example.invalid/e', channel_expiry: at(20 * HOUR) },
			],
		});
		expect(watchOf(r.body).map((w) => ((detailsOf(w).events as Rec[])[0] as Rec).channel_expiry)).toEqual([at(HOUR), at(20 * HOUR)]);
	});

	it('refuses missing mandatory keys, a long token, unsupported modules; 207 when mixed', async () => {
		const r = await c.post('/crm/v8/actions/watch', {
			watch: [
				{ events: ['Tasks.all'], notify_url: 'https://example.invalid/a' },
				{ channel_id: '5', notify_url: 'https://example.invalid/a' },
				{ channel_id: '6', events: ['Tasks.all'] },
				{ channel_id: '7', events: ['Tasks.all'], notify_url: 'https://example.invalid/a', token: 't'.repeat(51) },
				{ channel_id: '8', events: ['Notes.all'], notify_url: 'https://example.invalid/a' },
				{ channel_id: '9', events: ['Tasks.all'], notify_url: 'https://example.invalid/a', token: 't'.repeat(50) },
				{ channel_id: '10', events: ['Tasks.all'], notify_url: 'https://example.invalid/a', channel_expiry: at(-1000) },
			],
		});
		expect(r.status).toBe(207);
		const items = watchOf(r.body);
		expect(items.map((i) => i.code)).toEqual(['MANDATORY_NOT_FOUND', 'MANDATORY_NOT_FOUND', 'MANDATORY_NOT_FOUND', 'INVALID_DATA', 'INVALID_DATA', 'SUCCESS', 'INVALID_DATA']);
		expect(items.slice(0, 3).map((i) => detailsOf(i).api_name)).toEqual(['channel_id', 'events', 'notify_url']);
		expect(detailsOf(items[3])).toMatchObject({ api_name: 'token', maximum_length: 50 });
		const single = await c.post('/crm/v8/actions/watch', { watch: [{ channel_id: '11', events: ['Tasks.all'] }] });
		expect(single.status).toBe(400);
		expect(watchOf(single.body)[0]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', status: 'error', message: 'required field not found' });
		expect(bodyOf(await c.post('/crm/v8/actions/watch', {})).code).toBe('MANDATORY_NOT_FOUND');
	});

	it('validates notification conditions', async () => {
		const watch = (cond: unknown) => ({ watch: [{ channel_id: '1', events: ['Tasks.edit'], notify_url: 'https://example.invalid/a', notification_condition: [cond] }] });
		const field = (api_name: string) => ({ field: { api_name } });
		const ok = await c.post('/crm/v8/actions/watch', watch({ type: 'field_selection', module: { api_name: 'Tasks' }, field_selection: { group_operator: 'or', group: [field('Status')] } }));
		expect(ok.status).toBe(201);
		// The answer's event repeats the condition as the listing shows it (module with its id).
		expect((detailsOf(watchOf(ok.body)[0]).events as Rec[])[0].notification_condition).toEqual([
			{ type: 'field_selection', module: { api_name: 'Tasks', id: expect.any(String) }, field_selection: { group_operator: 'or', group: [field('Status')] } },
		]);
		expect(watchOf((await c.get('/crm/v8/actions/watch')).body)[0].notification_condition).toEqual((detailsOf(watchOf(ok.body)[0]).events as Rec[])[0].notification_condition);
		const codes = async (cond: unknown) => watchOf((await c.post('/crm/v8/actions/watch', watch(cond))).body)[0];
		expect(await codes({ module: { api_name: 'Tasks' }, field_selection: { group: [field('Status')] } })).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'type' } });
		expect(await codes({ type: 'field_selection', field_selection: { group: [field('Status')] } })).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'module' } });
		expect(await codes({ type: 'field_selection', module: { api_name: 'Tasks' }, field_selection: { group: [field('Nope')] } })).toMatchObject({ code: 'INVALID_DATA' });
		expect(await codes({ type: 'field_selection', module: { api_name: 'Deals' }, field_selection: { group: [field('Stage')] } })).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'module' } });
		const eleven = Array.from({ length: 11 }, () => field('Status'));
		expect(await codes({ type: 'field_selection', module: { api_name: 'Tasks' }, field_selection: { group_operator: 'or', group: eleven } })).toMatchObject({ code: 'INVALID_DATA', details: { limit: 10 } });
	});

	it('renews with PUT, merges and drops events with PATCH, unsubscribes with DELETE', async () => {
		await c.post('/crm/v8/actions/watch', { watch: [{ channel_id: '42', events: ['Tasks.create'], notify_url: 'https://example.invalid/a', token: 'keep' }] });
		c.sim.clock.advance(50 * 60_000);
		const put = await c.put('/crm/v8/actions/watch', {
			watch: [{ channel_id: '42', events: ['Tasks.create', 'Tasks.edit'], notify_url: 'https://example.invalid/a', channel_expiry: at(24 * HOUR), token: 'keep' }],
		});
		expect(put.status).toBe(200);
		expect(watchOf(put.body)[0]).toMatchObject({ code: 'SUCCESS', message: 'Successfully updated the subscribe details' });
		c.sim.clock.advance(HOUR);
		c.renewToken();
		const listed = watchOf((await c.get('/crm/v8/actions/watch?channel_id=42')).body)[0];
		expect(listed).toMatchObject({ events: ['Tasks.create', 'Tasks.edit'], channel_expiry: at(24 * HOUR), token: 'keep' });

		expect((await c.patch('/crm/v8/actions/watch', { watch: [{ channel_id: '42', events: ['Tasks.delete'] }] })).status).toBe(200);
		expect(watchOf((await c.get('/crm/v8/actions/watch')).body)[0].events).toEqual(['Tasks.create', 'Tasks.edit', 'Tasks.delete']);
		await c.patch('/crm/v8/actions/watch', { watch: [{ channel_id: '42', events: ['Tasks.create'], _delete_events: true }] });
		expect(watchOf((await c.get('/crm/v8/actions/watch')).body)[0]).toMatchObject({ events: ['Tasks.edit', 'Tasks.delete'], token: 'keep', channel_expiry: at(24 * HOUR) });

		const unknown = await c.put('/crm/v8/actions/watch', { watch: [{ channel_id: '99', events: ['Tasks.all'], notify_url: 'https://example.invalid/a' }] });
		expect(unknown.status).toBe(400);
		expect(watchOf(unknown.body)[0].code).toBe('NOT_SUBSCRIBED');

		const del = await c.del('/crm/v8/actions/watch?channel_ids=42,99');
		expect(del.status).toBe(207);
		expect(watchOf(del.body).map((w) => w.code)).toEqual(['SUCCESS', 'NOT_SUBSCRIBED']);
		expect(watchOf(del.body)[0].message).toBe('Successfully un-subscribed from actions-watch');
		// A channel that is gone has no expiry any more.
		expect(detailsOf(watchOf(del.body)[0]).events).toEqual([
			{ channel_expiry: null, resource_uri: `${c.sim.url}/crm/v8/Tasks`, resource_id: expect.any(String), resource_name: 'Tasks', channel_id: '42', notification_condition: [] },
		]);
		expect((await c.get('/crm/v8/actions/watch')).status).toBe(204);
		expect(bodyOf(await c.del('/crm/v8/actions/watch')).code).toBe('REQUIRED_PARAM_MISSING');
	});
});

describe('CRM actions/watch: callbacks', () => {
	let c: Client;
	let sink: CallbackSink;
	beforeEach(async () => {
		c = await startSim();
		sink = new CallbackSink();
		await sink.start();
	});
	afterEach(async () => {
		await c.sim.stop();
		await sink.stop();
	});

	const subscribe = async (channel: Rec) => {
		const r = await c.post('/crm/v8/actions/watch', { watch: [{ channel_id: '7001', events: ['Tasks.all'], notify_url: `${sink.url}/zoho/crm?key1=val1`, token: 'secret-token', ...channel }] });
		expect(r.status).toBe(201);
	};
	const SELECTED = ['Subject', 'Status', 'Due_Date', 'Priority', 'Description', 'Owner'];
	const fieldCondition = (operator = 'or', fields = SELECTED) => [
		{ type: 'field_selection', module: { api_name: 'Tasks' }, field_selection: { group_operator: operator, group: fields.map((api_name) => ({ field: { api_name } })) } },
	];

	it('sends insert, update and delete callbacks with the documented keys', async () => {
		await subscribe({ return_affected_field_values: true });
		c.sim.clock.advance(1000);
		const created = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'A' }, { Subject: 'B' }] });
		const ids = (created.body as { data: Rec[] }).data.map((i) => String(detailsOf(i).id));
		await c.sim.flush();
		expect(sink.received).toHaveLength(1);
		const insert = sink.received[0];
		expect(insert.path).toBe('/zoho/crm?key1=val1');
		expect(Object.keys(insert.body).sort()).toEqual(
			['affected_fields', 'affected_values', 'channel_id', 'ids', 'module', 'operation', 'query_params', 'resource_uri', 'server_time', 'token'].sort(),
		);
		expect(insert.body).toEqual({
			server_time: Date.parse('2026-11-20T00:00:01Z'),
			query_params: { key1: 'val1' },
			module: 'Tasks',
			resource_uri: `${c.sim.url}/crm/v8/Tasks`,
			ids,
			affected_fields: [],
			affected_values: [],
			operation: 'insert',
			channel_id: '7001',
			token: 'secret-token',
		});

		sink.reset();
		await c.put('/crm/v8/Tasks', { data: [{ id: ids[0], Status: 'Completed' }] });
		await c.sim.flush();
		expect(sink.bodies()).toEqual([
			expect.objectContaining({
				operation: 'update',
				ids: [ids[0]],
				affected_fields: [{ [ids[0]]: expect.arrayContaining(['Status', 'Closed_Time']) }],
				affected_values: [{ record_id: ids[0], values: expect.objectContaining({ Status: 'Completed' }) }],
			}),
		]);

		sink.reset();
		await c.del(`/crm/v8/Tasks?ids=${ids.join(',')}`);
		await c.sim.flush();
		expect(sink.bodies()).toEqual([expect.objectContaining({ operation: 'delete', ids, affected_fields: [] })]);
	});

	it('honours the event filter', async () => {
		await subscribe({ events: ['Tasks.create'] });
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Status: 'Deferred' }] });
		await c.del(`/crm/v8/Tasks/${TASKS.kickoff.crmId}`);
		await c.post('/crm/v8/Tasks', { data: [{ Subject: 'only this' }] });
		await c.sim.flush();
		expect(sink.bodies().map((b) => b.operation)).toEqual(['insert']);
	});

	it('field selection: a sync-state-only write does not notify, a status change does', async () => {
		await subscribe({ notification_condition: fieldCondition(), notify_on_related_action: false });
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ [FIELDS.syncState]: '{"base":{"Status":"In Progress"}}' }] });
		await c.sim.flush();
		expect(sink.received).toHaveLength(0);
		await c.put('/crm/v8/Tasks', {
			data: [
				{ id: TASKS.plan.crmId, Status: 'Deferred', [FIELDS.syncState]: '{}' },
				{ id: TASKS.design.crmId, [FIELDS.syncState]: '{}' },
			],
		});
		await c.sim.flush();
		expect(sink.bodies()).toEqual([expect.objectContaining({ operation: 'update', ids: [TASKS.plan.crmId] })]);
		expect(sink.bodies()[0].affected_fields).toEqual([{ [TASKS.plan.crmId]: expect.arrayContaining(['Status', FIELDS.syncState]) }]);
	});

	it('field selection with "and" needs every selected field to change', async () => {
		await subscribe({ notification_condition: fieldCondition('and', ['Status', 'Priority']) });
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Status: 'Deferred' }] });
		await c.sim.flush();
		expect(sink.received).toHaveLength(0);
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Status: 'In Progress', Priority: 'Low' }] });
		await c.sim.flush();
		expect(sink.received).toHaveLength(1);
	});

	it('a note on a task is a related action: update callback unless notify_on_related_action is false', async () => {
		await subscribe({ notification_condition: fieldCondition() });
		await c.post('/crm/v8/actions/watch', { watch: [{ channel_id: '7002', events: ['Tasks.all'], notify_url: `${sink.url}/quiet`, notify_on_related_action: false }] });
		await c.post(`/crm/v8/Tasks/${TASKS.plan.crmId}/Notes`, { data: [{ Note_Content: 'hello' }] });
		await c.sim.flush();
		expect(sink.received.map((r) => r.path)).toEqual(['/zoho/crm?key1=val1']);
		expect(sink.bodies()[0]).toMatchObject({ operation: 'update', ids: [TASKS.plan.crmId], module: 'Tasks', affected_fields: [] });
	});

	it('an edit in the CRM UI notifies like an API write and records the user', async () => {
		await subscribe({});
		c.sim.clock.advance(5000);
		const rec = c.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Status: 'In Progress' }, USERS.emily.crmId);
		expect(rec).toMatchObject({ Modified_By: { id: USERS.emily.crmId }, Modified_Time: '2026-11-20T00:00:05+00:00' });
		const viaHttp = await fetch(`${c.sim.url}/_sim/crm/Tasks/${TASKS.design.crmId}`, {
			method: 'PATCH',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ userId: USERS.ichiro.crmId, changes: { Priority: 'Low' } }),
		});
		expect(viaHttp.status).toBe(200);
		c.sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'UI note', USERS.emily.crmId);
		expect(() => c.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Status: 'Nope' })).toThrow(/INVALID_DATA/);
		await c.sim.flush();
		expect(sink.bodies().map((b) => [b.operation, b.affected_fields])).toEqual([
			['update', [{ [TASKS.design.crmId]: ['Status'] }]],
			['update', [{ [TASKS.design.crmId]: ['Priority'] }]],
			['update', []],
		]);
		// UI writes are not API calls: the log holds only the subscribe call.
		expect(c.sim.log.count({ product: 'crm' })).toBe(1);
	});

	it('an expired channel never fires', async () => {
		await subscribe({});
		c.sim.clock.advance(HOUR + 1);
		c.renewToken();
		const r = await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Status: 'Deferred' }] });
		expect(r.status).toBe(200);
		await c.sim.flush();
		expect(sink.received).toHaveLength(0);
	});

	it('duplicates and reorders deliveries when told to', async () => {
		await subscribe({});
		c.sim.delivery = { duplicate: 2, reorder: true };
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Status: 'Deferred' }] });
		await c.put(`/crm/v8/Tasks/${TASKS.design.crmId}`, { data: [{ Status: 'Deferred' }] });
		expect(sink.received).toHaveLength(0);
		await c.sim.flush();
		const order = sink.bodies().map((b) => (b.ids as string[])[0]);
		expect(order).toHaveLength(4);
		expect(order.filter((id) => id === TASKS.plan.crmId)).toHaveLength(2);
		// Held callbacks are released newest first.
		expect(order[0]).toBe(TASKS.design.crmId);
		expect(order[order.length - 1]).toBe(TASKS.plan.crmId);
	});
});
