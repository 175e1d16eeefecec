/**
 * The console page in headless Chromium against the simulator and the SMTP sink alone (no n8n):
 * the seed renders with its link states, edits made in the page land in the simulator as the chosen
 * user (and a refused one shows Zoho's refusal), a broken link shows as broken, and mail the sink
 * receives appears in the inbox with its Japanese text. Runs in CI once Chromium is installed.
 *
 *   npm run test:console:page        (exit code 0 on success; screenshot path printed)
 */
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createTransport } from 'nodemailer';

import { startSimStack, type SimStack } from '../e2e-kit/sim-stack';
import { TASKS, USERS } from '../zoho-sim/seed-data';
import { type Browser, launchChromium } from './browser';
import { ConsolePage } from './console-page';
import { expect, Steps } from './steps';

const WAIT_MS = 10_000;
const plan = TASKS.plan;

export async function runConsolePageTest(screenshotPath = join(tmpdir(), 'zts-console-page.png')): Promise<Steps> {
	const steps = new Steps();
	let stack: SimStack | undefined;
	let browser: Browser | undefined;
	try {
		const started = await steps.run('the simulator and the SMTP sink start', () => startSimStack({ liveClock: true }));
		stack = started;
		browser = await steps.run('headless Chromium starts', () => launchChromium());
		const page = new ConsolePage(await browser.context.newPage());
		await steps.run('the page shows the seed with its link states', async () => {
			await page.open(started.consoleUrl);
			const title = await page.page.locator(`[data-crm-task="${plan.crmId}"] [data-field="Subject"]`).textContent();
			expect(title === plan.name, `CRM subject shown as ${JSON.stringify(title)}`);
			expect((await page.rowState('crm', plan.crmId)) === 'linked', 'the plan pair is not shown as linked');
			expect((await page.rowState('crm', TASKS.kickoff.crmId)) === 'unlinked', 'the CRM-only task is not shown as unlinked');
			expect((await page.rowState('zp', TASKS.contentPlan.zpId)) === 'unlinked', 'the Projects-only task is not shown as unlinked');
		});

		await steps.run('a CRM due date typed in the page is saved as the chosen user', async () => {
			await page.actAs('crm', USERS.ichiro.crmId);
			const notice = await page.typeInto('crm', plan.crmId, 'Due_Date', '2026-12-12');
			expect(notice.kind === 'ok', `the page said: ${notice.text}`);
			const rec = started.sim.crm.getRecord('Tasks', plan.crmId) ?? {};
			expect(rec.Due_Date === '2026-12-12', `CRM Due_Date is ${String(rec.Due_Date)}`);
			expect((rec.Modified_By as { id?: string } | null)?.id === USERS.ichiro.crmId, 'the edit was not made as 鈴木 一郎');
			// Without n8n nothing syncs: the page must mark the pair as differing on the date.
			await page.page.locator(`[data-zp-task="${plan.zpId}"] [data-field="end_date"].differs`).waitFor({ timeout: WAIT_MS });
		});

		await steps.run('a CRM list value chosen in the page is saved', async () => {
			const notice = await page.choose('crm', plan.crmId, 'Priority', 'Low');
			expect(notice.kind === 'ok', `the page said: ${notice.text}`);
			expect(started.sim.crm.getRecord('Tasks', plan.crmId)?.Priority === 'Low', 'CRM Priority not saved');
		});

		await steps.run('Projects refuses an end date outside the strict project, and the page says why', async () => {
			await page.actAs('zp', USERS.hanako.zpuid);
			const notice = await page.typeInto('zp', plan.zpId, 'end_date', '2026-12-28');
			expect(notice.kind === 'error' && /strict/i.test(notice.text), `the page said: ${notice.text}`);
			expect(started.sim.projects.store.liveTask(plan.zpId)?.end_date === plan.end, 'the refused end date was saved');
		});

		await steps.run('a Projects edit in the page brings the pair back in step', async () => {
			await page.actAs('zp', USERS.ichiro.zpuid);
			const notice = await page.typeInto('zp', plan.zpId, 'end_date', '2026-12-12');
			expect(notice.kind === 'ok', `the page said: ${notice.text}`);
			const task = started.sim.projects.store.liveTask(plan.zpId);
			expect(task?.end_date === '2026-12-12' && task.updatedBy === USERS.ichiro.zpuid, 'Projects end date not saved as 鈴木 一郎');
			await page.waitForValue('zp', plan.zpId, 'end_date', '2026-12-12', WAIT_MS);
			await page.page.locator(`[data-zp-task="${plan.zpId}"] [data-field="end_date"]:not(.differs)`).waitFor({ timeout: WAIT_MS });
		});

		await steps.run('a Projects owner is chosen among the project users', async () => {
			const notice = await page.choose('zp', plan.zpId, 'owner', USERS.hanako.zpuid);
			expect(notice.kind === 'ok', `the page said: ${notice.text}`);
			expect(started.sim.projects.store.liveTask(plan.zpId)?.ownerZpuids.join() === USERS.hanako.zpuid, 'owner not saved');
		});

		await steps.run('a deleted counterpart shows the link as broken', async () => {
			started.sim.projects.deleteTask(TASKS.design.zpId, USERS.emily.zpuid);
			await page.page.locator(`[data-row][data-state="broken"]:has([data-crm-task="${TASKS.design.crmId}"])`).waitFor({ timeout: WAIT_MS });
		});

		await steps.run('mail the SMTP sink receives shows in the inbox, Japanese included', async () => {
			await sendSample(started);
			const known = new Set<string>();
			const mail = await page.waitForMail(known, (m) => m.subject.includes('期間固定'), WAIT_MS);
			expect(mail.to === USERS.ichiro.email, `shown to ${mail.to}`);
			expect(mail.body.includes('プロジェクトの期間外') && mail.body.includes('outside the dates'), `body shown as ${JSON.stringify(mail.body)}`);
			// mailparser derives the text of an HTML-only message; the page shows that text, never the markup.
			const html = await page.waitForMail(known, (m) => m.subject === 'HTML only', WAIT_MS);
			expect(html.body.includes('HTML body') && !html.body.includes('<'), `HTML-only body shown as ${JSON.stringify(html.body)}`);
			expect((await page.page.title()) === 'Zoho simulator console', 'markup from a mail ran in the page');
		});

		await steps.run('the page logged no errors', async () => {
			await page.screenshot(screenshotPath);
			expect(page.problems.length === 0, page.problems.join('\n'));
		});
		console.log(`  screenshot: ${screenshotPath}`);
	} catch (error) {
		steps.fail(error);
	} finally {
		await browser?.close();
		await stack?.stop();
	}
	return steps;
}

/** What the sync's refusal looks like, bilingual, plus an HTML-only message whose script must never run. */
async function sendSample(stack: SimStack): Promise<void> {
	const transport = createTransport({ host: '127.0.0.1', port: stack.sink.port, secure: false });
	await transport.sendMail({
		from: 'n8n <n8n@example.com>',
		to: USERS.ichiro.email,
		subject: '【Zoho連携】期間固定プロジェクトのため期限日の変更は反映されませんでした',
		text: '鈴木 一郎 様\n\n期限日 2026-12-28 はプロジェクトの期間外のため、Zoho Projects に反映されませんでした。\n\nThe due date 2026-12-28 is outside the dates of the strict project, so it was not applied.',
	});
	await transport.sendMail({ from: 'n8n@example.com', to: USERS.emily.email, subject: 'HTML only', html: '<p>HTML <b>body</b></p><script>parent.document.title="pwned"</script>' });
	transport.close();
}

if (require.main === module) {
	console.log('Simulator console in headless Chromium (simulator + SMTP sink, no n8n)');
	void runConsolePageTest(process.argv[2]).then((steps) => {
		console.log(steps.ok ? 'PASS' : 'FAIL');
		process.exit(steps.ok ? 0 : 1);
	});
}
