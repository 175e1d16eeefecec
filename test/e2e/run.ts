/**
 * `npm run test:e2e`: the package proven in a real n8n. Builds and packs the package, installs
 * (or reuses) the pinned n8n versions, and for each version starts the Zoho simulator (seed data,
 * live clock), an SMTP sink and n8n with the package, its credentials and every template, then
 * plays the scenarios and prints a pass/fail table. Exit code 1 on any failure.
 *
 *   npm run test:e2e                                   # every pinned version, every scenario
 *   npm run test:e2e -- --n8n 1.123.81                 # one version (repeatable)
 *   npm run test:e2e -- --only reconcile               # scenarios whose name contains a word
 *   npm run test:e2e -- --keep                         # keep n8n's user folders (logs, database)
 *   npm run test:e2e -- --smoke                        # the run's own tiny workflow, no templates
 *   npm run test:e2e -- --templates <dir>              # templates from another folder
 *   ZTS_N8N_CACHE=/path                                # where n8n installs are cached
 */
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { ensureN8n, N8N_VERSIONS } from '../../scripts/e2e/lib/install';
import { launchN8n, type LaunchedN8n, templateValues } from '../../scripts/e2e/lib/launch';
import { buildAndPack } from '../../scripts/e2e/lib/package';
import { installExitHandlers, killAllChildren } from '../../scripts/e2e/lib/proc';
import { prepareTemplates, templateFiles } from '../../scripts/e2e/lib/templates';
import { startSimStack, type SimStack } from '../e2e-kit/sim-stack';
import { type Ctx, ScenarioSkip } from './context';
import { type Scenario, SMOKE, requireActive } from './scenarios';
import { TEMPLATE_SCENARIOS } from './template-scenarios';
import { type Role, rolesOf } from './roles';
import { smokeWorkflow } from './smoke';

interface Args {
	versions: string[];
	only: string[];
	keep: boolean;
	smoke: boolean;
	build: boolean;
	/** Another templates folder (default: the repository's templates/). */
	templates?: string;
}

function parseArgs(argv: string[]): Args {
	const args: Args = { versions: [], only: [], keep: false, smoke: false, build: true };
	for (let i = 0; i < argv.length; i++) {
		const a = argv[i];
		if (a === '--n8n' || a === '--version') args.versions.push(argv[++i]);
		else if (a === '--only') args.only.push(argv[++i]);
		else if (a === '--keep') args.keep = true;
		else if (a === '--smoke') args.smoke = true;
		else if (a === '--no-build') args.build = false;
		else if (a === '--templates') args.templates = argv[++i];
		else throw new Error(`unknown argument ${a}`);
	}
	if (!args.versions.length) args.versions = [...N8N_VERSIONS];
	return args;
}

interface Row {
	version: string;
	scenario: string;
	result: 'PASS' | 'FAIL' | 'SKIP';
	seconds: number;
	detail: string;
}

const started = Date.now();
const clock = () => {
	const s = Math.floor((Date.now() - started) / 1000);
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
};
const log = (line: string) => console.log(line);
const step = (line: string) => console.log(`\n[${clock()}] ${line}`);

let current: { stack?: SimStack; n8n?: LaunchedN8n } = {};

async function stopCurrent(): Promise<void> {
	const { n8n, stack } = current;
	current = {};
	await n8n?.stop().catch(() => undefined);
	await stack?.stop().catch(() => undefined);
}

async function runVersion(version: string, tarball: string, workRoot: string, args: Args, rows: Row[]): Promise<void> {
	const files = templateFiles(args.templates);
	const useTemplates = !args.smoke && files.length > 0;
	const scenarios: Scenario[] = (useTemplates ? TEMPLATE_SCENARIOS : SMOKE).filter((s) => !args.only.length || args.only.some((w) => s.name.includes(w)));
	const add = (scenario: string, result: Row['result'], seconds: number, detail: string) => {
		rows.push({ version, scenario, result, seconds, detail });
		log(`   ${result === 'PASS' ? '✔' : result === 'SKIP' ? '–' : '✖'} ${scenario} (${seconds} s)${detail ? `: ${detail}` : ''}`);
	};

	step(`n8n ${version}: simulator, SMTP sink, n8n with the package${useTemplates ? ` and ${files.length} templates` : ' and the smoke workflow'}`);
	const userFolder = join(workRoot, `n8n-${version}`);
	const t0 = Date.now();
	let n8n: LaunchedN8n;
	try {
		current.stack = await startSimStack({ liveClock: true });
		const stack = current.stack;
		log(`   simulator ${stack.simUrl}, SMTP sink 127.0.0.1:${stack.sink.port}`);
		n8n = await launchN8n({
			version,
			simUrl: stack.simUrl,
			smtpPort: stack.sink.port,
			userFolder,
			tarball,
			templates: useTemplates ? prepareTemplates(templateValues(), files) : [],
			extraWorkflows: useTemplates ? [] : [smokeWorkflow()],
			log,
		});
		current.n8n = n8n;
	} catch (error) {
		add('start n8n with the package, credentials and workflows', 'FAIL', Math.round((Date.now() - t0) / 1000), (error as Error).message.split('\n').slice(0, 12).join('\n      '));
		await stopCurrent();
		return;
	}
	const inactive = n8n.workflows.filter((w) => w.prepared.hasTrigger && !w.active);
	add(
		'start n8n, import credentials and workflows, activate',
		inactive.length ? 'FAIL' : 'PASS',
		Math.round((Date.now() - t0) / 1000),
		inactive.length ? inactive.map((w) => `${w.file}: ${w.error}`).join('; ') : `${n8n.workflows.length} imported, ${n8n.workflows.filter((w) => w.active).length} active`,
	);

	// The reconcile template also runs on a schedule (every 15 minutes): a run landing inside a
	// scenario would sync what the scenario waits for the triggers to sync, and write the sync
	// state of other pairs into the echo count. It proved it activates; the reconcile scenario
	// runs it by hand.
	for (const w of n8n.workflows.filter((x) => x.active && rolesOf(x.prepared).includes('reconcile') && x.prepared.types.includes('n8n-nodes-base.scheduleTrigger'))) {
		await n8n.client.deactivate(w.id);
		w.active = false;
	}

	const ctx: Ctx = {
		version,
		stack: current.stack!,
		n8n,
		log,
		workflow: (key) =>
			n8n.workflows.find((w) => w.file === key) ??
			n8n.workflows.filter((w) => rolesOf(w.prepared).includes(key as Role)).sort((a, b) => Number(b.active) - Number(a.active))[0],
	};
	for (const scenario of scenarios) {
		const s0 = Date.now();
		try {
			requireActive(ctx, scenario.needs);
			const detail = await scenario.run(ctx);
			add(scenario.name, 'PASS', Math.round((Date.now() - s0) / 1000), detail ?? '');
		} catch (error) {
			if (error instanceof ScenarioSkip) add(scenario.name, 'SKIP', 0, error.message);
			else add(scenario.name, 'FAIL', Math.round((Date.now() - s0) / 1000), (error as Error).message);
		}
	}
	const failed = rows.some((r) => r.version === version && r.result !== 'PASS');
	if (failed) log(`   n8n log: ${n8n.process.logFile}\n${n8n.process.logTail(25).replace(/^/gm, '      | ')}`);
	await stopCurrent();
	if (!failed && !args.keep) rmSync(userFolder, { recursive: true, force: true });
	else log(`   kept ${userFolder} (n8n.log, database)`);
}

function printTable(rows: Row[]): void {
	const width = Math.max(...rows.map((r) => r.scenario.length), 10);
	for (const version of [...new Set(rows.map((r) => r.version))]) {
		const mine = rows.filter((r) => r.version === version);
		console.log(`\nn8n ${version}`);
		console.log(`  ${'scenario'.padEnd(width)}  result  time`);
		for (const r of mine) console.log(`  ${r.scenario.padEnd(width)}  ${r.result.padEnd(6)}  ${String(r.seconds).padStart(3)} s`);
	}
}

/** The closing line CI reads: `e2e: N passed, N failed` (a skipped scenario counts as failed). */
function printSummary(rows: Row[]): void {
	const passed = rows.filter((r) => r.result === 'PASS').length;
	console.log(`e2e: ${passed} passed, ${rows.length - passed} failed`);
}

async function main(): Promise<void> {
	const args = parseArgs(process.argv.slice(2));
	installExitHandlers(stopCurrent, log);
	const workRoot = join(tmpdir(), `zts-e2e-${process.pid}`);
	mkdirSync(workRoot, { recursive: true });
	const rows: Row[] = [];

	step(args.build ? 'Build and pack the package (npm run build, npm pack)' : 'Pack the package (npm pack)');
	const tarball = await buildAndPack({ outDir: join(workRoot, 'pack'), build: args.build, log });

	for (const version of args.versions) {
		step(`Install n8n ${version} (reused from the cache when present)`);
		const t0 = Date.now();
		const install = await ensureN8n(version, { log });
		log(`   ${install.dir} ready (${Math.round((Date.now() - t0) / 1000)} s), Node ${install.runtime.version}`);
	}
	for (const version of args.versions) await runVersion(version, tarball, workRoot, args, rows);

	printTable(rows);
	const failed = rows.some((r) => r.result !== 'PASS');
	if (!failed && !args.keep) rmSync(workRoot, { recursive: true, force: true });
	console.log(`\ntotal ${clock()}`);
	printSummary(rows);
	killAllChildren();
	process.exit(failed ? 1 : 0);
}

main().catch(async (error) => {
	console.error(`\n✖ ${(error as Error).stack ?? error}`);
	await stopCurrent();
	killAllChildren();
	process.exit(1);
});
