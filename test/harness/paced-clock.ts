/**
 * A clock for the Projects pacer on the simulator's time, for runs with many executions at once.
 * Advancing the clock by each sleeper's wait (as single-execution tests do) is wrong when sleeps
 * overlap: ten executions waiting 60 s each would move time 600 s, and a request still on its way
 * to the simulator would be logged minutes after the pacer counted it. Here sleepers wake one at a
 * time, earliest first, after a short real pause that lets requests in flight arrive — as real time
 * would pass: the clock moves to each wake-up instant, never by the sum of the waits.
 */
import type { SimClock } from '../zoho-sim/kit';

/** Real milliseconds without a request reaching the simulator before the next sleeper wakes. */
const QUIET_MS = 60;

/** `activity`: a count that grows with every request the simulator receives (its log's length). */
export function pacedSimClock(clock: SimClock, activity: () => number): { now: () => number; sleep: (ms: number) => Promise<void> } {
	const sleepers: { at: number; wake: () => void }[] = [];
	let timer: NodeJS.Timeout | undefined;
	let seen = -1;
	const pump = () => {
		timer = undefined;
		// Requests still arriving: time must not move under them.
		if (activity() !== seen) {
			seen = activity();
			timer = setTimeout(pump, QUIET_MS);
			return;
		}
		sleepers.sort((a, b) => a.at - b.at);
		const next = sleepers.shift();
		if (!next) return;
		if (next.at > clock.now()) clock.advance(next.at - clock.now());
		next.wake();
		if (sleepers.length) timer = setTimeout(pump, QUIET_MS);
	};
	return {
		now: () => clock.now(),
		sleep: async (ms) =>
			await new Promise<void>((wake) => {
				sleepers.push({ at: clock.now() + Math.max(0, ms), wake });
				timer ??= setTimeout(pump, QUIET_MS);
			}),
	};
}
