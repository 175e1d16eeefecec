/**
 * `npm run bench:calls`: what one field change costs in API calls (DESIGN §6), counted in the
 * simulator's request log while the real Zoho Task Sync node runs through n8n-core's WorkflowExecute.
 * Each change is synced once in its own direction, then the reverse sync of the same pair runs at
 * once, as the other side's trigger would fire for the write: that echo must write nothing.
 * A benchmark, not a test: it prints a table and writes bench-results/calls.json.
 */
// First: n8n-core must not write its settings under the developer's ~/.n8n (as in jest).
import '../../test/setup-env';

import type { IDataObject } from 'n8n-workflow';

import { withCalendarDates } from '../../nodes/shared/projects';
import { syncEnv, type SyncEnv, type SyncRun } from '../../test/sync-node/helpers';
import { PORTAL_ID, PROJECTS, STATUSES, TASKS, USERS } from '../../test/zoho-sim/seed-data';
import { finish, runBench, table, type BenchResult } from './results';

type Side = 'crm' | 'projects';
type SeedTask = (typeof TASKS)[keyof typeof TASKS];

interface Change {
	field: string;
	/** A seeded linked pair whose two sides agree, so the change is the only difference. */
	pair: SeedTask;
	/** The edit as a CRM user makes it (Tasks field values)… */
	crm: IDataObject;
	/** …and as a Projects user makes it (a V3 PATCH body), by a member of the pair's project. */
	projects: IDataObject;
	projectsEditor: string;
}

// Design mock-ups: the open pair in the ordinary project; データ検証: the closed pair, for reopening.
const CHANGES: Change[] = [
	{ field: 'subject', pair: TASKS.design, crm: { Subject: 'Design mock-ups v2' }, projects: { name: 'Design mock-ups v2' }, projectsEditor: 'emily' },
	{
		field: 'description',
		pair: TASKS.design,
		crm: { Description: 'Home page & product pages\n二行目 <注意>' },
		projects: { description: '<div>Home page &amp; product pages<br>二行目 &lt;注意&gt;</div>' },
		projectsEditor: 'emily',
	},
	{ field: 'due date', pair: TASKS.design, crm: { Due_Date: '2026-12-03' }, projects: { end_date: '2026-12-03' }, projectsEditor: 'emily' },
	{ field: 'priority', pair: TASKS.design, crm: { Priority: 'High' }, projects: { priority: 'high' }, projectsEditor: 'emily' },
	{ field: 'status: close', pair: TASKS.design, crm: { Status: 'Completed' }, projects: { status: { id: STATUSES.closed.id } }, projectsEditor: 'emily' },
	{ field: 'status: reopen', pair: TASKS.verify, crm: { Status: 'In Progress' }, projects: { status: { id: STATUSES.open.id } }, projectsEditor: 'hanako' },
	{
		field: 'owner',
		pair: TASKS.design,
		crm: { Owner: { id: USERS.ichiro.crmId } },
		projects: { owners_and_work: { owners: [{ zpuid: USERS.ichiro.zpuid }] } },
		projectsEditor: 'emily',
	},
];

interface Calls {
	reads: number;
	writes: number;
}
interface Cost {
	projects: Calls;
	crm: Calls;
}
interface Measured {
	field: string;
	direction: 'crmToProjects' | 'projectsToCrm';
	sync: Cost;
	echo: Cost;
	/** The requests of the sync, so a reader sees what each call was for. */
	projectsRequests: string[];
	crmRequests: string[];
	outcome: string;
}

const params = (source: Side) => ({ operation: 'syncTask', source });
/** The item each side's trigger hands the node for this pair: the CRM record id; the task as the Projects trigger polled it. */
function itemFor(env: SyncEnv, source: Side, pair: SeedTask): IDataObject {
	if (source === 'crm') return { id: pair.crmId };
	const task = env.sim.projects.task(pair.zpId) as IDataObject;
	return { event: 'taskUpdated', portal_id: PORTAL_ID, project_id: PROJECTS[pair.project as keyof typeof PROJECTS].id, ...withCalendarDates(task) };
}

/** `GET /projects/1/tasks/2` → `GET task`: what each Projects call was for, short enough for the table. */
function shortName(request: string): string {
	const [method, path] = request.split(' ');
	const what = path
		.replace(/^\/projects\/\d+\/tasks\/\d+$/, 'task')
		.replace(/^\/projects\/\d+\/(\w+)$/, 'project $1')
		.replace(/^\/projects\/\d+$/, 'project')
		.replace(/^\/users$/, 'portal users');
	return `${method} ${what}`;
}

function cost(env: SyncEnv): Cost {
	const side = (product: Side): Calls => {
		const writes = env.calls(product, true);
		return { reads: env.calls(product) - writes, writes };
	};
	return { projects: side('projects'), crm: side('crm') };
}

function outcomeOf(run: SyncRun): string {
	if (run.error) return `failed: ${run.error.message}`;
	if (run.errors.length) return `error: ${String(run.errors[0].error ?? JSON.stringify(run.errors[0]))}`;
	if (run.rejected.length) return `rejected: ${String(run.rejected[0].rule)}`;
	if (run.synced.length) return 'synced';
	return `skipped: ${String(run.skipped[0]?.reason)}`;
}

/** One change in one direction, on a fresh simulator (and a fresh pacer window) so nothing is shared. */
async function measure(change: Change, source: Side): Promise<Measured> {
	const env = await syncEnv();
	try {
		// The pair's first sync stores the base; not counted. Look-ups the rules need start cold (fresh simulator).
		const prime = await env.run(params('crm'), [itemFor(env, 'crm', change.pair)]);
		if (prime.error || prime.errors.length) throw new Error(`priming ${change.pair.name} failed: ${outcomeOf(prime)}`);
		env.sim.clock.advance(60_000);
		if (source === 'crm') env.sim.crm.editAsUser('Tasks', change.pair.crmId, change.crm, USERS.ichiro.crmId);
		else env.sim.projects.editTask(change.pair.zpId, change.projects, change.projectsEditor);

		env.mark();
		const from = env.sim.log.entries.length;
		const sync = await env.run(params(source), [itemFor(env, source, change.pair)]);
		const syncCost = cost(env);
		const projectsRequests = env.projectsRequests();
		const crmRequests = env.sim.log.entries.slice(from).filter((e) => e.product === 'crm').map((e) => `${e.method} ${e.route}`);

		const reverse: Side = source === 'crm' ? 'projects' : 'crm';
		env.mark();
		const echo = await env.run(params(reverse), [itemFor(env, reverse, change.pair)]);
		const echoOutcome = outcomeOf(echo);
		return {
			field: change.field,
			direction: source === 'crm' ? 'crmToProjects' : 'projectsToCrm',
			sync: syncCost,
			echo: cost(env),
			projectsRequests,
			crmRequests,
			outcome: echoOutcome === 'skipped: unchanged' ? outcomeOf(sync) : `${outcomeOf(sync)}; echo ${echoOutcome}`,
		};
	} finally {
		await env.sim.stop();
	}
}

async function main(): Promise<void> {
	const rows: Measured[] = [];
	for (const change of CHANGES) for (const source of ['crm', 'projects'] as const) rows.push(await measure(change, source));

	const violations: string[] = [];
	for (const r of rows) {
		const where = `${r.field} ${r.direction}`;
		const echoWrites = r.echo.projects.writes + r.echo.crm.writes;
		if (echoWrites > 0) violations.push(`${where}: the echo wrote ${echoWrites} time(s)`);
		if (!r.outcome.startsWith('synced')) violations.push(`${where}: the change was not carried (${r.outcome})`);
	}

	const perDirection = (direction: Measured['direction']) => {
		const of = rows.filter((r) => r.direction === direction);
		const projects = of.map((r) => r.sync.projects.reads + r.sync.projects.writes);
		const crm = of.map((r) => r.sync.crm.reads + r.sync.crm.writes);
		const mean = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 100) / 100;
		return { changes: of.length, projectsCallsMean: mean(projects), projectsCallsMax: Math.max(...projects), crmCallsMean: mean(crm), crmCallsMax: Math.max(...crm) };
	};
	const result = {
		benchmark: 'calls',
		description: 'API calls per field change of a linked pair, and of the reverse sync right after it (the echo)',
		designTarget: 'CRM→Projects: at most 2 Projects calls (one read, one write) unless a rule needs the project or its users; echoes write nothing',
		changes: rows,
		summary: {
			crmToProjects: perDirection('crmToProjects'),
			projectsToCrm: perDirection('projectsToCrm'),
			echoWrites: rows.reduce((n, r) => n + r.echo.projects.writes + r.echo.crm.writes, 0),
			echoProjectsCallsMax: Math.max(...rows.map((r) => r.echo.projects.reads + r.echo.projects.writes)),
		},
		violations,
		node: process.version,
		at: new Date().toISOString(),
	} satisfies BenchResult & IDataObject;

	const rw = (c: Calls) => `${c.reads} + ${c.writes}`;
	console.log('Calls per change (reads + writes), counted in the simulator\'s request log:\n');
	console.log(
		table([
			['field', 'direction', 'Projects', 'CRM', 'echo Projects', 'echo CRM', 'Projects requests of the sync'],
			...rows.map((r) => [
				r.field,
				r.direction === 'crmToProjects' ? 'CRM → Projects' : 'Projects → CRM',
				rw(r.sync.projects),
				rw(r.sync.crm),
				rw(r.echo.projects),
				rw(r.echo.crm),
				r.projectsRequests.map(shortName).join(', '),
			]),
		]),
	);
	const s = result.summary;
	console.log(
		`\nCRM → Projects: ${s.crmToProjects.projectsCallsMean} Projects calls per change on average (max ${s.crmToProjects.projectsCallsMax}); ` +
			`Projects → CRM: ${s.projectsToCrm.projectsCallsMean} (max ${s.projectsToCrm.projectsCallsMax}); echo writes: ${s.echoWrites}`,
	);
	finish('calls.json', result, violations);
}

runBench(main);
