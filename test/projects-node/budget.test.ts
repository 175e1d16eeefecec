/**
 * The Projects rate budget on the simulator's clock: the pacer's waits advance simulated time, so
 * a burst is proven by counting calls per 2-minute window, never by measuring real time.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import { CREDENTIAL_REF } from '../harness/sim';
import type { Harness, WorkflowSpec } from '../harness/engine';
import type { LogEntry } from '../zoho-sim/kit';
import { API_USER, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { PROJECTS as PROJECTS_NODE, freshHarness, portal, rl, runProjects, startProjectsSim, stopProjectsSim } from './helpers';

const TASK_ROUTE = '/api/v3/portal/:portal/projects/:project/tasks/:task';
const getPlan = { resource: 'task', operation: 'get', projectId: rl(PROJECTS.migration.id), taskId: TASKS.plan.zpId };
const burst = (n: number) => Array.from({ length: n }, (_, k) => ({ k }));

/** The most calls that fell in any rolling 2-minute window, as the simulator logged them. */
function busiestWindow(entries: LogEntry[]): number {
	return Math.max(0, ...entries.map((e) => entries.filter((o) => o.time > e.time - 120_000 && o.time <= e.time).length));
}

const throttled = (sim: ZohoSim) => sim.log.filter({ product: 'projects' }).filter((e) => e.status === 400 || e.status === 429);

describe('Zoho Projects transport: the rate budget', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	it('a burst of 300 calls to one API completes with zero throttle errors (default budget 90 / 2 min)', async () => {
		const { items, errors, result } = await runProjects(harness, getPlan, burst(300), { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(errors).toHaveLength(0);
		expect(items).toHaveLength(300);
		const calls = sim.log.filter({ product: 'projects', route: TASK_ROUTE });
		expect(calls).toHaveLength(300);
		expect(throttled(sim)).toHaveLength(0);
		expect(sim.projects.throttle.snapshot()).toEqual([]);
		expect(busiestWindow(calls)).toBe(90);
	});

	it('control: with the budget raised past Zoho\'s limit the same burst is locked out at call 101, and the rest fail fast', async () => {
		const { items, errors } = await runProjects(harness, { ...getPlan, apiBudget: 1000 }, burst(300), { onError: 'continueErrorOutput' });
		expect(items).toHaveLength(100);
		expect(errors).toHaveLength(200);
		// Only the call that met the lock reached Zoho; the 199 items after it were refused without a call.
		expect(sim.log.count({ product: 'projects', route: TASK_ROUTE })).toBe(101);
		expect(throttled(sim)).toHaveLength(1);
		const lockEnd = new Date(sim.clock.now() + 30 * 60_000).toISOString();
		expect(new Set(errors.map((e) => e.json.error))).toEqual(
			new Set([`Zoho Projects has locked this API until ${lockEnd} (about 30 min) after too many calls`]),
		);
	});

	it('an item that meets an existing lockout fails at once naming when it ends; other APIs keep flowing', async () => {
		// Another workflow (or process) tripped Zoho's lock on the task API 13 minutes ago.
		for (let n = 0; n <= 100; n++) sim.projects.throttle.check(API_USER.crmId, TASK_ROUTE);
		sim.clock.advance(13 * 60_000);
		const startedAt = sim.clock.now();
		const spec: WorkflowSpec = {
			nodes: [
				{ id: 's', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
				{
					id: 'a',
					name: 'Get Task',
					type: PROJECTS_NODE,
					typeVersion: 1,
					position: [200, 0],
					parameters: { portalId: portal, ...getPlan },
					credentials: CREDENTIAL_REF,
					onError: 'continueErrorOutput',
				},
				{
					id: 'b',
					name: 'Get Comments',
					type: PROJECTS_NODE,
					typeVersion: 1,
					position: [200, 200],
					parameters: { portalId: portal, resource: 'comment', operation: 'getAll', projectId: rl(PROJECTS.migration.id), taskId: TASKS.plan.zpId, returnAll: true },
					credentials: CREDENTIAL_REF,
				},
			] as INode[],
			connections: {
				Start: {
					main: [
						[
							{ node: 'Get Task', type: 'main', index: 0 },
							{ node: 'Get Comments', type: 'main', index: 0 },
						],
					],
				},
			},
		};
		const result = await harness.run(spec, burst(3).map((json) => ({ json })));
		expect(result.error).toBeUndefined();
		const lockEnd = new Date(startedAt + 17 * 60_000).toISOString();
		expect(result.output('Get Task', 0)).toHaveLength(0);
		expect(result.output('Get Task', 1).map((e) => e.json.error)).toEqual(
			Array(3).fill(`Zoho Projects has locked this API until ${lockEnd} (about 17 min) after too many calls`),
		);
		// Comments are another API: all three items were served.
		expect(result.output('Get Comments').map((i) => i.json.id)).toEqual(Array(3).fill('2000000101001'));
		// One call learnt of the lock; nothing waited for it.
		expect(sim.log.filter({ route: TASK_ROUTE }).map((e) => e.status)).toEqual([400]);
		expect(sim.clock.now()).toBe(startedAt);

		// The pacer remembers the lock until it ends, then lets the API be called again.
		sim.log.clear();
		const stillLocked = await runProjects(harness, getPlan);
		expect(stillLocked.result.error?.message).toMatch(/^Zoho Projects has locked this API until/);
		// Zoho counts per URL pattern, not per method: a PATCH of the same URL is not attempted either.
		const patch = await runProjects(harness, { ...getPlan, operation: 'update', updateFields: { priority: 'high' } });
		expect(patch.result.error?.message).toMatch(/^Zoho Projects has locked this API until/);
		expect(sim.log.count({ route: TASK_ROUTE })).toBe(0);
		sim.clock.advance(17 * 60_000);
		const freed = await runProjects(harness, getPlan);
		expect(freed.result.error).toBeUndefined();
		expect(freed.json[0].id).toBe(TASKS.plan.zpId);
	});

	it('retries a server error with backoff, then succeeds', async () => {
		sim.faults.add({ product: 'projects', method: 'GET', status: 502, times: 2 });
		const { json } = await runProjects(harness, getPlan);
		expect(json[0].id).toBe(TASKS.plan.zpId);
		expect(sim.log.filter({ product: 'projects' }).map((e) => e.status)).toEqual([502, 502, 200]);
	});

	it('gives up after three retries with a clear error', async () => {
		sim.faults.add({ product: 'projects', method: 'GET', status: 500, times: 10 });
		const { result } = await runProjects(harness, getPlan);
		expect(result.error?.message).toBe('Zoho Projects refused the request: Injected server error [INTERNAL_SERVER_ERROR]');
		expect((result.error as { description?: string }).description).toMatch(/server error and kept failing after retries/);
		expect(sim.log.count({ product: 'projects' })).toBe(4);
		sim.faults.clear();
	});

	it('does not repeat a create that failed with 502 (it may have been applied)', async () => {
		sim.faults.add({ product: 'projects', method: 'POST', status: 502, times: 1 });
		const { result } = await runProjects(harness, { resource: 'comment', operation: 'create', projectId: rl(PROJECTS.migration.id), taskId: TASKS.plan.zpId, comment: 'once' });
		expect(result.error).toBeDefined();
		expect(sim.log.count({ product: 'projects', method: 'POST' })).toBe(1);
	});
});

describe('Zoho Projects transport: a throttle answered with HTTP 429', () => {
	let sim: ZohoSim;
	beforeAll(async () => (sim = await startProjectsSim({ projects: { throttleStatus: 429, throttleLimit: 5 } })));
	afterAll(async () => await stopProjectsSim(sim));

	it('fails the item at once with the time the lock ends', async () => {
		const harness = freshHarness(sim);
		const { items, errors } = await runProjects(harness, getPlan, burst(8), { onError: 'continueErrorOutput' });
		expect(items).toHaveLength(5);
		const lockEnd = new Date(sim.clock.now() + 30 * 60_000).toISOString();
		expect(errors.map((e) => e.json.error)).toEqual(Array(3).fill(`Zoho Projects has locked this API until ${lockEnd} (about 30 min) after too many calls`));
		expect(sim.log.filter({ product: 'projects' }).map((e) => e.status)).toEqual([200, 200, 200, 200, 200, 429]);
	});
});

describe('Zoho Projects transport: one budget window per portal and per credential', () => {
	const SECOND_PORTAL = '700000002';
	let sim: ZohoSim;
	beforeAll(async () => (sim = await startProjectsSim({ projects: { extraPortalIds: [SECOND_PORTAL] } })));
	afterAll(async () => await stopProjectsSim(sim));

	it('a burst that fills one portal\'s window does not slow another portal, or another credential', async () => {
		const harness = freshHarness(sim);
		const budget = 30;
		const startedAt = sim.clock.now();
		const run = async (n: number, parameters: IDataObject = {}, node: Partial<INode> = {}) =>
			await runProjects(harness, { ...getPlan, apiBudget: budget, ...parameters }, burst(n), { onError: 'continueErrorOutput', ...node });

		// Portal A, credential 1: the burst takes the whole window.
		expect((await run(budget)).items).toHaveLength(budget);
		// Portal B and, on portal A, a second credential: served at once, no wait on the clock.
		expect((await run(budget, { portalId: rl(SECOND_PORTAL) })).items).toHaveLength(budget);
		const second = { credentials: { zohoTaskSyncOAuth2Api: { id: 'cred-2', name: 'Zoho (second connection)' } } };
		expect((await run(10, {}, second)).items).toHaveLength(10);
		expect(sim.clock.now()).toBe(startedAt);
		const portals = sim.log.filter({ route: TASK_ROUTE }).map((e) => e.path.split('/')[4]);
		expect(portals).toEqual([...Array(budget).fill(PORTAL_ID), ...Array(budget).fill(SECOND_PORTAL), ...Array(10).fill(PORTAL_ID)]);

		// Control: one more call on portal A with credential 1 waits for its window to roll.
		expect((await run(1)).items).toHaveLength(1);
		expect(sim.clock.now()).toBe(startedAt + 120_000);
		expect(throttled(sim)).toHaveLength(0);
	});
});
