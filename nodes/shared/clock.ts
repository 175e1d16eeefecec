import { sleep } from 'n8n-workflow';

/** The time source a transport waits on (rate pacing, retry backoff, Retry-After). */
export interface Clock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: Clock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await sleep(ms),
};

/**
 * One replaceable clock per transport. Tests swap it for one that records the waits or moves a
 * simulator's time; calling `set()` without an argument goes back to real time.
 */
export function clockSeam(): { get: () => Clock; set: (clock?: Clock) => void } {
	let current = realClock;
	return {
		get: () => current,
		set: (clock?: Clock) => {
			current = clock ?? realClock;
		},
	};
}
