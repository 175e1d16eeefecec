/**
 * The n8n half of the demo, entirely through the end-to-end runner's launcher library
 * (scripts/e2e/lib): the pinned n8n installed once into the shared cache, this package built and
 * installed from its `npm pack` tarball, credentials pointing at the simulator and the SMTP sink,
 * every template imported and activated.
 */
import { join } from 'node:path';

import { cacheDir, ensureN8n, N8N_VERSIONS } from '../e2e/lib/install';
import { launchN8n, type LaunchedN8n } from '../e2e/lib/launch';
import { buildAndPack } from '../e2e/lib/package';
import { note, step } from './say';

export interface DemoN8nOptions {
	simUrl: string;
	smtpPort: number;
	n8nPort: number;
}

/** The demo runs the first pinned version (1.123.x); ZTS_DEMO_N8N_VERSION picks another installed one. */
export const DEMO_N8N_VERSION = process.env.ZTS_DEMO_N8N_VERSION || N8N_VERSIONS[0];

export async function startDemoN8n(options: DemoN8nOptions): Promise<LaunchedN8n> {
	// The demo's own folders live beside the cached installs, never in the repository.
	const demoDir = join(cacheDir(), 'demo');
	const log = (line: string) => note(line.trim());

	step(`Checking the n8n ${DEMO_N8N_VERSION} install in ${cacheDir()} (the first run installs it: several minutes, about 2 GB)`);
	const install = await ensureN8n(DEMO_N8N_VERSION, { log });
	note(`n8n ${install.version} with Node ${install.runtime.version}: ${install.dir}`);

	step('Building this package and packing it as npm would publish it');
	const tarball = await buildAndPack({ outDir: join(demoDir, 'pack'), log });

	step(`Starting n8n on port ${options.n8nPort} with the package, its credentials (Zoho → simulator, SMTP → sink) and the templates`);
	const n8n = await launchN8n({
		version: DEMO_N8N_VERSION,
		simUrl: options.simUrl,
		smtpPort: options.smtpPort,
		// A fresh n8n each run: the simulator starts from its seed each run too, so old watch channels
		// and cursors in a kept database would point at state that no longer exists.
		userFolder: join(demoDir, 'n8n-home'),
		tarball,
		port: options.n8nPort,
		log,
	});
	for (const w of n8n.workflows) note(`${w.active ? '●' : '○'} ${w.name}${w.active ? '' : w.error ? `  (not active: ${w.error})` : '  (runs on demand)'}`);
	return n8n;
}
