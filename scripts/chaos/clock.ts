/**
 * One clock for the whole run: the simulator's. In production Zoho's clock and n8n's are both the
 * wall clock; here the simulator's clock is moved by hand (seconds between edits, minutes between
 * polls), so n8n's `Date` must follow it — or the sync state's timestamps (`new Date()` in the node)
 * would lag Zoho's modification times by the simulated hours and every conflict would be judged on
 * a skewed clock that no user has. Timers stay real. The transports' waits (pacing, retry backoff)
 * move the simulator's clock instead of sleeping, as in the benchmarks.
 */
import { setCrmClock } from '../../nodes/shared/crm/clock';
import { setProjectsClock } from '../../nodes/shared/projects';
import type { SimClock } from '../../test/zoho-sim/kit';

const RealDate = Date;

/** Make `Date` (and `Date.now`) read `clock`; returns the undo. */
export function followSimClock(clock: SimClock): () => void {
	const SimDate = new Proxy(RealDate, {
		construct(target, args: unknown[], newTarget: DateConstructor) {
			return Reflect.construct(target, args.length ? (args as [number]) : [clock.now()], newTarget);
		},
		apply() {
			// `Date()` called as a function returns the current time as a string.
			return new RealDate(clock.now()).toString();
		},
		get(target, key, receiver: unknown) {
			if (key === 'now') return () => clock.now();
			return Reflect.get(target, key, receiver) as unknown;
		},
	});
	globalThis.Date = SimDate;
	const transportClock = { now: () => clock.now(), sleep: async (ms: number) => clock.advance(Math.max(0, ms)) };
	setProjectsClock(transportClock);
	setCrmClock(transportClock);
	return () => {
		globalThis.Date = RealDate;
		setProjectsClock();
		setCrmClock();
	};
}
