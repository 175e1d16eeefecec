/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser). The flags keep Chromium
 * from reaching out to Google's services, which this machine's closed network refuses, and each run
 * gets a fresh, throw-away profile.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM = process.env.ZTS_CHROMIUM ?? '/usr/bin/chromium';

const FLAGS = [
	'--headless',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-quic',
	'--no-first-run',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
];

export interface Browser {
	context: BrowserContext;
	close(): Promise<void>;
}

export async function launchChromium(): Promise<Browser> {
	if (!existsSync(CHROMIUM)) {
		throw new Error(`Chromium is not at ${CHROMIUM}: install Debian's package (apt-get install -y chromium) or set ZTS_CHROMIUM`);
	}
	const profile = mkdtempSync(join(tmpdir(), 'zts-chromium-'));
	// playwright-core gives a persistent context its own --user-data-dir: the fresh folder above.
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM,
		headless: true,
		args: FLAGS,
		viewport: { width: 1500, height: 1000 },
		locale: 'ja-JP',
	});
	return {
		context,
		async close() {
			await context.close();
			rmSync(profile, { recursive: true, force: true });
		},
	};
}

/** For runners that skip the browser tests where Chromium is not installed. */
export function chromiumAvailable(): boolean {
	return existsSync(CHROMIUM);
}
