/**
 * `npm run bench:burst`: many linked pairs change in CRM at once (one field each) and the real Zoho
 * Task Sync node carries them to Projects through n8n-core's WorkflowExecute, with the Projects
 * transport pacing on the simulator's clock (as test/projects-node/budget.test.ts does). Reports the
 * Projects calls, the busiest 2-minute window against the budget (DESIGN §6), throttle errors, the
 * simulated time to converge and how many pairs are in sync afterwards. Writes bench-results/burst.json.
 */
// First: n8n-core must not write its settings under the developer's ~/.n8n (as in jest).
import '../../test/setup-env';

import type { IDataObject } from 'n8n-workflow';

import { BUDGET_WINDOW_MS, DEFAULT_BUDGET, setProjectsClock } from '../../nodes/shared/projects';
import { changedSinceBase } from '../../nodes/shared/sync/engine';
import { DEFAULT_CONFIG } from '../../nodes/shared/sync/defaults';
import { canonicalCrm, canonicalProjects } from '../../nodes/shared/sync/fields';
import { parseState } from '../../nodes/shared/sync/state';
import type { FieldId } from '../../nodes/shared/sync/types';
import { crmTaskFromRecord, projectsTaskFromJson } from '../../nodes/shared/sync/views';
import { stopProjectsSim } from '../../test/projects-node/helpers';
import { pacedSimClock } from '../../test/harness/paced-clock';
import { syncEnv, type SyncEnv, type SyncRun } from '../../test/sync-node/helpers';
import { linkedPair } from '../../test/zoho-sim/pairs';
import { FIELDS, PORTAL_ID, PROJECTS, TASKLISTS, USERS } from '../../test/zoho-sim/seed-data';
import { busiestWindow, finish, runBench, table, type BenchResult } from './results';

const PAIRS = Number(process.env.BENCH_BURST_PAIRS ?? 300);
const PROJECT = PROJECTS.website;

interface Pair {
	crmId: string;
	zpId: string;
	field: FieldId;
	/** The CRM side's canonical value of `field` after the edit: what both sides must hold at the end. */
	expected?: string | null;
}

/** One edit per pair, cycling through the six synced fields (CRM field values, as a CRM user sets them). */
const EDITS: { field: FieldId; crm: (i: number) => IDataObject }[] = [
	{ field: 'subject', crm: (i) => ({ Subject: `Bench task ${i} (edited)` }) },
	{ field: 'description', crm: (i) => ({ Description: `Bench task ${i}, edited\n二行目 & <記号>` }) },
	{ field: 'dueDate', crm: () => ({ Due_Date: '2026-12-15' }) },
	{ field: 'priority', crm: () => ({ Priority: 'High' }) },
	{ field: 'status', crm: () => ({ Status: 'Completed' }) },
	{ field: 'owner', crm: () => ({ Owner: { id: USERS.ichiro.crmId } }) },
];

const fromCrm = { operation: 'syncTask', source: 'crm' };

/**
 * `count` linked pairs whose sides agree, made as people would in each UI (no API call, nothing
 * logged): the Projects task, the CRM task naming it, then the CRM id in the Projects task's field.
 */
function createPairs(env: SyncEnv, count: number): Pair[] {
	const pairs: Pair[] = [];
	for (let i = 0; i < count; i++) {
		const { crmId, zpId } = linkedPair(env.sim, PROJECT.id, TASKLISTS.websiteGeneral.id, `Bench task ${i}`);
		pairs.push({ crmId, zpId, field: EDITS[i % EDITS.length].field });
	}
	return pairs;
}

/** In sync: neither side changed since the stored base, and the base holds the CRM edit. */
function inSync(env: SyncEnv, pair: Pair): boolean {
	const record = env.sim.crm.getRecord('Tasks', pair.crmId);
	const task = env.sim.projects.task(pair.zpId);
	const state = parseState(record?.[FIELDS.syncState]);
	if (!record || !task || !state) return false;
	const crm = canonicalCrm(crmTaskFromRecord(record), DEFAULT_CONFIG);
	const projects = canonicalProjects(projectsTaskFromJson(task, PORTAL_ID, PROJECT.id), DEFAULT_CONFIG);
	return (
		!changedSinceBase('crm', crm, state, DEFAULT_CONFIG).length &&
		!changedSinceBase('projects', projects, state, DEFAULT_CONFIG).length &&
		(state.base[pair.field] ?? null) === pair.expected
	);
}

type Mode = 'oneExecution' | 'executionPerChange' | 'concurrentExecutions';

interface Scenario {
	mode: Mode;
	label: string;
	pairs: number;
	executions: number;
	budget: number;
	projectsCalls: { total: number; reads: number; writes: number; perPair: number };
	crmCalls: { total: number; writes: number };
	/** Most Projects calls in any 120 s, over every call of the run (the set-up's included) and over the burst alone. */
	busiestWindow: { all: number; burst: number };
	throttleErrors: number;
	nodeErrors: number;
	outcomes: Record<string, number>;
	simulatedMinutes: number;
	/** The least time the budget allows for that many calls: (⌈calls / budget⌉ − 1) windows. */
	paceBoundMinutes: number;
	/**
	 * Issue 11's floor: one Projects write per change, at the budget's pace (changes ÷ budget windows), and
	 * how far the burst is from it in calls and in simulated time.
	 */
	floor: { calls: number; minutes: number; callsRatio: number; timeRatio: number };
	realSeconds: number;
	pairsInSync: number;
	/** Simulated seconds from the sync's last look at a task to its write of it (p50 / max over the writes). */
	lookToWrite: { p50: number; max: number; writes: number };
}

/**
 * Seconds from each task write back to the sync's last look at the task before it: a read of the task,
 * or a listing of its project's tasks (which shows every task of the project as it is then).
 */
function lookToWriteGaps(entries: { method: string; path: string; time: number }[]): number[] {
	const lastRead = new Map<string, number>();
	const lastListing = new Map<string, number>();
	const gaps: number[] = [];
	for (const e of entries) {
		const listing = /\/projects\/(\d+)\/tasks$/.exec(e.path);
		if (listing && e.method === 'GET') lastListing.set(listing[1], e.time);
		const task = /\/projects\/(\d+)\/tasks\/\d+$/.exec(e.path);
		if (!task) continue;
		if (e.method === 'GET') lastRead.set(e.path, e.time);
		else if (e.method === 'PATCH') {
			const look = Math.max(lastRead.get(e.path) ?? -Infinity, lastListing.get(task[1]) ?? -Infinity);
			if (look > -Infinity) gaps.push((e.time - look) / 1000);
		}
	}
	return gaps.sort((a, b) => a - b);
}

async function scenario(mode: Mode): Promise<Scenario> {
	const env = await syncEnv({ now: '2026-11-25T03:00:00Z' });
	// The pacer's waits move the simulator's clock, so the burst takes simulated minutes, not real ones.
	setProjectsClock(mode === 'concurrentExecutions' ? pacedSimClock(env.sim.clock, () => env.sim.log.entries.length) : { now: () => env.sim.clock.now(), sleep: async (ms) => env.sim.clock.advance(ms) });
	try {
		const pairs = createPairs(env, PAIRS);
		// Each pair's first sync stores its base: the state the burst starts from.
		const prime = await env.run(fromCrm, pairs.map((p) => ({ id: p.crmId })));
		const primed = prime.skipped.filter((s) => s.reason === 'baseRepaired').length;
		if (prime.error || primed !== PAIRS) throw new Error(`priming: ${primed} of ${PAIRS} pairs got a base (${prime.error?.message ?? JSON.stringify(prime.errors[0] ?? {})})`);

		// Later, people edit every pair in CRM, one field each.
		env.sim.clock.advance(10 * 60_000);
		pairs.forEach((pair, i) => {
			env.sim.crm.editAsUser('Tasks', pair.crmId, EDITS[i % EDITS.length].crm(i), USERS.ichiro.crmId);
			pair.expected = canonicalCrm(crmTaskFromRecord(env.sim.crm.getRecord('Tasks', pair.crmId)!), DEFAULT_CONFIG)[pair.field] ?? null;
		});

		env.mark();
		const from = env.sim.log.entries.length;
		const startedAt = env.sim.clock.now();
		const realStart = process.hrtime.bigint();
		const runs: SyncRun[] = [];
		if (mode === 'oneExecution') runs.push(await env.run(fromCrm, pairs.map((p) => ({ id: p.crmId }))));
		else if (mode === 'executionPerChange') for (const pair of pairs) runs.push(await env.run(fromCrm, [{ id: pair.crmId }]));
		// As n8n runs executions the instant trigger starts close together: all at once, each pacing on the shared budget.
		else runs.push(...(await Promise.all(pairs.map(async (pair) => await env.run(fromCrm, [{ id: pair.crmId }])))));
		const realSeconds = Number(process.hrtime.bigint() - realStart) / 1e9;
		const simulatedMs = env.sim.clock.now() - startedAt;

		const projectsLog = env.sim.log.entries.filter((e) => e.product === 'projects');
		const burstLog = env.sim.log.entries.slice(from).filter((e) => e.product === 'projects');
		const writes = env.calls('projects', true);
		const total = env.calls('projects');
		const outcomes: Record<string, number> = {};
		const count = (key: string, n: number) => n && (outcomes[key] = (outcomes[key] ?? 0) + n);
		for (const run of runs) {
			count('synced', run.synced.length);
			count('rejected', run.rejected.length);
			count('error', run.errors.length + (run.error ? 1 : 0));
			for (const s of run.skipped) count(`skipped: ${String(s.reason)}`, 1);
		}
		return {
			mode,
			label: { oneExecution: `one execution of ${PAIRS} items`, executionPerChange: `${PAIRS} executions of one item`, concurrentExecutions: `${PAIRS} concurrent executions` }[mode],
			pairs: PAIRS,
			executions: runs.length,
			budget: DEFAULT_BUDGET,
			projectsCalls: { total, reads: total - writes, writes, perPair: Math.round((total / PAIRS) * 100) / 100 },
			crmCalls: { total: env.calls('crm'), writes: env.calls('crm', true) },
			busiestWindow: {
				all: busiestWindow(projectsLog.map((e) => e.time), BUDGET_WINDOW_MS),
				burst: busiestWindow(burstLog.map((e) => e.time), BUDGET_WINDOW_MS),
			},
			// What budget.test.ts counts as throttled: Zoho's 400 URL_ROLLING_THROTTLES_LIMIT_EXCEEDED or a 429.
			throttleErrors: projectsLog.filter((e) => e.status === 400 || e.status === 429).length,
			nodeErrors: outcomes.error ?? 0,
			outcomes,
			simulatedMinutes: Math.round((simulatedMs / 60_000) * 100) / 100,
			paceBoundMinutes: ((Math.ceil(total / DEFAULT_BUDGET) - 1) * BUDGET_WINDOW_MS) / 60_000,
			floor: floorOf(burstLog.length, simulatedMs),
			realSeconds: Math.round(realSeconds * 10) / 10,
			pairsInSync: pairs.filter((p) => inSync(env, p)).length,
			lookToWrite: gapSummary(lookToWriteGaps(burstLog)),
		};
	} finally {
		await stopProjectsSim(env.sim);
	}
}

function floorOf(calls: number, simulatedMs: number): Scenario['floor'] {
	const minutes = ((PAIRS / DEFAULT_BUDGET) * BUDGET_WINDOW_MS) / 60_000;
	const round = (n: number) => Math.round(n * 100) / 100;
	return { calls: PAIRS, minutes: round(minutes), callsRatio: round(calls / PAIRS), timeRatio: round(simulatedMs / 60_000 / minutes) };
}

function gapSummary(gaps: number[]): Scenario['lookToWrite'] {
	return { p50: gaps.length ? gaps[Math.floor((gaps.length - 1) / 2)] : 0, max: gaps.length ? gaps[gaps.length - 1] : 0, writes: gaps.length };
}

/** Issue 11: the longest a write may follow the sync's last look at the task (simulated seconds). */
const LOOK_TO_WRITE_TARGET_S = 10;

/** Issue 11: a burst within this factor of its floor, in calls and in time. */
const FLOOR_RATIO_TARGET = 1.15;

function violationsOf(s: Scenario): string[] {
	const v: string[] = [];
	if (s.floor.callsRatio > FLOOR_RATIO_TARGET) v.push(`${s.label}: ${s.floor.callsRatio}× the floor's Projects calls (target ≤ ${FLOOR_RATIO_TARGET}×)`);
	if (s.floor.timeRatio > FLOOR_RATIO_TARGET) v.push(`${s.label}: ${s.floor.timeRatio}× the floor's time, ${s.simulatedMinutes} of ${s.floor.minutes} simulated minutes (target ≤ ${FLOOR_RATIO_TARGET}×)`);
	if (s.lookToWrite.max > LOOK_TO_WRITE_TARGET_S) v.push(`${s.label}: a write came ${s.lookToWrite.max} s after the sync's last look at the task (target ≤ ${LOOK_TO_WRITE_TARGET_S} s)`);
	if (s.busiestWindow.all > s.budget) v.push(`${s.label}: ${s.busiestWindow.all} Projects calls in one 2-minute window, budget ${s.budget}`);
	if (s.throttleErrors > 0) v.push(`${s.label}: ${s.throttleErrors} throttle error(s) from Projects`);
	if (s.nodeErrors > 0) v.push(`${s.label}: ${s.nodeErrors} item(s) on the error output`);
	if (s.pairsInSync !== s.pairs) v.push(`${s.label}: ${s.pairs - s.pairsInSync} of ${s.pairs} pairs not in sync`);
	return v;
}

async function main(): Promise<void> {
	const scenarios = [await scenario('oneExecution'), await scenario('executionPerChange'), await scenario('concurrentExecutions')];
	const violations = scenarios.flatMap(violationsOf);
	const result = {
		benchmark: 'burst',
		description: `${PAIRS} linked pairs changed in CRM (one field each: ${EDITS.map((e) => e.field).join(', ')}), synced to Projects under the Projects budget`,
		scenarios,
		violations,
		node: process.version,
		at: new Date().toISOString(),
	} satisfies BenchResult & IDataObject;

	console.log(`Burst: ${result.description}\n`);
	console.log(
		table([
			['scenario', 'Projects calls (R + W)', 'per pair', 'busiest 120 s', 'throttled', 'errors', 'sim. minutes', 'pace bound', '× floor (calls / time)', 'look→write s (p50/max)', 'in sync', 'real s'],
			...scenarios.map((s) => [
				s.label,
				`${s.projectsCalls.total} (${s.projectsCalls.reads} + ${s.projectsCalls.writes})`,
				s.projectsCalls.perPair,
				`${s.busiestWindow.all} / ${s.budget}`,
				s.throttleErrors,
				s.nodeErrors,
				s.simulatedMinutes,
				s.paceBoundMinutes,
				`${s.floor.callsRatio} / ${s.floor.timeRatio}`,
				`${s.lookToWrite.p50} / ${s.lookToWrite.max}`,
				`${s.pairsInSync} / ${s.pairs}`,
				s.realSeconds,
			]),
		]),
	);
	finish('burst.json', result, violations);
}

runBench(main);
