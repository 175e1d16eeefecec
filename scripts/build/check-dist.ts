/**
 * Build step (last): the built package must run where n8n installs it, which has none of our
 * devDependencies. Two checks, failing the build on either:
 * 1. every `require(...)` / `import(...)` in dist/**\/*.js names a relative file, a Node builtin or
 *    a package n8n itself provides to community nodes (PROVIDED);
 * 2. a copy of dist outside this repository (so no node_modules above it), given only PROVIDED,
 *    loads every node and credential package.json lists, and its HTML-to-text decodes entities
 *    through the bundled decoder (`&mdash;` → `—`).
 *
 * `ts-node --transpile-only scripts/build/check-dist.ts [distDir]` (default: this repository's dist).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';

const repoDir = resolve(__dirname, '..', '..');

/**
 * Packages a community node may require at run time without depending on them: the peer
 * dependency n8n-workflow, and luxon, a dependency of n8n-workflow (so installed wherever it is;
 * n8n's community-node lint allows it too), used by the Projects node's date filter.
 */
export const PROVIDED: readonly string[] = ['n8n-workflow', 'luxon'];

export interface DistRequire {
	file: string;
	request: string;
}

function jsFiles(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
		const path = join(dir, entry.name);
		if (entry.isDirectory()) return jsFiles(path);
		return entry.name.endsWith('.js') ? [path] : [];
	});
}

/** Every module request in the dist JavaScript; a computed one is reported as `<computed>`. */
export function distRequires(distDir: string): DistRequire[] {
	const found: DistRequire[] = [];
	for (const file of jsFiles(distDir)) {
		const code = readFileSync(file, 'utf8');
		const name = relative(distDir, file);
		for (const m of code.matchAll(/\b(?:require|import)\s*\(\s*(?:(['"`])([^'"`]*)\1\s*\)|(?=[^'"`\s]))/g)) {
			found.push({ file: name, request: m[2] ?? '<computed>' });
		}
		for (const m of code.matchAll(/^\s*(?:import|export)\b[^;]*?\bfrom\s*(['"])([^'"]+)\1/gm)) {
			found.push({ file: name, request: m[2] });
		}
	}
	return found;
}

export function isAllowedRequest(request: string): boolean {
	if (request.startsWith('./') || request.startsWith('../')) return true;
	if (isBuiltin(request)) return true;
	return PROVIDED.includes(request);
}

/** The requests that would fail where n8n installs the package, as `file: request`. */
export function forbiddenRequires(distDir: string): string[] {
	return distRequires(distDir)
		.filter((r) => !isAllowedRequest(r.request))
		.map((r) => `${r.file}: require('${r.request}')`);
}

export interface IsolatedLoad {
	loaded: string[];
	decoded: string;
}

/**
 * Copy `distDir` (with package.json) to a temporary directory with no node_modules above it,
 * offer only PROVIDED (linked from this repository's node_modules through NODE_PATH), and in a
 * fresh Node process load every node and credential plus the sync's HTML-to-text.
 */
export function loadIsolated(distDir: string): IsolatedLoad {
	const root = mkdtempSync(join(tmpdir(), 'zts-dist-'));
	try {
		for (let dir = root; dir !== dirname(dir); dir = dirname(dir)) {
			if (existsSync(join(dir, 'node_modules'))) throw new Error(`${dir}/node_modules would make the isolated load meaningless`);
		}
		const pkgDir = join(root, 'package');
		cpSync(distDir, join(pkgDir, 'dist'), { recursive: true });
		cpSync(join(repoDir, 'package.json'), join(pkgDir, 'package.json'));
		const provided = join(root, 'provided');
		mkdirSync(provided);
		for (const name of PROVIDED) symlinkSync(join(repoDir, 'node_modules', name), join(provided, name), 'dir');

		const pkg = JSON.parse(readFileSync(join(repoDir, 'package.json'), 'utf8')) as { n8n: { nodes: string[]; credentials: string[] } };
		const entries = [...pkg.n8n.credentials, ...pkg.n8n.nodes];
		const probe = `
			const entries = ${JSON.stringify(entries)};
			for (const entry of entries) require('./' + entry);
			const { htmlToText } = require('./dist/nodes/shared/sync/text');
			process.stdout.write(JSON.stringify({ loaded: entries, decoded: htmlToText('<p>A &mdash; caf&eacute; &hellip; &#x1F600;</p>') }));
		`;
		const run = spawnSync(process.execPath, ['-e', probe], {
			cwd: pkgDir,
			env: { PATH: process.env.PATH ?? '', NODE_PATH: provided },
			encoding: 'utf8',
		});
		if (run.status !== 0) throw new Error(`the isolated dist does not load:\n${run.stderr}`);
		return JSON.parse(run.stdout) as IsolatedLoad;
	} finally {
		rmSync(root, { recursive: true, force: true });
	}
}

export const EXPECTED_DECODED = 'A — café … 😀';

/** Both checks; the problems found, empty when the dist is fit to publish. */
export function checkDist(distDir: string): string[] {
	const problems = forbiddenRequires(distDir);
	if (problems.length > 0) return problems;
	const load = loadIsolated(distDir);
	if (load.decoded !== EXPECTED_DECODED) return [`htmlToText decoded to ${JSON.stringify(load.decoded)}, not ${JSON.stringify(EXPECTED_DECODED)}`];
	return [];
}

if (require.main === module) {
	const distDir = resolve(process.argv[2] ?? join(repoDir, 'dist'));
	let problems: string[];
	try {
		problems = checkDist(distDir);
	} catch (error) {
		problems = [String(error instanceof Error ? error.message : error)];
	}
	if (problems.length > 0) {
		console.error(`dist check failed (${distDir}):\n  ${problems.join('\n  ')}`);
		process.exit(1);
	}
	console.log(`dist check: only relative files, Node builtins and ${PROVIDED.join(', ')} are required; the package loads without node_modules and decodes entities`);
}
