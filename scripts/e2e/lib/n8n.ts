/**
 * A real n8n process for the e2e run and the demo: its environment (loopback only, no telemetry,
 * webhooks advertised on 127.0.0.1 so the simulator's callbacks reach it), its CLI commands
 * (`import:credentials` before start), start with a wait until n8n says its editor is up, and stop.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

import { type N8nInstall, runtimeEnv } from './install';
import { defaultLog, lastLines, type Log, run, startProcess, type Started } from './proc';

export interface N8nOptions {
	install: N8nInstall;
	/** N8N_USER_FOLDER: n8n keeps `.n8n/` (database, settings, community packages) here. */
	userFolder: string;
	/** The editor/API/webhook port on 127.0.0.1 (0 or absent: a free one). */
	port?: number;
	/** Fixed, so credentials imported by the CLI stay readable by the server. */
	encryptionKey?: string;
	/** More environment variables (they win). */
	env?: NodeJS.ProcessEnv;
	log?: Log;
}

export interface N8nProcess {
	version: string;
	/** `http://127.0.0.1:<port>` (no trailing slash). */
	url: string;
	port: number;
	userFolder: string;
	/** n8n's stdout and stderr. */
	logFile: string;
	/** The last lines of the log (for failure reports). */
	logTail(lines?: number): string;
	stop(): Promise<void>;
	kill(): void;
}

export const DEFAULT_ENCRYPTION_KEY = 'zoho-task-sync-e2e-not-a-secret-0001';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
	});
}

/** The environment n8n runs with (also for its CLI commands). */
export function n8nEnv(options: N8nOptions & { port: number; brokerPort: number }): NodeJS.ProcessEnv {
	const url = `http://127.0.0.1:${options.port}/`;
	return runtimeEnv(options.install.runtime, {
		N8N_USER_FOLDER: options.userFolder,
		N8N_PORT: String(options.port),
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PROTOCOL: 'http',
		// The URL triggers give to Zoho (the CRM notify_url): 1.x reads WEBHOOK_URL, 2.x N8N_WEBHOOK_URL.
		...(options.install.version.startsWith('1.') ? { WEBHOOK_URL: url } : { N8N_WEBHOOK_URL: url }),
		N8N_UNVERIFIED_PACKAGES_ENABLED: 'true',
		N8N_EDITOR_BASE_URL: url,
		N8N_ENCRYPTION_KEY: options.encryptionKey ?? DEFAULT_ENCRYPTION_KEY,
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_SECURE_COOKIE: 'false',
		N8N_COMMUNITY_PACKAGES_ENABLED: 'true',
		N8N_PUBLIC_API_SWAGGERUI_DISABLED: 'true',
		// Each n8n on the machine needs its own task-runner broker port (default 5679).
		N8N_RUNNERS_BROKER_PORT: String(options.brokerPort),
		DB_SQLITE_POOL_SIZE: '2',
		EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
		EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
		N8N_LOG_LEVEL: 'info',
		N8N_LOG_OUTPUT: 'console',
		NODE_ENV: 'production',
		...options.env,
	});
}

export interface N8nCli {
	/** Run `n8n <args>` (e.g. `import:credentials --input=f.json`) to completion. */
	cli(args: string[]): Promise<string>;
	env: NodeJS.ProcessEnv;
	port: number;
}

/** Choose the ports and prepare the user folder; the CLI can run before the server starts. */
export async function prepareN8n(options: N8nOptions): Promise<N8nCli & { start(): Promise<N8nProcess> }> {
	const log = options.log ?? defaultLog;
	const port = options.port || (await freePort());
	const brokerPort = await freePort();
	mkdirSync(join(options.userFolder, '.n8n'), { recursive: true });
	const env = n8nEnv({ ...options, port, brokerPort });
	const cliLog = join(options.userFolder, 'n8n-cli.log');
	const cli = async (args: string[]): Promise<string> => {
		const { stdout } = await run(options.install.runtime.node, [options.install.bin, ...args], {
			cwd: options.userFolder,
			env,
			logFile: cliLog,
			log,
			what: `n8n ${args[0]}`,
			timeoutMs: 180_000,
		});
		return stdout;
	};
	return { cli, env, port, start: () => startN8n(options, env, port) };
}

async function startN8n(options: N8nOptions, env: NodeJS.ProcessEnv, port: number): Promise<N8nProcess> {
	const logFile = join(options.userFolder, 'n8n.log');
	writeFileSync(logFile, '');
	const started = Date.now();
	const proc: Started = startProcess(options.install.runtime.node, [options.install.bin, 'start'], { cwd: options.userFolder, env, logFile });
	const url = `http://127.0.0.1:${port}`;
	const logTail = (lines = 40) => {
		try {
			return lastLines(readFileSync(logFile, 'utf8'), lines);
		} catch {
			return '';
		}
	};
	const deadline = Date.now() + 240_000;
	for (;;) {
		if (proc.exited()) throw new Error(`n8n ${options.install.version} exited while starting:\n${logTail()}`);
		if (Date.now() > deadline) {
			await proc.stop(5_000);
			throw new Error(`n8n ${options.install.version} did not finish starting (GET /rest/settings and its 'Editor is now accessible' line) within 240 s:\n${logTail()}`);
		}
		try {
			// The HTTP server (and /rest/settings) comes up before the rest of the start: n8n prints
			// its editor URL only once every route is registered and active workflows are activated.
			const res = await fetch(`${url}/rest/settings`, { signal: AbortSignal.timeout(2_000) });
			if (res.ok && logTail(400).includes('Editor is now accessible via')) break;
		} catch {
			// not listening yet
		}
		await new Promise((r) => setTimeout(r, 500));
	}
	(options.log ?? defaultLog)(`   n8n ${options.install.version} is up at ${url} (${Math.round((Date.now() - started) / 1000)} s)`);
	return {
		version: options.install.version,
		url,
		port,
		userFolder: options.userFolder,
		logFile,
		logTail,
		stop: () => proc.stop(20_000),
		kill: () => proc.kill(),
	};
}
