/**
 * `npm run bench:reconcile` (issue 11, "Reconcile at its floor"): what one Reconcile run costs against
 * its paging floor, through the real Zoho Task Sync node (n8n-core's WorkflowExecute) and the
 * simulator, with the Projects pacer on the simulator's clock. Scenarios:
 * - N linked pairs (spread over a few projects), a share of them edited (half in CRM, half in
 *   Projects, one field each), one run; then the next run with nothing changed;
 * - one pair whose Projects task write Zoho refuses every time, among pairs edited before each of
 *   several runs: every run must cost the same and report the pair.
 *
 * The paging floor of a run (computed from the simulator's data, not from what the node did):
 * - setup: the CRM task field check and the Projects task field check (1 + 1);
 * - CRM listings: the tasks modified since the previous run started, ⌈n / 200⌉ pages (at least 1),
 *   the notes (1) and the deletions (1);
 * - Projects listings: the portal's projects (1) and, per project, the pages down to the first task
 *   not modified since the previous run started (⌊n / 200⌋ + 1; ⌈n / 200⌉ when every task was);
 * - writes: one Projects write per pair whose Projects side lacks a change (the CRM-side edits), and
 *   the CRM records of every changed pair (the Projects-side change and the new sync state), 100 per call.
 * Not in the floor: the per-pair Projects look before a write, CRM re-reads of pairs, and the rule
 * look-ups (project, statuses, members, users), so the ratio shows them.
 * Sizes: BENCH_RECONCILE_PAIRS (default "1000,10000"), BENCH_RECONCILE_SHARES (percent, default
 * "1,10,100"). Writes bench-results/reconcile.json.
 */
// First: n8n-core must not write its settings under the developer's ~/.n8n (as in jest).
import '../../test/setup-env';

import { resetRemembered, setProjectsClock } from '../../nodes/shared/projects';
import { stopProjectsSim } from '../../test/projects-node/helpers';
import { syncEnv, type SyncEnv, type SyncRun } from '../../test/sync-node/helpers';
import { PORTAL_ID } from '../../test/zoho-sim/seed-data';
import { countCalls, floorOf, type Calls, type Floor } from './reconcile-floor';
import { createPairs, editPair, inSync, type Pair } from './reconcile-pairs';
import { finish, runBench, table, type BenchResult } from './results';

const SIZES = (process.env.BENCH_RECONCILE_PAIRS ?? '1000,10000').split(',').map(Number);
const SHARES = (process.env.BENCH_RECONCILE_SHARES ?? '1,10,100').split(',').map(Number);
const PROJECTS = 4;
const FAILING_PAIRS = 200;
const FAILING_RUNS = 5;
/** Pairs edited before each run of the failing-pair scenario (half per side; a multiple of PROJECTS, so every run's edits fall in the same projects). */
const EDITS_PER_RUN = 12;
/** Issue 11's target: a run costs at most this times its paging floor. */
const RATIO_TARGET = 1.1;
/** Reconcile runs this often (simulated): the rule look-ups kept for 10 minutes are gone by the next run. */
const RUN_EVERY_MS = 15 * 60_000;

const reconcile = { operation: 'reconcile', portalId: PORTAL_ID, commentPairsPerRun: 0 };
const ratio = (calls: number, floor: number) => Math.round((calls / floor) * 100) / 100;

interface RunCost {
	calls: Calls;
	floor: Floor;
	ratio: number;
	errors: number;
	realSeconds: number;
}

interface Scenario {
	label: string;
	pairs: number;
	changed: number;
	run: RunCost;
	/** The next run, nothing changed: only its listing pages. */
	next: RunCost;
	pairsInSync: number;
}

interface Failing {
	label: string;
	pairs: number;
	/** Calls of each run (CRM + Projects), and whether the failing pair was on the error output. */
	runs: { crm: number; projects: number; total: number; floor: number; reported: boolean }[];
}

async function start(): Promise<SyncEnv> {
	// The simulator's clock starts at the real time: a node's first run lists from a day before it.
	const env = await syncEnv();
	setProjectsClock({ now: () => env.sim.clock.now(), sleep: async (ms) => env.sim.clock.advance(ms) });
	// Each scenario starts as a process would after its kept look-ups expired.
	resetRemembered();
	return env;
}

/** The pairs, checked, and the node's first run (which only sets its cursor). Returns that run's start. */
async function prepare(env: SyncEnv, count: number): Promise<{ pairs: Pair[]; since: number }> {
	const pairs = createPairs(env, count, PROJECTS);
	const off = pairs.filter((p) => !inSync(env, p)).length;
	if (off) throw new Error(`seed: ${off} of ${count} pairs are not in sync`);
	env.sim.clock.advance(RUN_EVERY_MS);
	const since = env.sim.clock.now();
	const first = await env.run(reconcile, [{}]);
	if (first.error || first.errors.length) throw new Error(`first run: ${first.error?.message ?? JSON.stringify(first.errors[0])}`);
	return { pairs, since };
}

/** One Reconcile run, counted. `since`: when the previous run started; `crmSide`, `changed`: the floor's writes. */
async function measure(env: SyncEnv, since: number, writes: { projects: number; crm: number }): Promise<{ cost: RunCost; run: SyncRun; started: number }> {
	env.sim.clock.advance(RUN_EVERY_MS);
	const floor = floorOf(env, since, writes);
	const started = env.sim.clock.now();
	const from = env.sim.log.entries.length;
	const real = process.hrtime.bigint();
	const run = await env.run(reconcile, [{}]);
	if (run.error) throw run.error;
	const calls = countCalls(env.sim.log.entries.slice(from));
	const cost = {
		calls,
		floor,
		ratio: ratio(calls.total, floor.total),
		errors: run.errors.length,
		realSeconds: Number(process.hrtime.bigint() - real) / 1e9,
	};
	return { cost, run, started };
}

/** The pairs to edit: `share` % of them, spread evenly over the pairs and the projects. */
function chosen(pairs: Pair[], share: number): Pair[] {
	const count = Math.max(1, Math.round((pairs.length * share) / 100));
	if (count >= pairs.length) return pairs;
	const step = pairs.length / count;
	return Array.from({ length: count }, (_, j) => pairs[Math.min(pairs.length - 1, Math.floor(j * step) + (j % PROJECTS))]);
}

async function changedScenario(size: number, share: number): Promise<Scenario> {
	const env = await start();
	try {
		const { pairs, since } = await prepare(env, size);
		const edited = chosen(pairs, share);
		env.sim.clock.advance(60_000);
		edited.forEach((pair, j) => editPair(env, pair, j, j % 2 ? 'projects' : 'crm'));
		const crmSide = edited.filter((_, j) => j % 2 === 0).length;
		const first = await measure(env, since, { projects: crmSide, crm: edited.length });
		const next = await measure(env, first.started, { projects: 0, crm: 0 });
		return { label: `${size} pairs, ${share} % changed`, pairs: size, changed: edited.length, run: first.cost, next: next.cost, pairsInSync: pairs.filter((p) => inSync(env, p)).length };
	} finally {
		await stopProjectsSim(env.sim);
	}
}

async function failingScenario(): Promise<Failing> {
	const env = await start();
	try {
		const { pairs, since } = await prepare(env, FAILING_PAIRS);
		const [failing, ...others] = pairs;
		// A CRM edit the Projects task must take, and Zoho refuses that task's every write.
		env.sim.clock.advance(60_000);
		editPair(env, failing, 0, 'crm');
		env.sim.faults.add({ product: 'projects', method: 'PATCH', path: `/tasks/${failing.zpId}$`, status: 400, times: Infinity });
		const runs: Failing['runs'] = [];
		let previous = since;
		for (let r = 0; r < FAILING_RUNS; r++) {
			const batch = others.slice(r * EDITS_PER_RUN, (r + 1) * EDITS_PER_RUN);
			env.sim.clock.advance(60_000);
			batch.forEach((pair, j) => editPair(env, pair, j, j % 2 ? 'projects' : 'crm'));
			const { cost, run, started } = await measure(env, previous, { projects: batch.length / 2, crm: batch.length });
			previous = started;
			const reported = run.errors.some((e) => String(e.message ?? '').includes(failing.crmId));
			runs.push({ crm: cost.calls.crm.total, projects: cost.calls.projects.total, total: cost.calls.total, floor: cost.floor.total, reported });
		}
		return { label: `${FAILING_PAIRS} pairs, one always failing, ${EDITS_PER_RUN} others edited before each run`, pairs: FAILING_PAIRS, runs };
	} finally {
		await stopProjectsSim(env.sim);
	}
}

function violationsOf(s: Scenario): string[] {
	const v: string[] = [];
	if (s.run.ratio > RATIO_TARGET) v.push(`${s.label}: ${s.run.calls.total} calls, ${s.run.ratio}× the paging floor of ${s.run.floor.total} (target ≤ ${RATIO_TARGET}×)`);
	if (s.next.calls.total > s.next.floor.listings) v.push(`${s.label}, next run with nothing changed: ${s.next.calls.total} calls, its listing pages are ${s.next.floor.listings}`);
	if (s.run.errors || s.next.errors) v.push(`${s.label}: ${s.run.errors + s.next.errors} item(s) on the error output`);
	if (s.pairsInSync !== s.pairs) v.push(`${s.label}: ${s.pairs - s.pairsInSync} of ${s.pairs} pairs not in sync`);
	return v;
}

function failingViolations(f: Failing): string[] {
	const v: string[] = [];
	// The first run lists the failing pair's own change: from the second on, every run must cost the same.
	const later = f.runs.slice(1).map((r) => r.total);
	if (Math.max(...later) !== Math.min(...later)) v.push(`${f.label}: calls per run ${f.runs.map((r) => r.total).join(', ')} (target: the same every run)`);
	const unreported = f.runs.filter((r) => !r.reported).length;
	if (unreported) v.push(`${f.label}: the failing pair was not on the error output in ${unreported} of ${f.runs.length} runs`);
	return v;
}

const split = (c: RunCost) => `${c.calls.crm.total} + ${c.calls.projects.total}`;
const kinds = (k: Calls['crm']) => [k.listings, k.reads, k.histories, k.lookups, k.writes].join('/');
const breakdown = (c: RunCost) => `CRM ${kinds(c.calls.crm)}, Projects ${kinds(c.calls.projects)}`;

async function main(): Promise<void> {
	const scenarios: Scenario[] = [];
	for (const size of SIZES) for (const share of SHARES) scenarios.push(await changedScenario(size, share));
	const failing = await failingScenario();
	const violations = [...scenarios.flatMap(violationsOf), ...failingViolations(failing)];
	const result = {
		benchmark: 'reconcile',
		description: 'Reconcile runs through the real node: calls (CRM + Projects) against the paging floor (definition: scripts/bench/reconcile.ts)',
		ratioTarget: RATIO_TARGET,
		scenarios,
		failing,
		violations,
		node: process.version,
		at: new Date().toISOString(),
	} satisfies BenchResult & Record<string, unknown>;

	console.log(`Reconcile: ${result.description}\n`);
	console.log(
		table([
			['scenario', 'changed', 'calls (CRM + Projects)', 'floor', 'ratio', 'CRM / Projects ratio', 'listings/reads/histories/look-ups/writes', 'next run', 'its listings', 'errors', 'in sync', 'real s'],
			...scenarios.map((s) => [
				s.label,
				s.changed,
				split(s.run),
				`${s.run.floor.total} (${s.run.floor.crm} + ${s.run.floor.projects})`,
				s.run.ratio,
				`${ratio(s.run.calls.crm.total, s.run.floor.crm)} / ${ratio(s.run.calls.projects.total, s.run.floor.projects)}`,
				breakdown(s.run),
				split(s.next),
				s.next.floor.listings,
				s.run.errors + s.next.errors,
				`${s.pairsInSync} / ${s.pairs}`,
				Math.round((s.run.realSeconds + s.next.realSeconds) * 10) / 10,
			]),
		]),
	);
	console.log(`\n${failing.label}: calls per run ${failing.runs.map((r) => `${r.total} (${r.crm} + ${r.projects}, floor ${r.floor})`).join(', ')}; reported ${failing.runs.filter((r) => r.reported).length}/${failing.runs.length}`);
	finish('reconcile.json', result, violations);
}

runBench(main);
