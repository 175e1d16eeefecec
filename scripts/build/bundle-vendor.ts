/**
 * Build step (after tsc): tsc compiles nodes/shared/vendor/entities.ts to a file that requires
 * `entities` from node_modules, which n8n never installs for a community node (no runtime
 * dependencies). This replaces that file in dist with a self-contained esbuild bundle of the same
 * module, headed by the upstream licence notice that BSD-2-Clause asks redistributions to keep.
 *
 * `ts-node --transpile-only scripts/build/bundle-vendor.ts [outfile]` (default: the dist file).
 */
import { build } from 'esbuild';
import { readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const repoDir = resolve(__dirname, '..', '..');
export const vendorEntry = join(repoDir, 'nodes', 'shared', 'vendor', 'entities.ts');
export const distVendorFile = join(repoDir, 'dist', 'nodes', 'shared', 'vendor', 'entities.js');

/** The bundled package's name, version and LICENSE text, as a comment esbuild keeps verbatim. */
function licenseBanner(): string {
	// Read from the path esbuild resolves `entities` to from the entry (the hoisted devDependency);
	// the package's exports map does not expose package.json to require.resolve.
	const packageDir = join(repoDir, 'node_modules', 'entities');
	const pkg = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string; license: string };
	const license = readFileSync(join(packageDir, 'LICENSE'), 'utf8').trim().replace(/\*\//g, '* /');
	return [
		'/*!',
		` * Bundled third-party code: entities@${pkg.version} (https://github.com/fb55/entities), ${pkg.license}.`,
		' * Built from nodes/shared/vendor/entities.ts by scripts/build/bundle-vendor.ts.',
		' *',
		...license.split('\n').map((line) => (line ? ` * ${line}` : ' *')),
		' */',
	].join('\n');
}

/** Bundle the vendor module into `outfile`: CommonJS for Node 20, nothing left to require. */
export async function bundleEntities(outfile: string): Promise<void> {
	await build({
		entryPoints: [vendorEntry],
		outfile,
		bundle: true,
		platform: 'node',
		format: 'cjs',
		target: 'node20',
		// Readable output, so the shipped code can be audited against upstream.
		minify: false,
		sourcemap: false,
		banner: { js: licenseBanner() },
		logLevel: 'warning',
	});
	// tsc's source map described the file this replaced.
	rmSync(`${outfile}.map`, { force: true });
}

if (require.main === module) {
	const outfile = resolve(process.argv[2] ?? distVendorFile);
	bundleEntities(outfile).then(
		() => console.log(`bundled entities into ${outfile}`),
		(error: unknown) => {
			console.error(error);
			process.exit(1);
		},
	);
}
