/**
 * `npm run demo`: the Zoho simulator with the seed data and a live clock, an SMTP sink, and a real
 * n8n with this package, its credentials and the activated templates — then the two URLs a person
 * needs. Ctrl-C stops everything this process started, and nothing else.
 *
 *   npm run demo                       # everything (the first run installs n8n: minutes, gigabytes)
 *   npm run demo -- --no-n8n           # only the simulator, its console and the SMTP sink
 *   ZTS_DEMO_SIM_PORT=8090 ZTS_DEMO_SMTP_PORT=2525 ZTS_DEMO_N8N_PORT=5678   (defaults)
 *   ZTS_N8N_CACHE=~/.cache/zts-n8n     # where n8n is installed (shared with npm run test:e2e)
 */
import { createServer } from 'node:net';

import type { LaunchedN8n } from '../e2e/lib/launch';
import { installExitHandlers } from '../e2e/lib/proc';
import { startSimStack, type SimStack } from '../../test/e2e-kit/sim-stack';
import type { ConsoleLink } from '../../test/zoho-sim/console';
import { PROJECTS, TASKS } from '../../test/zoho-sim/seed-data';
import { startDemoN8n } from './n8n';
import { banner, fail, note, step } from './say';

interface DemoOptions {
	simPort: number;
	smtpPort: number;
	n8nPort: number;
	withN8n: boolean;
}

function options(argv: string[]): DemoOptions {
	const port = (name: string, fallback: number): number => {
		const value = Number(process.env[name] || fallback);
		if (!Number.isInteger(value) || value <= 0 || value > 65535) fail(`${name} must be a port number, got ${process.env[name]}`);
		return value;
	};
	return {
		simPort: port('ZTS_DEMO_SIM_PORT', 8090),
		smtpPort: port('ZTS_DEMO_SMTP_PORT', 2525),
		n8nPort: port('ZTS_DEMO_N8N_PORT', 5678),
		withN8n: !argv.includes('--no-n8n'),
	};
}

/** Refuse early, with the way out, rather than after minutes of installing. */
async function checkPortFree(port: number, what: string, variable: string): Promise<void> {
	const free = await new Promise<boolean>((resolve) => {
		const server = createServer();
		server.once('error', () => resolve(false));
		server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
	});
	if (!free) fail(`port ${port} (${what}) is in use — is a demo already running? Stop it, or choose another port with ${variable}=…`);
}

/** Set once Ctrl-C (or SIGTERM) started the shutdown. */
let interrupted = false;

async function main(): Promise<void> {
	const opts = options(process.argv.slice(2));
	const links: ConsoleLink[] = [];
	/** What is running, for the exit handlers (filled in as things start). */
	const running: { stack?: SimStack; n8n?: LaunchedN8n } = {};

	// Ctrl-C (or SIGTERM) at any point: n8n first, so it does not log errors about a vanished
	// simulator, then the simulator and the sink; the library then kills any child still running (an
	// npm install in progress included). A second Ctrl-C kills at once.
	installExitHandlers(async () => {
		interrupted = true;
		await running.n8n?.stop();
		await running.stack?.stop();
	});

	await checkPortFree(opts.simPort, 'the Zoho simulator', 'ZTS_DEMO_SIM_PORT');
	await checkPortFree(opts.smtpPort, 'the SMTP sink', 'ZTS_DEMO_SMTP_PORT');
	if (opts.withN8n) await checkPortFree(opts.n8nPort, 'n8n', 'ZTS_DEMO_N8N_PORT');

	step(`Starting the Zoho simulator on port ${opts.simPort} (seed data, live clock) and the SMTP sink on port ${opts.smtpPort}`);
	const stack = await startSimStack({ simPort: opts.simPort, smtpPort: opts.smtpPort, liveClock: true, links });
	running.stack = stack;
	note(`simulator console: ${stack.consoleUrl} (open it now if you like; n8n joins it when it is up)`);
	const n8n = opts.withN8n ? await startDemoN8n({ simUrl: stack.simUrl, smtpPort: stack.sink.port, n8nPort: opts.n8nPort }) : undefined;
	running.n8n = n8n;
	if (n8n) links.push({ label: 'Open the n8n editor', url: n8n.editorUrl });

	const project = PROJECTS.migration;
	banner([
		...(n8n
			? [
					`n8n editor         ${n8n.editorUrl}`,
					`  e-mail           ${n8n.owner.email}`,
					`  password         ${n8n.owner.password}`,
					`  workflows        ${n8n.workflows.filter((w) => w.active).length} active of ${n8n.workflows.length}`,
					`  n8n's log        ${n8n.process.logFile}`,
				]
			: ['n8n                not started (--no-n8n): edits stay where they are made']),
		`Simulator console  ${stack.consoleUrl}`,
		`Zoho simulator     ${stack.simUrl}  (Accounts, CRM and Projects APIs; control API under /_sim)`,
		`SMTP sink          127.0.0.1:${stack.sink.port}  (its mail shows in the console's inbox)`,
		'',
		`Try it: in the console, change the due date of ${TASKS.plan.name} on the CRM side and watch the`,
		`Projects side follow; then set it after ${project.end} (the strict project ${project.name} ends then)`,
		'and watch the refusal e-mail arrive in the inbox.',
		'',
		'Ctrl-C stops everything started here.',
	]);
}

main().catch((error: Error) => {
	// A step cut short by Ctrl-C fails too; that is no news to the person who pressed it.
	if (interrupted) return;
	console.error(`\n✖ ${error.message}`);
	// The exit handlers stop whatever was started before the failure.
	process.kill(process.pid, 'SIGTERM');
});
