/**
 * Polling mode of the Zoho CRM Tasks Trigger through n8n-core's PollContext: an If-Modified-Since
 * cursor in static data emits each created, updated or deleted task (and each note on a task)
 * exactly once; "Fetch Test Event" returns a sample and moves nothing.
 */
import type { IDataObject } from 'n8n-workflow';

import { Harness } from '../harness/engine';
import { simCredential, startSim } from '../harness/sim';
import { COMPANIES, FIELDS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { triggerWorkflow } from './trigger-helpers';

describe('Zoho CRM Tasks Trigger: polling mode', () => {
	let sim: ZohoSim;
	let harness: Harness;

	beforeEach(async () => {
		sim = await startSim();
		harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
	});
	afterEach(async () => await sim.stop());

	const spec = (parameters: IDataObject = {}) => triggerWorkflow({ mode: 'polling', events: ['create', 'edit', 'delete', 'notes'], ...parameters });
	const poll = async (parameters: IDataObject = {}, mode: 'trigger' | 'manual' = 'trigger') => {
		const out = await harness.poll(spec(parameters), 'Trigger', mode);
		return out ? out[0].map((i) => i.json) : null;
	};
	const tick = () => sim.clock.advance(1000);
	/** How Zoho writes an instant: the org's offset (UTC here), whole seconds. */
	const zohoTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

	it('registers no webhook: the webhook path resolves to nothing in polling mode', async () => {
		const workflow = harness.workflow(spec());
		const node = workflow.getNode('Trigger')!;
		const type = harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const path = workflow.expression.getSimpleParameterValue(node, type.description.webhooks![0].path, 'internal', {});
		expect(path).toBeUndefined();
		const instant = harness.workflow(triggerWorkflow({}));
		expect(instant.expression.getSimpleParameterValue(instant.getNode('Trigger')!, type.description.webhooks![0].path, 'internal', {})).toBe('webhook');
	});

	it('starts at the newest change, then emits each create, update and delete once', async () => {
		expect(await poll()).toBeNull(); // first poll: places the cursors, emits nothing old
		expect(await poll()).toBeNull();

		tick();
		const created = sim.crm.createAsUser('Tasks', { Subject: 'Polled task' });
		tick();
		sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Status: 'Deferred' });
		const changes = await poll();
		expect(changes).toEqual([
			expect.objectContaining({ operation: 'insert', module: 'Tasks', id: created.id, record: expect.objectContaining({ Subject: 'Polled task' }) }),
			expect.objectContaining({ operation: 'update', module: 'Tasks', id: TASKS.design.crmId, record: expect.objectContaining({ Status: 'Deferred' }) }),
		]);
		expect(await poll()).toBeNull();

		tick();
		sim.crm.deleteAsUser('Tasks', String(created.id));
		expect(await poll()).toEqual([expect.objectContaining({ operation: 'delete', module: 'Tasks', id: created.id, deletedTime: expect.any(String) })]);
		expect(await poll()).toBeNull();
	});

	it('asks Zoho only for changes since its cursor (If-Modified-Since), so a quiet poll reads nothing new', async () => {
		await poll();
		tick();
		sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Status: 'Deferred' });
		sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'Reviewed');
		expect(await poll()).toHaveLength(2);
		const state = harness.nodeStaticData('Trigger') as { tasksCursor: { at: number }; notesCursor: { at: number }; deletedCursor: { at: number } };
		const changedAt = Math.floor(sim.clock.now() / 1000) * 1000; // Zoho times have whole seconds
		expect([state.tasksCursor.at, state.notesCursor.at, state.deletedCursor.at]).toEqual([changedAt, changedAt, 0]);

		tick();
		sim.log.clear();
		expect(await poll()).toBeNull();
		const sent = (path: string) => sim.log.filter({ path }).map((e) => [e.ifModifiedSince, e.status]);
		// One second before the newest change seen: Zoho's "since" is strictly after, at one-second
		// resolution, so a later edit in that same second is still asked for.
		const asked = zohoTime(changedAt - 1000);
		expect(sent('/crm/v8/Tasks')).toEqual([[asked, 200]]);
		expect(sent('/crm/v8/Notes')).toEqual([[asked, 200]]);
		// Nothing was ever deleted: Zoho answers "not modified" and the poll reads no records at all.
		expect(sent('/crm/v8/Tasks/deleted')).toEqual([[zohoTime(0), 304]]);
	});

	it('catches a second edit within the same second as the cursor', async () => {
		await poll();
		tick();
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Priority: 'Low' });
		expect((await poll())?.map((c) => c.id)).toEqual([TASKS.plan.crmId]);
		// Same second (the clock does not move): a fresh edit is still seen, an unchanged record is not.
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Priority: 'Lowest' });
		expect(await poll()).toEqual([expect.objectContaining({ id: TASKS.plan.crmId, record: expect.objectContaining({ Priority: 'Lowest' }) })]);
		expect(await poll()).toBeNull();
	});

	it('emits notes on tasks once, and ignores notes on other records', async () => {
		await poll();
		tick();
		const note = sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'Mock-ups uploaded');
		sim.crm.addNoteAsUser('Accounts', COMPANIES.acme.accountId, 'Account note');
		const out = await poll({ events: ['notes'] });
		expect(out).toEqual([expect.objectContaining({ operation: 'insert', module: 'Notes', id: note.id, parentModule: 'Tasks', parentId: TASKS.design.crmId })]);
		expect(await poll({ events: ['notes'] })).toBeNull();
		tick();
		sim.crm.editAsUser('Notes', String(note.id), { Note_Content: 'Mock-ups uploaded (v2)' });
		expect(await poll({ events: ['notes'] })).toEqual([expect.objectContaining({ operation: 'update', id: note.id })]);
	});

	it('emits only the chosen events', async () => {
		await poll({ events: ['create'] });
		tick();
		sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { [FIELDS.syncState]: '{"v":2}' });
		const created = sim.crm.createAsUser('Tasks', { Subject: 'Only creates' });
		expect((await poll({ events: ['create'] }))?.map((c) => c.id)).toEqual([created.id]);
	});

	it('keeps its cursor when only some fields are asked for', async () => {
		const params = { events: ['edit'], options: { fields: ['Subject'] } };
		await poll(params);
		tick();
		sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'Design mock-ups v2' });
		expect(await poll(params)).toEqual([expect.objectContaining({ id: TASKS.design.crmId, record: expect.objectContaining({ Subject: 'Design mock-ups v2' }) })]);
		expect(await poll(params)).toBeNull();
	});

	it('reads many changes across pages in one poll', async () => {
		await poll();
		tick();
		const ids = Array.from({ length: 250 }, (_, i) => String(sim.crm.createAsUser('Tasks', { Subject: `Bulk ${i}` }).id));
		sim.log.clear();
		const out = await poll({ events: ['create'] });
		expect(out?.map((c) => c.id)).toEqual(ids);
		expect(sim.log.filter({ path: '/crm/v8/Tasks' }).map((e) => new URLSearchParams(e.query).get('page'))).toEqual(['1', '2']);
	});

	it('"Fetch Test Event" returns the newest task without moving the cursor', async () => {
		await poll();
		const cursor = JSON.parse(JSON.stringify(harness.nodeStaticData('Trigger'))) as IDataObject;
		tick();
		sim.crm.editAsUser('Tasks', TASKS.kickoff.crmId, { Status: 'Completed' });
		const sample = await poll({}, 'manual');
		expect(sample).toEqual([expect.objectContaining({ id: TASKS.kickoff.crmId, operation: 'update' })]);
		expect(JSON.parse(JSON.stringify(harness.nodeStaticData('Trigger')))).toEqual(cursor);
		expect(cursor.tasksCursor).toBeDefined();
		// The real poll still sees the change.
		expect((await poll())?.map((c) => c.id)).toEqual([TASKS.kickoff.crmId]);
	});
});
