/**
 * The Zoho Projects rate budget (DESIGN §6). Zoho locks a user out of an API for up to 30 minutes
 * after about 100 calls to it in 2 minutes, so every call first takes a slot in a sliding window of
 * `budget` calls per 120 s, kept per credential and portal. All patterns share one window: that is
 * stricter than Zoho's per-API counter and stays safe if Zoho ever counts more coarsely.
 *
 * The windows and the known locks live in module memory, i.e. per n8n process: in queue mode each
 * worker paces on its own, so give each worker its share of the budget.
 */
import { projectsClock } from './clock';

export const BUDGET_WINDOW_MS = 120_000;
export const DEFAULT_BUDGET = 90;
/** Zoho's documented lockout, used when its message names no duration. */
export const DEFAULT_LOCK_MS = 30 * 60_000;

const windows = new Map<string, number[]>();
const locks = new Map<string, number>();

/** Wait (on the Projects clock) until one more call fits the budget, then count it. */
export async function takeSlot(key: string, budget: number): Promise<void> {
	const clock = projectsClock();
	const limit = Math.max(1, Math.floor(budget));
	for (;;) {
		const now = clock.now();
		const recent = (windows.get(key) ?? []).filter((t) => t > now - BUDGET_WINDOW_MS);
		if (recent.length < limit) {
			recent.push(now);
			windows.set(key, recent);
			return;
		}
		windows.set(key, recent);
		await clock.sleep(recent[recent.length - limit] + BUDGET_WINDOW_MS - now);
	}
}

/** Until when Zoho has locked this credential+portal out of an API pattern, if it has. */
export function lockedUntil(key: string, pattern: string): number | undefined {
	const until = locks.get(`${key} ${pattern}`);
	return until !== undefined && until > projectsClock().now() ? until : undefined;
}

export function recordLock(key: string, pattern: string, until: number): void {
	locks.set(`${key} ${pattern}`, until);
}

/** Forget every window and lock (tests). */
export function resetProjectsBudget(): void {
	windows.clear();
	locks.clear();
}

/**
 * Zoho counts calls per API, i.e. per URL pattern: ids and the portal are placeholders, so
 * `/api/v3/portal/1/projects/2/tasks/3` and `/api/v3/portal/1/projects/9/tasks/8` are one API.
 * The method is left out: a lock learnt from a GET is assumed to hold for a PATCH on the same URL.
 */
export function apiPattern(path: string): string {
	return path
		.split('/')
		.map((segment, i, all) => (/^\d+$/.test(segment) || all[i - 1] === 'portal' ? ':id' : segment))
		.join('/');
}
