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

/** One counted call: its time, or — while it is a reservation not yet used — the time it was reserved. */
interface Slot {
	at: number;
}

/**
 * A slot taken ahead for a call that is to follow at once (the write after a sync's look at a task):
 * the follow-up call does not queue behind other callers, so what was looked at is what is written over.
 */
export interface Reservation {
	key: string;
	slot: Slot;
}

const windows = new Map<string, Slot[]>();
const locks = new Map<string, number>();

function recentSlots(key: string, now: number): Slot[] {
	const recent = (windows.get(key) ?? []).filter((s) => s.at > now - BUDGET_WINDOW_MS);
	windows.set(key, recent);
	return recent;
}

/**
 * Wait (on the Projects clock) until one more call — and `reserve` more to follow it — fit the budget,
 * then count them all. Returns the reserved slot when one was asked for.
 */
export async function takeSlot(key: string, budget: number, reserve = false, urgent = false): Promise<Reservation | undefined> {
	// The first slot is spent at once: it counts from now, as a used reservation does.
	const slots = await reserveSlots(key, budget, () => (reserve ? 2 : 1), urgent);
	return slots[1];
}

/** Callers waiting with priority, per key: the others leave them room. */
const urgentWaiting = new Map<string, number>();

/**
 * Wait until `count()` slots fit the budget, then hold them all as reservations. `count` is asked
 * again at every check, since what a caller needs can change while it waits (a look another
 * execution's listing serves needs no slot of its own); 0 returns at once with none, for a caller
 * that must first wait for something else. Never more slots than the budget.
 */
export async function reserveSlots(key: string, budget: number, count: () => number, urgent = false): Promise<Reservation[]> {
	const limit = Math.max(1, Math.floor(budget));
	if (urgent) urgentWaiting.set(key, (urgentWaiting.get(key) ?? 0) + 1);
	try {
		return await waitForSlots(key, limit, count, urgent);
	} finally {
		if (urgent) urgentWaiting.set(key, urgentWaiting.get(key)! - 1);
	}
}

/**
 * `urgent`: a call others wait for (the next page of a listing that serves their looks) goes first —
 * were it to queue behind them, they would hold their slots while it waited for one.
 */
async function waitForSlots(key: string, limit: number, count: () => number, urgent: boolean): Promise<Reservation[]> {
	const clock = projectsClock();
	for (;;) {
		const now = clock.now();
		const recent = recentSlots(key, now);
		const wanted = count();
		if (wanted <= 0) return [];
		const needed = Math.min(limit, wanted);
		const leave = urgent ? 0 : Math.min(limit - needed, urgentWaiting.get(key) ?? 0);
		if (recent.length + needed + leave <= limit) {
			return Array.from({ length: needed }, () => {
				const slot = { at: now };
				recent.push(slot);
				return { key, slot };
			});
		}
		// Used reservations count from when they were used, so the slots are not in time order.
		const times = recent.map((s) => s.at).sort((a, b) => a - b);
		await clock.sleep(times[Math.max(0, recent.length + needed + leave - 1 - limit)] + BUDGET_WINDOW_MS - now);
	}
}

/**
 * Spend a reservation on the call being made now: it counts from now (Zoho counts the call when it
 * is made). False when the reservation has lapsed out of the window — the caller then takes a slot.
 */
export function useReservation(reservation: Reservation): boolean {
	const now = projectsClock().now();
	if (!recentSlots(reservation.key, now).includes(reservation.slot)) return false;
	reservation.slot.at = now;
	return true;
}

/**
 * The calls on these slots have been answered: they count from now. Zoho counted each when it arrived,
 * at some moment between the slot and the answer; counting from the answer keeps every window Zoho
 * sees within the budget, however long the request travelled or queued on the way.
 */
export function settle(slots: Reservation[]): void {
	const now = projectsClock().now();
	for (const { slot } of slots) slot.at = Math.max(slot.at, now);
}

/** Give back a reservation no call will use (the look found nothing to write). */
export function releaseReservation(reservation: Reservation): void {
	const slots = windows.get(reservation.key);
	const at = slots?.indexOf(reservation.slot) ?? -1;
	if (slots && at >= 0) slots.splice(at, 1);
}

/** Until when Zoho has locked this credential+portal out of an API pattern, if it has. */
export function lockedUntil(key: string, pattern: string): number | undefined {
	const until = locks.get(`${key} ${pattern}`);
	return until !== undefined && until > projectsClock().now() ? until : undefined;
}

export function recordLock(key: string, pattern: string, until: number): void {
	locks.set(`${key} ${pattern}`, until);
}

/** Forget every window and lock (tests, through resetProjectsBudget). */
export function resetBudgetWindows(): void {
	windows.clear();
	urgentWaiting.clear();
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
