/**
 * This package, the way a self-hosted n8n user gets it: `npm pack` of the built repository, then
 * `npm install <tarball>` inside `<N8N_USER_FOLDER>/.n8n/nodes` (n8n's community-package folder,
 * with its own package.json). A file the published package lacks is then missing in n8n too.
 *
 * n8n's own installer (1.123 `CommunityPackagesService.downloadPackage`) strips peer, dev and
 * optional dependencies and installs with scripts ignored; here `--legacy-peer-deps` keeps the
 * `n8n-workflow` peer out of the folder the same way, so the nodes use the n8n-workflow of the
 * n8n that loads them (n8n puts its own node_modules on NODE_PATH).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { cleanEnv, type NodeRuntime, runtimeEnv } from './install';
import { defaultLog, type Log, run } from './proc';

export const PACKAGE_NAME = 'n8n-nodes-zoho-task-sync';

/** The repository root (this file is scripts/e2e/lib/package.ts). */
export const REPO_DIR = resolve(__dirname, '..', '..', '..');

export interface PackOptions {
	repoDir?: string;
	/** Where the tarball goes. */
	outDir: string;
	/** Run `npm run build` first (default true). */
	build?: boolean;
	log?: Log;
}

/** Build (unless told not to) and `npm pack`; returns the tarball's path. */
export async function buildAndPack(options: PackOptions): Promise<string> {
	const log = options.log ?? defaultLog;
	const repoDir = options.repoDir ?? REPO_DIR;
	mkdirSync(options.outDir, { recursive: true });
	const logFile = join(options.outDir, 'pack.log');
	if (options.build !== false) {
		log('   npm run build');
		await run('npm', ['run', 'build'], { cwd: repoDir, env: cleanEnv(), logFile, log, what: 'building' });
	}
	const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', options.outDir], { cwd: repoDir, env: cleanEnv(), logFile, log, what: 'packing' });
	const packed = JSON.parse(stdout.slice(stdout.indexOf('['))) as { filename: string; files: { path: string }[] }[];
	const tarball = join(options.outDir, packed[0].filename);
	log(`   npm pack → ${tarball} (${packed[0].files.length} files)`);
	return tarball;
}

/**
 * Install the tarball into `<userFolder>/.n8n/nodes` as n8n's community-package folder has it.
 * Returns the installed package folder.
 */
export async function installPackage(userFolder: string, tarball: string, runtime: NodeRuntime, log: Log = defaultLog): Promise<string> {
	const nodesDir = join(userFolder, '.n8n', 'nodes');
	mkdirSync(nodesDir, { recursive: true });
	const manifest = join(nodesDir, 'package.json');
	if (!existsSync(manifest)) writeFileSync(manifest, JSON.stringify({ name: 'installed-nodes', private: true, dependencies: {} }, null, 2));
	await run(
		'npm',
		['install', resolve(tarball), '--legacy-peer-deps', '--ignore-scripts', '--no-audit', '--no-fund', '--bin-links=false', '--loglevel=error'],
		{ cwd: nodesDir, env: runtimeEnv(runtime), logFile: join(userFolder, 'package-install.log'), log, what: 'installing the package tarball' },
	);
	const dir = join(nodesDir, 'node_modules', PACKAGE_NAME);
	const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { n8n?: { nodes?: string[]; credentials?: string[] } };
	const missing = [...(pkg.n8n?.nodes ?? []), ...(pkg.n8n?.credentials ?? [])].filter((file) => !existsSync(join(dir, file)));
	if (missing.length) throw new Error(`The packed package lacks files its package.json names: ${missing.join(', ')}`);
	if (existsSync(join(nodesDir, 'node_modules', 'n8n-workflow'))) {
		throw new Error('n8n-workflow was installed into the nodes folder: the peer dependency must come from n8n itself');
	}
	return dir;
}
