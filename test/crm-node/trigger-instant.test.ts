/**
 * Instant mode of the Zoho CRM Tasks Trigger: the Notifications API channel is subscribed on
 * activation, checked by token and channel id on every callback, kept alive while the workflow is
 * active (renewed on callbacks and by the heartbeat, re-subscribed when Zoho lost it), and deleted
 * on deactivation. Callbacks are real HTTP posts from the simulator to the harness's receiver.
 */
import type { IDataObject } from 'n8n-workflow';

import { Harness } from '../harness/engine';
import { simCredential, startSim } from '../harness/sim';
import { FIELDS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { DAY, HOUR, sharedClock, testListen, triggerWorkflow, WEBHOOK_ID } from './trigger-helpers';

const SYNCED = ['Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner'];

describe('Zoho CRM Tasks Trigger: instant mode', () => {
	let sim: ZohoSim;
	let harness: Harness;
	let base: string;
	let clock: ReturnType<typeof sharedClock>;

	beforeEach(async () => {
		sim = await startSim();
		clock = sharedClock(sim);
		harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
		base = await harness.listen();
	});
	afterEach(async () => {
		await harness.close();
		await sim.stop();
		clock.stop();
	});

	const spec = (parameters: IDataObject = {}) => triggerWorkflow({ mode: 'instant', ...parameters });
	const channels = () => sim.crm.watch.live();
	const state = () => harness.nodeStaticData('Trigger');
	/** Deliver what the simulator queued and wait for the executions it started. */
	const settle = async () => {
		await sim.flush();
		await harness.settle();
	};
	const runs = () => harness.webhookRuns.map((r) => r.output('After').map((i) => i.json));
	const post = async (body: unknown) =>
		await fetch(`${base}/${WEBHOOK_ID}/webhook`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

	it('subscribes a channel for the chosen events, with a random token and the synced-field condition', async () => {
		await harness.activate(spec(), 'Trigger');
		expect(channels()).toHaveLength(1);
		const [channel] = channels();
		expect(channel.events.sort()).toEqual(['Tasks.create', 'Tasks.delete', 'Tasks.edit']);
		expect(channel.notifyUrl).toBe(`${base}/${WEBHOOK_ID}/webhook`);
		expect(channel.token).toBe(state().token);
		expect(String(channel.token).length).toBeGreaterThanOrEqual(30);
		expect(String(channel.token).length).toBeLessThanOrEqual(50);
		expect(channel.channelId).toBe(state().channelId);
		expect(channel.notifyOnRelated).toBe(false);
		expect(channel.returnValues).toBe(true);
		const watched = channel.conditions[0].selection.group.map((g) => ('field' in g ? g.field.api_name : ''));
		expect(watched.sort()).toEqual([...SYNCED].sort());
		// Asked for a week less an hour: never more than Zoho's week, so never silently cut to 1 hour.
		const lifetime = channel.expiresAt - sim.clock.now();
		expect(lifetime).toBeGreaterThan(6 * DAY + 22 * HOUR);
		expect(lifetime).toBeLessThanOrEqual(7 * DAY);
		expect(await harness.hook(spec(), 'Trigger', 'checkExists')).toBe(true);

		// The channel id follows from the node's webhook id, so every activation (and every copy of
		// the static data) names the same channel; each activation gets a new token.
		const first = { ...state() };
		expect(first.channelId).toMatch(/^1\d{17}$/);
		await harness.hook(spec(), 'Trigger', 'create');
		expect(channels()).toHaveLength(1);
		expect(channels()[0].channelId).toBe(first.channelId);
		expect(channels()[0].token).not.toBe(first.token);
		expect(channels()[0].token).toBe(state().token);
	});

	it('runs the workflow per callback with operation, module, id, affected fields and values; sync-state writes stay silent', async () => {
		await harness.activate(spec(), 'Trigger');
		sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Status: 'In Progress', Due_Date: '2026-12-01' });
		await settle();
		expect(runs()).toEqual([
			[
				expect.objectContaining({
					operation: 'update',
					module: 'Tasks',
					id: TASKS.design.crmId,
					affectedFields: expect.arrayContaining(['Status', 'Due_Date']),
					affectedValues: expect.objectContaining({ Status: 'In Progress', Due_Date: '2026-12-01' }),
					channelId: state().channelId,
				}),
			],
		]);

		// Only the sync state changes: the field condition keeps Zoho quiet.
		const delivered = sim.deliveries.length;
		sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [FIELDS.syncState]: '{"v":1}' });
		await settle();
		expect(sim.deliveries.length).toBe(delivered);
		expect(harness.webhookRuns).toHaveLength(1);

		const created = sim.crm.createAsUser('Tasks', { Subject: 'New in CRM' });
		sim.crm.deleteAsUser('Tasks', String(created.id));
		await settle();
		expect(runs().slice(1)).toEqual([
			[expect.objectContaining({ operation: 'insert', id: created.id, affectedFields: [] })],
			[expect.objectContaining({ operation: 'delete', id: created.id })],
		]);
	});

	it('fetches the current record when asked', async () => {
		await harness.activate(spec({ options: { fetchRecord: true, fields: ['Subject', 'Status'] } }), 'Trigger');
		sim.crm.editAsUser('Tasks', TASKS.kickoff.crmId, { Subject: 'キックオフ会議の準備（更新）' });
		await settle();
		expect(runs()[0][0].record).toEqual({ id: TASKS.kickoff.crmId, Subject: 'キックオフ会議の準備（更新）', Status: TASKS.kickoff.crmStatus });
	});

	it('answers 401 and starts nothing for a wrong token, a wrong channel id, or no token', async () => {
		await harness.activate(spec(), 'Trigger');
		const { channelId, token } = state() as { channelId: string; token: string };
		const body = { module: 'Tasks', ids: [TASKS.plan.crmId], operation: 'update', affected_fields: [], server_time: sim.clock.now() };
		expect((await post({ ...body, channel_id: channelId, token: `${token.slice(0, -1)}x` })).status).toBe(401);
		expect((await post({ ...body, channel_id: '1000000000000000001', token })).status).toBe(401);
		expect((await post({ ...body, channel_id: channelId })).status).toBe(401);
		await harness.settle();
		expect(harness.webhookRuns).toHaveLength(0);
		// The genuine article is accepted.
		expect((await post({ ...body, channel_id: channelId, token })).status).toBe(200);
		await harness.settle();
		expect(harness.webhookRuns).toHaveLength(1);
	});

	it('keeps the channel alive for four quiet weeks through the heartbeat, asking Zoho rarely', async () => {
		await harness.activate(spec(), 'Trigger');
		const channelId = state().channelId;
		sim.log.clear();
		// The heartbeat runs every hour (Poll Times); nothing changes in CRM for four weeks.
		for (let hour = 1; hour <= 28 * 24; hour++) {
			clock.advance(HOUR);
			expect(await harness.poll(spec(), 'Trigger')).toBeNull();
			expect(channels().map((c) => c.channelId)).toEqual([channelId]);
		}
		const watchCalls = sim.log.filter({ path: '/crm/v8/actions/watch', status: 200 });
		const renewals = watchCalls.filter((e) => e.method === 'PATCH').length;
		// Checked every 12 hours (56 looks in 4 weeks), renewed when under two days were left: every ~5 days.
		expect(watchCalls.filter((e) => e.method === 'GET').length).toBe(56);
		expect(renewals).toBeGreaterThanOrEqual(5);
		expect(renewals).toBeLessThanOrEqual(6);
		expect(sim.log.filter({ product: 'crm', method: 'POST' })).toHaveLength(0); // never re-subscribed
		// Still delivering after four weeks.
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Priority: 'Low' });
		await settle();
		expect(runs()).toEqual([[expect.objectContaining({ id: TASKS.plan.crmId, operation: 'update' })]]);
	});

	it('works when the poller keeps its own static data from an earlier activation (as n8n 2.x does)', async () => {
		// Static data is an observed object: copies go through JSON.
		const copyOf = (data: IDataObject) => JSON.parse(JSON.stringify(data)) as IDataObject;
		await harness.activate(spec(), 'Trigger');
		// n8n 2.x seeds the poller's store once, then keeps it apart from the webhook's static data.
		let poller = copyOf(state());
		await harness.hook(spec(), 'Trigger', 'create'); // a later activation: same channel id, new token
		const webhook = copyOf(state());
		expect(webhook.channelId).toBe(poller.channelId);
		expect(webhook.token).not.toBe(poller.token);
		const use = (copy: IDataObject) => {
			for (const key of Object.keys(state())) delete state()[key];
			Object.assign(state(), copyOf(copy));
		};
		const pollAsPoller = async () => {
			use(poller);
			expect(await harness.poll(spec(), 'Trigger')).toBeNull();
			poller = copyOf(state());
			use(webhook);
		};
		// Four quiet weeks of hourly heartbeats from the poller's copy keep the channel alive.
		for (let hour = 1; hour <= 28 * 24; hour++) {
			clock.advance(HOUR);
			await pollAsPoller();
			expect(channels().map((c) => c.channelId)).toEqual([webhook.channelId]);
		}
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Priority: 'Low' });
		await settle();
		expect(harness.webhookRuns).toHaveLength(1);

		// Zoho loses the channel; the poller re-subscribes it with the token of its own (older) copy.
		sim.crm.watch.clear();
		clock.advance(13 * HOUR);
		await pollAsPoller();
		expect(channels().map((c) => [c.channelId, c.token])).toEqual([[webhook.channelId, poller.token]]);
		// The webhook did not know that token: Zoho confirms it, and the callback runs the workflow.
		sim.log.clear();
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Priority: 'High' });
		await settle();
		expect(harness.webhookRuns).toHaveLength(2);
		expect(sim.log.filter({ method: 'GET', path: '/crm/v8/actions/watch' })).toHaveLength(1);
		expect(state().token).toBe(poller.token);
		// A made-up token for the same channel is still refused.
		const forged = await post({ channel_id: webhook.channelId, token: 'x'.repeat(32), ids: [TASKS.plan.crmId], operation: 'update', module: 'Tasks' });
		expect(forged.status).toBe(401);
	});

	it('renews on a callback when less than two days are left', async () => {
		await harness.activate(spec(), 'Trigger');
		clock.advance(5 * DAY + 12 * HOUR);
		sim.log.clear();
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Status: 'Deferred' });
		await settle();
		expect(harness.webhookRuns).toHaveLength(1);
		expect(sim.log.filter({ method: 'PATCH', path: '/crm/v8/actions/watch', status: 200 })).toHaveLength(1);
		expect(channels()[0].expiresAt - sim.clock.now()).toBeGreaterThan(6 * DAY);
		expect(state().expiresAt).toBe(channels()[0].expiresAt);
	});

	it('re-subscribes with the same id and token when Zoho lost the channel', async () => {
		await harness.activate(spec(), 'Trigger');
		const { channelId, token } = state();
		sim.crm.watch.clear();
		clock.advance(13 * HOUR);
		expect(await harness.poll(spec(), 'Trigger')).toBeNull();
		expect(channels().map((c) => [c.channelId, c.token])).toEqual([[channelId, token]]);
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Status: 'Completed' });
		await settle();
		expect(harness.webhookRuns).toHaveLength(1);
	});

	it('reports a nearly expired or missing channel as absent, so n8n re-creates it on activation', async () => {
		await harness.activate(spec(), 'Trigger');
		clock.advance(5 * DAY + 1 * HOUR);
		expect(await harness.hook(spec(), 'Trigger', 'checkExists')).toBe(false);
		const old = state().token;
		await harness.activate(spec(), 'Trigger');
		expect(channels()).toHaveLength(1);
		expect(channels()[0].token).not.toBe(old);
		expect(channels()[0].expiresAt - sim.clock.now()).toBeGreaterThan(6 * DAY);
		// Activation with other events: the channel no longer matches.
		expect(await harness.hook(spec({ events: ['create'] }), 'Trigger', 'checkExists')).toBe(false);
	});

	it('deletes the channel on deactivation; a channel Zoho already dropped is fine', async () => {
		await harness.activate(spec(), 'Trigger');
		const mark = sim.log.entries.length;
		await harness.deactivate(spec(), 'Trigger');
		expect(channels()).toHaveLength(0);
		const deletes = sim.log.entries.slice(mark).filter((e) => e.method === 'DELETE' && e.path === '/crm/v8/actions/watch');
		expect(deletes.map((e) => e.status)).toEqual([200]);
		expect(state().channelId).toBeUndefined();
		expect(await harness.hook(spec(), 'Trigger', 'checkExists')).toBe(false);

		await harness.activate(spec(), 'Trigger');
		clock.advance(8 * DAY); // expired in Zoho
		await harness.deactivate(spec(), 'Trigger');
		expect(state().channelId).toBeUndefined();
	});

	it('with the Note event, asks for related actions and also polls notes on the heartbeat', async () => {
		const withNotes = spec({ events: ['edit', 'notes'] });
		await harness.activate(withNotes, 'Trigger');
		expect(channels()[0]).toMatchObject({ notifyOnRelated: true, events: ['Tasks.edit'] });
		expect(await harness.poll(withNotes, 'Trigger')).toBeNull(); // places the notes cursor
		clock.advance(60_000);
		const note = sim.crm.addNoteAsUser('Tasks', TASKS.plan.crmId, 'Row counts attached.');
		sim.crm.addNoteAsUser('Accounts', '4876876000000021001', 'Not a task note');
		await settle();
		// The related action reaches the workflow instantly as an update of the task...
		expect(runs()).toEqual([[expect.objectContaining({ operation: 'update', id: TASKS.plan.crmId, affectedFields: [] })]]);
		// ...and polling delivers the note itself, once.
		const polled = await harness.poll(withNotes, 'Trigger');
		expect(polled?.[0].map((i) => i.json)).toEqual([
			expect.objectContaining({ operation: 'insert', module: 'Notes', id: note.id, parentId: TASKS.plan.crmId }),
		]);
		expect(await harness.poll(withNotes, 'Trigger')).toBeNull();
	});

	it('"Listen for Test Event" subscribes its own channel to the test URL and leaves the live one alone', async () => {
		await harness.activate(spec(), 'Trigger');
		const live = { ...state() };
		expect(await testListen(harness, spec(), 'Trigger', 'checkExists')).toBe(false);
		await testListen(harness, spec(), 'Trigger', 'create');
		expect(channels().map((c) => c.notifyUrl)).toEqual([
			`${base}/${WEBHOOK_ID}/webhook`,
			`${base.replace(/webhook$/, 'webhook-test')}/${WEBHOOK_ID}/webhook`,
		]);
		expect(state()).toMatchObject({ channelId: live.channelId, token: live.token });
		// Both channels' callbacks are recognised.
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Status: 'Deferred' });
		await settle();
		expect(harness.webhookRuns).toHaveLength(2);
		await testListen(harness, spec(), 'Trigger', 'delete');
		expect(channels().map((c) => c.channelId)).toEqual([live.channelId]);
	});

	it('with only the Note event, a direct edit of the task starts nothing; the note\'s related action does', async () => {
		const notesOnly = spec({ events: ['notes'], watchFields: [] });
		await harness.activate(notesOnly, 'Trigger');
		sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Status: 'Deferred' });
		await settle();
		expect(harness.webhookRuns).toHaveLength(0);
		sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'A note');
		await settle();
		expect(runs()).toEqual([[expect.objectContaining({ id: TASKS.design.crmId, affectedFields: [] })]]);
	});
});
