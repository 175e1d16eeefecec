/**
 * The demo, watched in headless Chromium: with the simulator, the SMTP sink and n8n running the
 * templates, a person edits a CRM task's due date in the console and sees the Projects side follow,
 * then moves it past the end of the strict project (利用例1) and sees the refusal e-mail arrive.
 *
 *   From the e2e runner:  await runConsoleE2E({ simUrl })      // resolves with the steps; never throws
 *   Alone:                npm run demo   (one terminal)
 *                         npm run test:console [-- --sim http://127.0.0.1:8090]   (another)
 *
 * Safe to repeat against the same running demo: each run picks dates that differ from the current ones.
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { launchChromium } from './browser';
import { ConsolePage } from './console-page';
import { expect, Steps } from './steps';

export interface ConsoleE2EOptions {
	/** The simulator's origin, e.g. http://127.0.0.1:8090 (its console and inbox live there). */
	simUrl: string;
	/** How long a change may take to cross over or an e-mail to arrive (default 90 s). */
	syncTimeoutMs?: number;
	screenshotPath?: string;
	log?: (line: string) => void;
}

export interface ConsoleE2EResult {
	ok: boolean;
	steps: Steps['results'];
	/** Set when the run got as far as the final screenshot. */
	screenshotPath?: string;
}

const plan = TASKS.plan;
const editor = USERS.ichiro;

export async function runConsoleE2E(options: ConsoleE2EOptions): Promise<ConsoleE2EResult> {
	const simUrl = options.simUrl.replace(/\/$/, '');
	const timeout = options.syncTimeoutMs ?? 90_000;
	const screenshotFile = options.screenshotPath ?? join(tmpdir(), 'zts-console-e2e.png');
	let screenshotPath: string | undefined;
	const steps = new Steps(options.log);
	let browser: Awaited<ReturnType<typeof launchChromium>> | undefined;
	try {
		await steps.run('the simulator answers with its console and inbox', () => checkStack(simUrl));
		browser = await steps.run('headless Chromium starts', () => launchChromium());
		const page = new ConsolePage(await browser.context.newPage());
		await steps.run('the console opens with the 利用例1 pair linked', async () => {
			await page.open(`${simUrl}/_sim/console`);
			expect((await page.rowState('crm', plan.crmId)) === 'linked', `${plan.name} is not shown as a linked pair`);
			await page.actAs('crm', editor.crmId);
		});

		const inside = await pickDate(page, insideDates());
		await steps.run(`a CRM due date edited in the page (→ ${inside}, as ${editor.name}) reaches Projects`, async () => {
			const notice = await page.typeInto('crm', plan.crmId, 'Due_Date', inside);
			expect(notice.kind === 'ok', `the page said: ${notice.text}`);
			await page.waitForValue('zp', plan.zpId, 'end_date', inside, timeout);
		});

		const known = new Set((await page.inbox()).map((m) => m.id));
		const outside = await pickDate(page, outsideDates());
		await steps.run(`a due date past the strict project's end (→ ${outside}) is refused by e-mail to ${editor.email}`, async () => {
			const notice = await page.typeInto('crm', plan.crmId, 'Due_Date', outside);
			expect(notice.kind === 'ok', `CRM itself should accept the date; the page said: ${notice.text}`);
			const mail = await page.waitForMail(known, (m) => m.to.split(',').includes(editor.email), timeout);
			expect(/[\u3040-\u30ff\u4e00-\u9fff]/.test(mail.subject + mail.body), 'the refusal e-mail has no Japanese text');
			expect(mentionsDate(mail.subject + mail.body, outside), `the refusal e-mail does not name the refused date ${outside}`);
			expect((await page.value('zp', plan.zpId, 'end_date')) === inside, 'the Projects end date moved past the strict project');
		});

		await steps.run('the page logged no errors', async () => {
			await page.screenshot(screenshotFile);
			screenshotPath = screenshotFile;
			expect(page.problems.length === 0, page.problems.join('\n'));
		});
	} catch (error) {
		steps.fail(error);
	} finally {
		await browser?.close();
	}
	return { ok: steps.ok, steps: steps.results, screenshotPath };
}

/** The simulator must serve the console and an inbox (startSimStack in test/e2e-kit does both). */
async function checkStack(simUrl: string): Promise<void> {
	const inbox = await fetch(`${simUrl}/_sim/inbox`).catch(() => undefined);
	expect(inbox?.status === 200, `no simulator with the console and an SMTP sink inbox at ${simUrl} (is \`npm run demo\` running?)`);
}

/**
 * Alone, the test runs against `npm run demo`, which links the console to n8n once n8n is up.
 * Undefined when no console answers (the first step then says so).
 */
async function demoHasN8n(simUrl: string): Promise<boolean | undefined> {
	const res = await fetch(`${simUrl}/_sim/console/model`).catch(() => undefined);
	if (!res?.ok) return undefined;
	const model = (await res.json()) as { links?: unknown[] };
	return Boolean(model.links?.length);
}

/** In-range dates of the strict project, and dates just past its end. */
function insideDates(): string[] {
	return Array.from({ length: 10 }, (_, i) => `2026-12-${String(11 + i).padStart(2, '0')}`);
}

function outsideDates(): string[] {
	const end = Number(PROJECTS.migration.end.slice(-2));
	return Array.from({ length: 5 }, (_, i) => `2026-12-${String(end + 2 + i).padStart(2, '0')}`);
}

/** The first candidate that differs from both sides' current dates, so every run is a real change. */
async function pickDate(page: ConsolePage, candidates: string[]): Promise<string> {
	const taken = new Set([await page.value('crm', plan.crmId, 'Due_Date'), await page.value('zp', plan.zpId, 'end_date')]);
	return candidates.find((d) => !taken.has(d)) ?? candidates[0];
}

/** 2026-12-28, 2026/12/28 or 2026年12月28日 (with or without leading zeros). */
function mentionsDate(text: string, date: string): boolean {
	const [y, m, d] = date.split('-');
	const n = (s: string) => String(Number(s));
	return [`${y}-${m}-${d}`, `${y}/${m}/${d}`, `${y}/${n(m)}/${n(d)}`, `${y}年${n(m)}月${n(d)}日`, `${y}年${m}月${d}日`].some((f) => text.includes(f));
}

if (require.main === module) {
	const args = process.argv.slice(2);
	const at = args.indexOf('--sim');
	const simUrl = at >= 0 ? args[at + 1] : `http://127.0.0.1:${process.env.ZTS_DEMO_SIM_PORT ?? 8090}`;
	console.log(`Simulator console in headless Chromium, against the running demo at ${simUrl}`);
	void demoHasN8n(simUrl)
		.then((withN8n) => {
			if (withN8n === false) console.log('  (warning: this simulator shows no n8n link: a demo started with --no-n8n syncs nothing)');
			return runConsoleE2E({ simUrl });
		})
		.then((result) => {
			if (result.screenshotPath) console.log(`  screenshot: ${result.screenshotPath}`);
			console.log(result.ok ? 'PASS' : 'FAIL');
			process.exit(result.ok ? 0 : 1);
		});
}
