/** The polling Zoho Projects Trigger through n8n-core's PollContext: each change once, few calls. */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import type { Harness, WorkflowSpec } from '../harness/engine';
import { CREDENTIAL_REF } from '../harness/sim';
import { PROJECTS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { TRIGGER, freshHarness, portal, rl, startProjectsSim, stopProjectsSim } from './helpers';

const NAME = 'Projects Trigger';

function triggerSpec(parameters: IDataObject = {}): WorkflowSpec {
	return {
		nodes: [
			{
				id: 't',
				name: NAME,
				type: TRIGGER,
				typeVersion: 1,
				position: [0, 0],
				parameters: { portalId: portal, projectId: rl(PROJECTS.website.id), ...parameters },
				credentials: CREDENTIAL_REF,
			},
		] as INode[],
		connections: {},
	};
}

const summary = (out: INodeExecutionData[][] | null) => (out?.[0] ?? []).map((i) => [i.json.event, i.json.name ?? i.json.comment]);

describe('Zoho Projects Trigger (polling): tasks', () => {
	let sim: ZohoSim;
	let harness: Harness;
	const spec = triggerSpec();
	const poll = async (mode: 'trigger' | 'manual' = 'trigger') => {
		sim.log.clear();
		return await harness.poll(spec, NAME, mode);
	};

	beforeAll(async () => {
		sim = await startProjectsSim();
		harness = freshHarness(sim);
	});
	afterAll(async () => await stopProjectsSim(sim));

	it('the first poll only sets the cursor, in one call, newest change first', async () => {
		expect(await poll()).toBeNull();
		const calls = sim.log.filter({ product: 'projects' });
		expect(calls).toHaveLength(1);
		expect(Object.fromEntries(new URLSearchParams(calls[0].query))).toEqual({ sort_by: 'DESC(last_modified_time)', page: '1', per_page: '200' });
		expect(harness.nodeStaticData(NAME).cursor).toBe(sim.projects.task(TASKS.contentPlan.zpId)!.last_modified_time);
	});

	it('emits an edit made in Projects once, with one call per poll', async () => {
		sim.clock.advance(60_000);
		sim.projects.editTask(TASKS.design.zpId, { end_date: '2026-12-02' }, 'emily');
		const out = await poll();
		expect(summary(out)).toEqual([['taskUpdated', TASKS.design.name]]);
		expect(out![0][0].json).toMatchObject({ portal_id: '700000001', project_id: PROJECTS.website.id, id: TASKS.design.zpId, end_date: '2026-12-02' });
		expect(sim.log.count({ product: 'projects' })).toBe(1);

		expect(await poll()).toBeNull();
		expect(sim.log.count({ product: 'projects' })).toBe(1);
	});

	it('tells a new task from an edit, and catches a change made in the same second as the last one seen', async () => {
		sim.clock.advance(60_000);
		const created = sim.projects.createTask(PROJECTS.website.id, { name: 'Launch party' }, 'maria') as IDataObject;
		sim.projects.closeTask(TASKS.contentPlan.zpId, 'maria');
		expect(summary(await poll()).sort()).toEqual([
			['taskCreated', 'Launch party'],
			['taskUpdated', TASKS.contentPlan.name],
		]);
		// Same second as the cursor: still new, and emitted once.
		sim.projects.editTask(String(created.id), { priority: 'high' });
		sim.projects.editTask(TASKS.design.zpId, { priority: 'low' });
		expect(summary(await poll())).toEqual([['taskUpdated', TASKS.design.name]]);
		expect(await poll()).toBeNull();
	});

	it('pages only as far as the cursor when many tasks changed', async () => {
		sim.clock.advance(60_000);
		for (let n = 0; n < 230; n++) sim.projects.createTask(PROJECTS.website.id, { name: `Imported ${n}` });
		const out = await poll();
		expect(out![0]).toHaveLength(230);
		expect(new Set(out![0].map((i) => i.json.event))).toEqual(new Set(['taskCreated']));
		expect(sim.log.count({ product: 'projects' })).toBe(2);
		expect(await poll()).toBeNull();
	});

	it('"Fetch test event" returns the newest task and leaves the cursor alone', async () => {
		const before = JSON.stringify(harness.nodeStaticData(NAME));
		sim.clock.advance(60_000);
		sim.projects.editTask(TASKS.design.zpId, { name: 'Design mock-ups v2' });
		const sample = await poll('manual');
		expect(summary(sample)).toEqual([['taskUpdated', 'Design mock-ups v2']]);
		expect(sim.log.count({ product: 'projects' })).toBe(1);
		expect(JSON.stringify(harness.nodeStaticData(NAME))).toBe(before);
		// The real poll still sees the change.
		expect(summary(await poll())).toEqual([['taskUpdated', 'Design mock-ups v2']]);
	});
});

describe('Zoho Projects Trigger (polling): event choice and comments', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	it('emits only the chosen events; skipped changes are not emitted later either', async () => {
		const spec = triggerSpec({ events: ['taskCreated'] });
		expect(await harness.poll(spec, NAME)).toBeNull();
		sim.clock.advance(60_000);
		sim.projects.editTask(TASKS.design.zpId, { priority: 'high' });
		expect(await harness.poll(spec, NAME)).toBeNull();
		sim.clock.advance(60_000);
		sim.projects.createTask(PROJECTS.website.id, { name: 'Only creations' });
		expect(summary(await harness.poll(spec, NAME))).toEqual([['taskCreated', 'Only creations']]);
	});

	it('emits each new comment once, checking a bounded number of tasks per poll', async () => {
		const spec = triggerSpec({ events: ['commentAdded'], options: { commentTasksPerPoll: 2 } });
		const taskIds = sim.projects.store.liveTasks(PROJECTS.website.id).map((t) => t.id);
		expect(taskIds).toHaveLength(3);
		const poll = async () => {
			sim.log.clear();
			const out = await harness.poll(spec, NAME);
			return { out, lists: sim.log.count({ path: /\/tasks$/ }), commentReads: sim.log.count({ path: /\/comments$/ }) };
		};

		// First poll: the whole task list (one page) starts a round; old comments are not news.
		expect(await poll()).toEqual({ out: null, lists: 1, commentReads: 2 });

		sim.clock.advance(60_000);
		const quiet = TASKS.contentPlan.zpId;
		sim.projects.addComment(TASKS.design.zpId, '<p>Looks good</p>', 'ichiro');
		sim.projects.addComment(quiet, '<p>On a quiet task</p>', 'maria');
		// The round goes on with the one task left, then a new round lists all tasks again.
		const second = await poll();
		const third = await poll();
		const emitted = [...summary(second.out), ...summary(third.out)];
		expect(emitted.sort()).toEqual([
			['commentAdded', '<p>Looks good</p>'],
			['commentAdded', '<p>On a quiet task</p>'],
		]);
		expect(second.commentReads + third.commentReads).toBeLessThanOrEqual(4);
		expect(second.lists + third.lists).toBe(2);
		// Nothing is emitted twice over a whole further round.
		expect((await poll()).out).toBeNull();
		expect((await poll()).out).toBeNull();
	});

	it('a task that just changed has its comments read in the same poll', async () => {
		const spec = triggerSpec({ events: ['taskUpdated', 'commentAdded'], options: { commentTasksPerPoll: 1 } });
		sim.clock.advance(60_000);
		expect(await harness.poll(spec, NAME)).toBeNull();
		sim.clock.advance(60_000);
		sim.projects.editTask(TASKS.contentPlan.zpId, { priority: 'low' });
		sim.projects.addComment(TASKS.contentPlan.zpId, '<p>Hot comment</p>');
		const out = await harness.poll(spec, NAME);
		expect(summary(out).sort()).toEqual([
			['commentAdded', '<p>Hot comment</p>'],
			['taskUpdated', TASKS.contentPlan.name],
		]);
		expect(out![0].find((i) => i.json.event === 'commentAdded')!.json).toMatchObject({ task_id: TASKS.contentPlan.zpId, project_id: PROJECTS.website.id });
	});
});
