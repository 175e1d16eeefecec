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
		throttleErrors: number;
		simulatedMinutes: number;
		pairsInSync: number;
	}[];
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
			`${s.throttleErrors} throttled, ${s.simulatedMinutes} simulated min, look→write ${s.lookToWrite.p50}/${s.lookToWrite.max} s, ${s.pairsInSync}/${s.pairs} in sync`,
	);
}
for (const s of portal?.scenarios ?? []) {
	console.log(
		`portal: ${s.projects} project(s) idle: ${s.idleCallsPerHour} Projects calls/h (target ≤ ${portal!.callsPerHourTarget}); ` +
			`task change found in ${s.taskDetectMinutes.p50}/${s.taskDetectMinutes.max} min, comment in ${s.commentDetectMinutes.p50}/${s.commentDetectMinutes.max} min (p50/max)`,
	);
}
const violations = [...failed, ...(calls?.violations ?? []), ...(burst?.violations ?? []), ...(portal?.violations ?? [])];
for (const v of new Set(violations)) console.log(`FAILED: ${v}`);
console.log(violations.length ? 'bench: invariants violated' : 'bench: all invariants hold');
if (violations.length) process.exitCode = 1;
