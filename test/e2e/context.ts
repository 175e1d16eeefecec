/**
 * What an e2e scenario gets: the in-process simulator and SMTP sink, the launched n8n, and helpers
 * that wait on conditions (never fixed sleeps) and count what the sync wrote in the request log.
 */
import type { LaunchedN8n, LaunchedWorkflow } from '../../scripts/e2e/lib/launch';
import type { Log } from '../../scripts/e2e/lib/proc';
import type { SimStack } from '../e2e-kit/sim-stack';
import type { SinkMessage } from '../e2e-kit/smtp-sink';
import type { LogEntry } from '../zoho-sim/kit';

export interface Ctx {
	version: string;
	stack: SimStack;
	n8n: LaunchedN8n;
	log: Log;
	/** The imported workflow by file name (`crm-to-projects.json`) or by role (`crmToProjects`, see roles.ts). */
	workflow(fileOrRole: string): LaunchedWorkflow | undefined;
}

export class ScenarioSkip extends Error {}

/** Poll `probe` until it returns something other than undefined/false; throws with `what` on timeout. */
export async function waitUntil<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 30_000, everyMs = 250): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	let lastError: Error | undefined;
	for (;;) {
		try {
			const value = await probe();
			if (value !== undefined && value !== false) return value;
		} catch (error) {
			lastError = error as Error;
		}
		if (Date.now() > deadline) throw new Error(`timed out after ${Math.round(timeoutMs / 1000)} s waiting for ${what}${lastError ? ` (last error: ${lastError.message})` : ''}`);
		await new Promise((r) => setTimeout(r, everyMs));
	}
}

/** Wait until the request log has not grown for `quietMs` (the sync has settled). */
export async function settle(ctx: Ctx, quietMs = 4_000, timeoutMs = 90_000): Promise<void> {
	const log = ctx.stack.sim.log;
	let count = log.entries.length;
	let since = Date.now();
	await waitUntil(
		'the simulator request log to go quiet',
		() => {
			if (log.entries.length !== count) {
				count = log.entries.length;
				since = Date.now();
				return false;
			}
			return Date.now() - since >= quietMs;
		},
		timeoutMs,
	);
}

/** Log entries from `mark` on (a mark is `sim.log.entries.length` taken earlier). */
export function since(ctx: Ctx, mark: number): LogEntry[] {
	return ctx.stack.sim.log.entries.slice(mark);
}

export function describeEntries(entries: LogEntry[]): string {
	return entries.map((e) => `${e.method} ${e.path} → ${e.status}`).join('; ') || '(none)';
}

/** Messages the sink received from `mark` (a message id) on. */
export function mailSince(ctx: Ctx, mark: number): SinkMessage[] {
	return ctx.stack.sink.messages.filter((m) => m.id > mark);
}

export function lastMailId(ctx: Ctx): number {
	const all = ctx.stack.sink.messages;
	return all.length ? all[all.length - 1].id : 0;
}

/** Japanese text: hiragana, katakana or CJK ideographs. */
export const isJapanese = (text: string): boolean => /[\u3040-\u30ff\u4e00-\u9fff]/.test(text);

export function assert(condition: unknown, message: string): asserts condition {
	if (!condition) throw new Error(message);
}
