/**
 * `npm run bench` (DESIGN §10): engine throughput, calls per change, burst convergence and the portal
 * trigger's idle cost, one after another, each writing its file in bench-results/; then a short
 * summary. Benchmarks, not tests: never run by jest or CI. Exits non-zero when a benchmark fails or breaks an invariant (an echo that
 * writes, a throttle error, a window over the budget, a pair left out of sync).
 */
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { RESULTS_DIR, readResult, type BenchResult } from './results';

/** Each npm script and the file it writes. */
const STEPS = [
	['bench:engine', 'engine.json'],
	['bench:calls', 'calls.json'],
	['bench:burst', 'burst.json'],
	['bench:portal', 'portal-idle.json'],
	['bench:reconcile', 'reconcile.json'],
	['bench:latency', 'latency.json'],
] as const;

interface Engine {
	decisionsPerSecondMedian: number;
	pairs: number;
}
interface Calls extends BenchResult {
	summary: {
		crmToProjects: { projectsCallsMean: number; projectsCallsMax: number };
		projectsToCrm: { projectsCallsMean: number; projectsCallsMax: number };
		echoWrites: number;
	};
}
interface PortalIdle extends BenchResult {
	callsPerHourTarget: number;
	scenarios: {
		projects: number;
		idleCallsPerHour: number;
		taskDetectMinutes: { p50: number; max: number };
		commentDetectMinutes: { p50: number; max: number };
	}[];
}
interface Burst extends BenchResult {
	scenarios: {
		label: string;
		pairs: number;
		budget: number;
		projectsCalls: { total: number; perPair: number };
		busiestWindow: { all: number };
		lookToWrite: { p50: number; max: number };
		floor: { minutes: number; callsRatio: number; timeRatio: number };
		throttleErrors: number;
		simulatedMinutes: number;
		pairsInSync: number;
	}[];
}

interface RunCost {
	calls: { total: number };
	floor: { total: number; listings?: number };
	ratio: number;
}
interface Reconcile extends BenchResult {
	ratioTarget: number;
	scenarios: { label: string; run: RunCost; next: RunCost }[];
	failing: { runs: { total: number; reported: boolean }[] };
}
interface Latency extends BenchResult {
	n8n: { version: string };
	crmToProjects: { p50Ms: number; p95Ms: number; maxMs: number; converged: number; edits: number };
	projectsToCrm: { p50Ms: number; maxMs: number; converged: number; edits: number; pollSeconds: number };
	echo: { projectsWritesForCrmEdits: number; expected: number; projectsWritesOnProjectsEditedPairs: number };
}

const failed: string[] = [];
for (const [step, file] of STEPS) {
	// A step that dies before writing must not be summarised from an earlier run's file.
	rmSync(join(RESULTS_DIR, file), { force: true });
	console.log(`\n== npm run ${step}`);
	const run = spawnSync('npm', ['run', '--silent', step], { stdio: 'inherit' });
	if (run.status !== 0) failed.push(`${step} exited with ${run.status ?? run.signal}`);
	else if (!readResult(file)) failed.push(`${step} wrote no ${file}`);
}

const engine = readResult<Engine>('engine.json');
const calls = readResult<Calls>('calls.json');
const burst = readResult<Burst>('burst.json');
const portal = readResult<PortalIdle>('portal-idle.json');
const reconcile = readResult<Reconcile>('reconcile.json');
const latency = readResult<Latency>('latency.json');
console.log('\n== Summary (bench-results/)');
if (engine) console.log(`engine: ${engine.decisionsPerSecondMedian} decisions/s over ${engine.pairs} pairs`);
if (calls) {
	const { crmToProjects: c, projectsToCrm: p, echoWrites } = calls.summary;
	console.log(
		`calls:  CRM → Projects ${c.projectsCallsMean} Projects calls per change (max ${c.projectsCallsMax}); ` +
			`Projects → CRM ${p.projectsCallsMean} (max ${p.projectsCallsMax}); echo writes ${echoWrites}`,
	);
}
for (const s of burst?.scenarios ?? []) {
	console.log(
		`burst:  ${s.label}: ${s.projectsCalls.total} Projects calls (${s.projectsCalls.perPair} per pair), busiest 2 min ${s.busiestWindow.all}/${s.budget}, ` +
			`${s.throttleErrors} throttled, ${s.simulatedMinutes} simulated min (floor ${s.floor.minutes}; ×${s.floor.callsRatio} calls, ×${s.floor.timeRatio} time, target ≤ 1.15), look→write ${s.lookToWrite.p50}/${s.lookToWrite.max} s, ${s.pairsInSync}/${s.pairs} in sync`,
	);
}
for (const s of portal?.scenarios ?? []) {
	console.log(
		`portal: ${s.projects} project(s) idle: ${s.idleCallsPerHour} Projects calls/h (target ≤ ${portal!.callsPerHourTarget}); ` +
			`task change found in ${s.taskDetectMinutes.p50}/${s.taskDetectMinutes.max} min, comment in ${s.commentDetectMinutes.p50}/${s.commentDetectMinutes.max} min (p50/max)`,
	);
}
for (const s of reconcile?.scenarios ?? []) {
	console.log(
		`reconcile: ${s.label}: ${s.run.calls.total} calls, ${s.run.ratio}× the paging floor ${s.run.floor.total} (target ≤ ${reconcile!.ratioTarget}×); ` +
			`next run ${s.next.calls.total} (its listings ${s.next.floor.listings ?? s.next.floor.total})`,
	);
}
if (reconcile) {
	const runs = reconcile.failing.runs;
	console.log(`reconcile: failing pair: calls per run ${runs.map((r) => r.total).join(', ')}, reported ${runs.filter((r) => r.reported).length}/${runs.length}`);
}
if (latency) {
	const c = latency.crmToProjects;
	const p = latency.projectsToCrm;
	const e = latency.echo;
	const s = (ms: number) => Math.round(ms / 10) / 100;
	console.log(
		`latency: n8n ${latency.n8n.version}: CRM → Projects p50/p95/max ${s(c.p50Ms)}/${s(c.p95Ms)}/${s(c.maxMs)} s (${c.converged}/${c.edits}); ` +
			`Projects → CRM (poll ${p.pollSeconds} s) p50/max ${s(p.p50Ms)}/${s(p.maxMs)} s (${p.converged}/${p.edits}); echo Projects writes ${e.projectsWritesForCrmEdits}/${e.expected} + ${e.projectsWritesOnProjectsEditedPairs} back`,
	);
}
const violations = [...failed, ...(reconcile?.violations ?? []), ...(latency?.violations ?? []), ...(calls?.violations ?? []), ...(burst?.violations ?? []), ...(portal?.violations ?? [])];
for (const v of new Set(violations)) console.log(`FAILED: ${v}`);
console.log(violations.length ? 'bench: invariants violated' : 'bench: all invariants hold');
if (violations.length) process.exitCode = 1;
