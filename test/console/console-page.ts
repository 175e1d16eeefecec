/**
 * The simulator console as a person uses it, for the Chromium tests: pick who you are, click a value,
 * type or choose, read the confirmation, watch the other side and the inbox. Everything goes through
 * the page (clicks and keys), never through the simulator's routes.
 */
import type { Page } from 'playwright-core';

export type Side = 'crm' | 'zp';

export interface Notice {
	/** The page numbers its notices; a higher number is newer. */
	id: number;
	kind: 'ok' | 'error' | 'info';
	text: string;
}

export interface InboxEntry {
	id: string;
	to: string;
	subject: string;
	body: string;
}

const cardSelector = (side: Side, taskId: string): string => (side === 'crm' ? `[data-crm-task="${taskId}"]` : `[data-zp-task="${taskId}"]`);

export class ConsolePage {
	/** Browser-side problems (uncaught errors, console.error) seen while the page was open. */
	readonly problems: string[] = [];

	constructor(readonly page: Page) {
		page.on('pageerror', (error) => this.problems.push(`page error: ${error.message}`));
		page.on('console', (message) => {
			// Chromium logs every 4xx answer; a 400 is Zoho refusing an edit, which the page reports itself.
			if (message.type() === 'error' && !/status of 400/.test(message.text())) this.problems.push(`console.error: ${message.text()}`);
		});
	}

	async open(consoleUrl: string): Promise<void> {
		await this.page.goto(consoleUrl);
		await this.page.locator('[data-row]').first().waitFor({ timeout: 15_000 });
		await this.page.locator('#live[data-live="ok"]').waitFor({ timeout: 15_000 });
	}

	/** Choose who edits on a side ("Edit as"), by CRM user id or zpuid. */
	async actAs(side: Side, userId: string): Promise<void> {
		await this.page.selectOption(side === 'crm' ? '#crm-actor' : '#zp-actor', userId);
	}

	/** The value a field holds on the page (`data-value`: the raw value, e.g. a `YYYY-MM-DD` date). */
	async value(side: Side, taskId: string, field: string): Promise<string> {
		return (await this.field(side, taskId, field).getAttribute('data-value')) ?? '';
	}

	async rowState(side: Side, taskId: string): Promise<string> {
		return (await this.page.locator(`[data-row]:has(${cardSelector(side, taskId)})`).getAttribute('data-state')) ?? '';
	}

	/** Resolves once the page shows `value` in the field (the board refreshes every second). */
	async waitForValue(side: Side, taskId: string, field: string, value: string, timeoutMs: number): Promise<void> {
		await this.page.locator(`${cardSelector(side, taskId)} [data-field="${field}"][data-value="${value}"]`).waitFor({ timeout: timeoutMs });
	}

	/** Click the value, type the new one, press Enter; resolves with the page's confirmation or refusal. */
	async typeInto(side: Side, taskId: string, field: string, text: string): Promise<Notice> {
		const before = await this.notices();
		await this.field(side, taskId, field).click();
		const input = this.field(side, taskId, field).locator('input');
		await input.fill(text);
		await input.press('Enter');
		return this.nextNotice(before);
	}

	/** Click the value and pick an option (by its value) from the list that opens. */
	async choose(side: Side, taskId: string, field: string, optionValue: string): Promise<Notice> {
		const before = await this.notices();
		await this.field(side, taskId, field).click();
		await this.field(side, taskId, field).locator('select').selectOption(optionValue);
		return this.nextNotice(before);
	}

	async inbox(): Promise<InboxEntry[]> {
		return this.page.locator('[data-inbox-message]').evaluateAll((nodes) =>
			nodes.map((n) => ({
				id: n.getAttribute('data-inbox-message') ?? '',
				to: n.getAttribute('data-to') ?? '',
				subject: n.querySelector('.mail-subject')?.textContent ?? '',
				body: n.querySelector('.mail-body')?.textContent ?? '',
			})),
		);
	}

	/** Resolves with the first inbox entry not in `known` that matches, as the page shows it. */
	async waitForMail(known: Set<string>, match: (entry: InboxEntry) => boolean, timeoutMs: number): Promise<InboxEntry> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const found = (await this.inbox()).find((e) => !known.has(e.id) && match(e));
			if (found) {
				// Open it, as a reader would, so the body is on screen for the screenshot.
				const item = this.page.locator(`[data-inbox-message="${found.id}"]`);
				if ((await item.getAttribute('open')) === null) await item.locator('summary').click();
				return found;
			}
			if (Date.now() > deadline) throw new Error(`no new matching e-mail in the inbox within ${timeoutMs} ms`);
			await this.page.waitForTimeout(500);
		}
	}

	async screenshot(path: string): Promise<void> {
		await this.page.screenshot({ path, fullPage: true });
	}

	private field(side: Side, taskId: string, field: string) {
		return this.page.locator(`${cardSelector(side, taskId)} [data-field="${field}"]`);
	}

	private notices(): Promise<Notice[]> {
		return this.page.locator('#toasts .toast').evaluateAll((nodes) =>
			nodes.map((n): Notice => ({
				id: Number(n.getAttribute('data-toast') ?? 0),
				kind: n.classList.contains('ok') ? 'ok' : n.classList.contains('error') ? 'error' : 'info',
				text: n.textContent ?? '',
			})),
		);
	}

	/** The first ok/error notice newer than those on screen before (inbox "new mail" notices are skipped). */
	private async nextNotice(before: Notice[]): Promise<Notice> {
		const newest = Math.max(0, ...before.map((n) => n.id));
		const deadline = Date.now() + 10_000;
		for (;;) {
			const fresh = (await this.notices()).find((n) => n.kind !== 'info' && n.id > newest);
			if (fresh) return fresh;
			if (Date.now() > deadline) throw new Error('the page showed no confirmation or refusal for the edit');
			await this.page.waitForTimeout(100);
		}
	}
}
