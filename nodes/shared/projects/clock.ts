import { sleep } from 'n8n-workflow';

/** The time source of the Projects transport (rate pacing and retry backoff). */
export interface ProjectsClock {
	now(): number;
	sleep(ms: number): Promise<void>;
}

const realClock: ProjectsClock = {
	now: () => Date.now(),
	sleep: async (ms: number) => await sleep(ms),
};

let current: ProjectsClock = realClock;

export function projectsClock(): ProjectsClock {
	return current;
}

/**
 * Test seam: run the pacer and the retry backoff on another clock (a simulator's, whose `sleep`
 * advances it). Call without an argument to go back to real time.
 */
export function setProjectsClock(clock?: ProjectsClock): void {
	current = clock ?? realClock;
}
