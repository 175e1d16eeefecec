/**
 * Zoho Projects' rolling throttle: more than `limit` calls by one user to one URL pattern within
 * `windowMs` locks that user+pattern for `lockMs`. All on the simulator clock.
 */
import { json, type SimClock, type SimResponse } from '../kit';
import type { ProjectsOptions } from './options';

export class Throttle {
	private calls = new Map<string, number[]>();
	private locks = new Map<string, number>();

	constructor(
		private clock: SimClock,
		private options: () => ProjectsOptions,
	) {}

	private static key(userId: string, pattern: string): string {
		return `${userId} ${pattern}`;
	}

	/** Count one call; the refusal when the user+pattern is (or now becomes) locked. Refused calls are not counted. */
	check(userId: string, pattern: string): SimResponse | undefined {
		const { throttleLimit, windowMs, lockMs } = this.options();
		const key = Throttle.key(userId, pattern);
		const now = this.clock.now();
		const locked = this.lockedUntil(userId, pattern);
		if (locked !== undefined) return this.refusal(locked - now);
		const recent = (this.calls.get(key) ?? []).filter((t) => t > now - windowMs);
		recent.push(now);
		this.calls.set(key, recent);
		if (recent.length <= throttleLimit) return undefined;
		this.locks.set(key, now + lockMs);
		this.calls.delete(key);
		return this.refusal(lockMs);
	}

	lockedUntil(userId: string, pattern: string): number | undefined {
		const until = this.locks.get(Throttle.key(userId, pattern));
		return until !== undefined && until > this.clock.now() ? until : undefined;
	}

	clear(): void {
		this.calls.clear();
		this.locks.clear();
	}

	snapshot(): { key: string; lockedUntil: string }[] {
		return [...this.locks].filter(([, until]) => until > this.clock.now()).map(([key, until]) => ({ key, lockedUntil: this.clock.iso(until) }));
	}

	private refusal(remainingMs: number): SimResponse {
		const { throttleLimit, windowMs, throttleStatus } = this.options();
		const minutes = Math.ceil(remainingMs / 60_000);
		const windowMinutes = Math.round((windowMs / 60_000) * 100) / 100;
		const body = {
			error: {
				status_code: throttleStatus,
				title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED',
				error_type: 'OPERATIONAL_VALIDATION_ERROR',
				// An object here, not the usual array: that is how Zoho sends this one.
				details: {
					message: `Cannot execute more than ${throttleLimit} requests per API in ${windowMinutes} minutes. Try again after ${minutes} minutes.`,
				},
			},
		};
		const headers = throttleStatus === 429 ? { 'retry-after': String(Math.ceil(remainingMs / 1000)) } : undefined;
		return json(throttleStatus, body, headers);
	}
}
