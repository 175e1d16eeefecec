/**
 * Install (or check) the pinned n8n versions in the cache without running anything:
 *   npx ts-node --transpile-only scripts/e2e/install.ts [version …]
 * Prints how long each took; ZTS_N8N_CACHE chooses the cache folder.
 */
import { cacheDir, ensureN8n, N8N_VERSIONS } from './lib/install';

async function main(): Promise<void> {
	const versions = process.argv.slice(2).length ? process.argv.slice(2) : [...N8N_VERSIONS];
	console.log(`n8n cache: ${cacheDir()}`);
	for (const version of versions) {
		const t0 = Date.now();
		const install = await ensureN8n(version);
		console.log(`n8n ${version}: ${install.dir} (${Math.round((Date.now() - t0) / 1000)} s)`);
	}
}

main().catch((error) => {
	console.error((error as Error).message);
	process.exit(1);
});
