/**
 * Issue 10 item 9: no source says whether Zoho Projects counts 401 answers in its 100-per-2-minutes
 * throttle window (ASSUMPTIONS.md). The product must not depend on it: when the access token
 * expires in the middle of a run of many items, the Projects transport refreshes once and the
 * following calls use the new token — one 401 in all, never one per call, and no 401 retried twice.
 */
import { Harness } from '../harness/engine';
import { simCredential } from '../harness/sim';
import type { ZohoSim } from '../zoho-sim/server';
import { PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { freshHarness, rl, runProjects, startProjectsSim, stopProjectsSim } from './helpers';

describe('Zoho Projects: access token expiry under load', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	const get = { resource: 'task', operation: 'get', projectId: rl(PROJECTS.migration.id), taskId: '={{ $json.taskId }}' };
	const items = (n: number) => Array.from({ length: n }, () => ({ taskId: TASKS.plan.zpId }));

	it('refreshes once for a run of 10 items and sends each call once more at most', async () => {
		const refreshes = sim.accounts.refreshCount;
		sim.clock.advance(3601 * 1000); // past the 1-hour access-token lifetime
		const { result, json } = await runProjects(harness, get, items(10));
		expect(result.error).toBeUndefined();
		expect(json.map((t) => t.id)).toEqual(Array(10).fill(TASKS.plan.zpId));
		expect(sim.accounts.refreshCount - refreshes).toBe(1);
		const statuses = sim.log.filter({ product: 'projects' }).map((e) => e.status);
		expect(statuses.filter((s) => s === 401)).toHaveLength(1);
		expect(statuses).toEqual([401, ...Array(10).fill(200)]);
	});

	it('executions that meet the expired token together share one refresh', async () => {
		// Five executions of workflows that use the same credential: all hold its token...
		const credential = simCredential(sim);
		const harnesses = [1, 2, 3, 4, 5].map(() => new Harness({ zohoTaskSyncOAuth2Api: structuredClone(credential) }));
		const refreshes = sim.accounts.refreshCount;
		// ...an hour later, when it has expired.
		sim.clock.advance(3601 * 1000);
		sim.log.clear();
		const runs = await Promise.all(harnesses.map(async (h) => await runProjects(h, get, items(2))));
		for (const run of runs) expect(run.result.error).toBeUndefined();
		expect(sim.accounts.refreshCount - refreshes).toBe(1);
		const statuses = sim.log.filter({ product: 'projects' }).map((e) => e.status);
		expect(statuses.filter((s) => s === 200)).toHaveLength(10);
		// A call sent before the one refresh was known meets a 401; none after it.
		expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
	});

	it('a call resent after the refresh takes a budget slot of its own: the busiest 2 minutes, 401s included, stay within the budget', async () => {
		sim.clock.advance(3601 * 1000);
		sim.log.clear();
		const { result } = await runProjects(harness, { ...get, apiBudget: 4 }, items(8));
		expect(result.error).toBeUndefined();
		const calls = sim.log.filter({ product: 'projects' });
		expect(calls.map((e) => e.status)).toEqual([401, ...Array(8).fill(200)]);
		const busiest = Math.max(...calls.map((e) => calls.filter((o) => o.time > e.time - 120_000 && o.time <= e.time).length));
		expect(busiest).toBe(4);
	});

	it('does not loop on 401: a token Zoho refuses again after the refresh fails the call after one retry', async () => {
		const refreshes = sim.accounts.refreshCount;
		sim.faults.add({ product: 'projects', status: 401, times: 5, body: { error: { status_code: '401', title: 'INVALID_OAUTHTOKEN', error_type: 'OAUTH_ERROR', details: [{ message: 'Invalid OAuth access token.' }] } } });
		const { result } = await runProjects(harness, get, items(1));
		sim.faults.clear();
		expect(result.error).toBeDefined();
		expect(sim.accounts.refreshCount - refreshes).toBe(1);
		expect(sim.log.filter({ product: 'projects' }).map((e) => e.status)).toEqual([401, 401]);
	});
});
