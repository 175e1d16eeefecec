/**
 * `npm run bench:portal`: what the Projects trigger costs when it watches a whole portal (Watch: All
 * projects of the portal, tasks and comments), polled every minute, on the simulator's clock through
 * n8n-core's PollContext. For 1, 10 and 50 projects of 200 tasks each: the Projects calls of one
 * simulated idle hour (counted from the simulator's log), then how long a task change and a new
 * comment on a linked task take to be delivered (p50/max over injected changes, each made half-way
 * between two polls). Target (issue 11): ≤ 10 % of the default budget, 270 calls an hour, for 50
 * projects. Writes bench-results/portal-idle.json.
 */
// First: n8n-core must not write its settings under the developer's ~/.n8n (as in jest).
import '../../test/setup-env';

import type { IDataObject, INode } from 'n8n-workflow';

import { BUDGET_WINDOW_MS, DEFAULT_BUDGET } from '../../nodes/shared/projects';
import { DEFAULT_CALLS_PER_POLL } from '../../nodes/ZohoProjects/trigger/options';
import type { WorkflowSpec } from '../../test/harness/engine';
import { CREDENTIAL_REF } from '../../test/harness/sim';
import { TRIGGER, freshHarness, portal, startProjectsSim, stopProjectsSim } from '../../test/projects-node/helpers';
import { FIELDS } from '../../test/zoho-sim/seed-data';
import { finish, runBench, table, type BenchResult } from './results';

const SIZES = (process.env.BENCH_PORTAL_SIZES ?? '1,10,50').split(',').map(Number);
const TASKS_PER_PROJECT = 200;
/** Tasks per project linked to a CRM task (comments are looked for on these only). */
const LINKED_PER_PROJECT = Number(process.env.BENCH_PORTAL_LINKED ?? 20);
const CHANGES = 5;
const MINUTE = 60_000;
const HOUR_CALL_TARGET = Math.floor(((DEFAULT_BUDGET * (3_600_000 / BUDGET_WINDOW_MS)) / 10));
/** Give up on a change not delivered within this many polls (reported as undetected). */
const MAX_WAIT_POLLS = 6 * 60;

interface Scenario {
	projects: number;
	tasks: number;
	linkedTasks: number;
	maxCallsPerPoll: number;
	idleCallsPerHour: number;
	/** The trigger's own calls in its busiest poll (a resend after a 401 left out). */
	busiestPoll: number;
	/** Calls refused for an expired token, over the whole run (each resent after the refresh). */
	expiredTokenCalls: number;
	taskDetectMinutes: { p50: number | null; max: number | null; undetected: number };
	commentDetectMinutes: { p50: number | null; max: number | null; undetected: number };
}

const quantile = (xs: number[], q: number) => {
	if (!xs.length) return null;
	const s = [...xs].sort((a, b) => a - b);
	return s[Math.min(s.length - 1, Math.floor(q * s.length))];
};

const NAME = 'Projects Trigger';
const spec: WorkflowSpec = {
	nodes: [
		{
			id: 't',
			name: NAME,
			type: TRIGGER,
			typeVersion: 1,
			position: [0, 0],
			parameters: { portalId: portal, watch: 'portal', events: ['taskCreated', 'taskUpdated', 'commentAdded'] },
			credentials: CREDENTIAL_REF,
		},
	] as INode[],
	connections: {},
};

async function scenario(projects: number): Promise<Scenario> {
	const sim = await startProjectsSim();
	try {
		// Only the benchmark's projects: the seed's two would blur the count.
		for (const id of [...sim.projects.store.projects.keys()]) sim.projects.store.projects.delete(id);
		const linked: Array<{ project: string; task: string }> = [];
		const all: Array<{ project: string; task: string }> = [];
		for (let p = 0; p < projects; p++) {
			const project = sim.projects.createProject({ name: `Bench project ${p}`, key: `B${p}` });
			for (let t = 0; t < TASKS_PER_PROJECT; t++) {
				const link = t < LINKED_PER_PROJECT ? { [FIELDS.projectsCrmTaskId]: String(4876876000100000000 + p * 1000 + t) } : {};
				const task = sim.projects.createTask(project, { name: `Task ${t}`, ...link });
				all.push({ project, task: String(task.id) });
				if (t < LINKED_PER_PROJECT) linked.push({ project, task: String(task.id) });
			}
		}
		const harness = freshHarness(sim);
		const delivered = new Map<string, number>();
		let busiestPoll = 0;
		let resent = 0;
		const poll = async () => {
			sim.clock.advance(MINUTE);
			sim.log.clear();
			const out = await harness.poll(spec, NAME);
			const calls = sim.log.count({ product: 'projects' });
			// A call refused for an expired token (once an hour) is resent after the refresh: Zoho counts
			// both, and so does the hourly figure; the per-poll cap is about the trigger's own calls.
			const expired = sim.log.filter({ product: 'projects' }).filter((c) => c.status === 401).length;
			resent += expired;
			busiestPoll = Math.max(busiestPoll, calls - expired);
			for (const item of out?.[0] ?? []) {
				const j = item.json as IDataObject;
				const key = j.event === 'commentAdded' ? `c:${String(j.id)}` : `t:${String(j.id)}:${String(j.name)}`;
				if (!delivered.has(key)) delivered.set(key, sim.clock.now());
			}
			return calls;
		};

		// The first poll lists the portal's projects and starts watching; then one idle hour.
		await poll();
		let idle = 0;
		for (let n = 0; n < 60; n++) idle += await poll();

		// Changes, each half-way between two polls, spread over the projects (busy and quiet alike).
		const pending: Array<{ key: string; at: number; kind: 'task' | 'comment' }> = [];
		for (let c = 0; c < CHANGES; c++) {
			for (let n = 0; n < 7; n++) await poll();
			sim.clock.advance(MINUTE / 2);
			const target = all[(c * 7919 + 13) % all.length];
			const name = `Changed ${c}`;
			sim.projects.editTask(target.task, { name });
			pending.push({ key: `t:${target.task}:${name}`, at: sim.clock.now(), kind: 'task' });
			const where = linked[(c * 104_729 + 7) % linked.length];
			const comment = sim.projects.addComment(where.task, `<p>Bench comment ${c}</p>`);
			pending.push({ key: `c:${String(comment.id)}`, at: sim.clock.now(), kind: 'comment' });
			sim.clock.advance(-MINUTE / 2 + 1);
		}
		for (let n = 0; n < MAX_WAIT_POLLS && pending.some((p) => !delivered.has(p.key)); n++) await poll();

		const minutes = (kind: 'task' | 'comment') => {
			const mine = pending.filter((p) => p.kind === kind);
			const got = mine.filter((p) => delivered.has(p.key)).map((p) => (delivered.get(p.key)! - p.at) / MINUTE);
			const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
			return { p50: round(quantile(got, 0.5)), max: round(got.length ? Math.max(...got) : null), undetected: mine.length - got.length };
		};
		return {
			projects,
			tasks: projects * TASKS_PER_PROJECT,
			linkedTasks: linked.length,
			maxCallsPerPoll: DEFAULT_CALLS_PER_POLL,
			idleCallsPerHour: idle,
			busiestPoll,
			expiredTokenCalls: resent,
			taskDetectMinutes: minutes('task'),
			commentDetectMinutes: minutes('comment'),
		};
	} finally {
		await stopProjectsSim(sim);
	}
}

async function main(): Promise<void> {
	const scenarios: Scenario[] = [];
	for (const n of SIZES) {
		const started = Date.now();
		scenarios.push(await scenario(n));
		console.log(`${n} project(s): ${((Date.now() - started) / 1000).toFixed(1)} s`);
	}
	const violations: string[] = [];
	for (const s of scenarios) {
		if (s.idleCallsPerHour > HOUR_CALL_TARGET) violations.push(`${s.projects} projects: ${s.idleCallsPerHour} idle Projects calls/hour > ${HOUR_CALL_TARGET} (10 % of the budget)`);
		if (s.busiestPoll > s.maxCallsPerPoll) violations.push(`${s.projects} projects: a poll made ${s.busiestPoll} calls > cap ${s.maxCallsPerPoll}`);
		if (s.taskDetectMinutes.undetected) violations.push(`${s.projects} projects: ${s.taskDetectMinutes.undetected} task change(s) never delivered`);
		if (s.commentDetectMinutes.undetected) violations.push(`${s.projects} projects: ${s.commentDetectMinutes.undetected} comment(s) not delivered within ${MAX_WAIT_POLLS} polls`);
	}
	const fmt = (d: Scenario['taskDetectMinutes']) => `${d.p50 ?? '–'} / ${d.max ?? '–'}${d.undetected ? ` (${d.undetected} missed)` : ''}`;
	console.log(
		table([
			['projects', 'tasks', 'linked', 'idle calls/h (target ≤ ' + HOUR_CALL_TARGET + ')', 'busiest poll', 'task change p50/max min', 'comment p50/max min'],
			...scenarios.map((s) => [s.projects, s.tasks, s.linkedTasks, s.idleCallsPerHour, s.busiestPoll, fmt(s.taskDetectMinutes), fmt(s.commentDetectMinutes)]),
		]),
	);
	console.log(
		`Zoho allows about 100 Projects calls per 2 minutes per user (then a lock); the product paces at ${DEFAULT_BUDGET} per 2 minutes, ${HOUR_CALL_TARGET * 10} an hour.`,
	);
	finish(
		'portal-idle.json',
		{
			benchmark: 'portal-idle',
			violations,
			node: process.version,
			at: new Date().toISOString(),
			pollEveryMinutes: 1,
			callsPerHourTarget: HOUR_CALL_TARGET,
			scenarios,
		} as BenchResult & IDataObject,
		violations,
	);
}

runBench(main);
