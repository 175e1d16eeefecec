import { sleep } from 'n8n-workflow';

/** The time source of the CRM transport's retry waits (backoff and Retry-After). */
export interface CrmClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: CrmClock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await sleep(ms),
};

let current: CrmClock = realClock;

export function crmClock(): CrmClock {
	return current;
}

/**
 * Test seam: run the retry waits on another clock (one that records what was asked and moves a
 * simulator's time). Call without an argument to go back to real time.
 */
export function setCrmClock(clock?: CrmClock): void {
	current = clock ?? realClock;
}
