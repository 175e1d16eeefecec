/**
 * Zoho-side faults, a few per poll round while the chaos lasts: server errors, throttling, slow
 * answers, answers lost after the write was applied, timeouts (a slow call whose connection is
 * dropped — the nodes set no request timeout, so a call Zoho never answers would hold its execution
 * forever; a reset is how such a call ends in practice), expired tokens and a short Projects lockout.
 * Each fault is spent by the first matching call, whoever makes it (a trigger's poll included).
 */
import type { FaultSpec } from '../../test/zoho-sim/kit';
import type { ZohoSim } from '../../test/zoho-sim/server';
import type { Rng } from './rng';

/** Zoho's throttle answer with a short lock, as Zoho words it ("Try again after N minutes"). */
const lockout = (minutes: number) => ({
	error: {
		status_code: 400,
		title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED',
		error_type: 'OPERATIONAL_VALIDATION_ERROR',
		details: { message: `Cannot execute more than 100 requests per API in 2 minutes. Try again after ${minutes} minutes.` },
	},
});

type Injector = (sim: ZohoSim) => void;
const fault = (spec: FaultSpec): Injector => (sim) => void sim.faults.add(spec);

const MENU: readonly (readonly [number, string, Injector])[] = [
	[3, 'Projects 500', fault({ product: 'projects', status: 500 })],
	[2, 'Projects write 503', fault({ product: 'projects', method: 'PATCH', status: 503 })],
	[3, 'CRM 500', fault({ product: 'crm', status: 500 })],
	[2, 'CRM 429 twice', fault({ product: 'crm', status: 429, times: 2 })],
	[2, 'CRM task write applied, answer lost (502)', fault({ product: 'crm', method: 'PUT', path: '^/crm/v8/Tasks', afterApply: true, status: 502 })],
	[2, 'Projects task write applied, connection dropped', fault({ product: 'projects', method: 'PATCH', afterApply: true, reset: true })],
	[1, 'CRM note created, answer lost (500)', fault({ product: 'crm', method: 'POST', path: '^/crm/v8/Notes', afterApply: true, status: 500 })],
	[1, 'Projects comment created, answer lost (502)', fault({ product: 'projects', method: 'POST', path: '/comments$', afterApply: true, status: 502 })],
	[2, 'CRM timeout (slow, then dropped)', fault({ product: 'crm', latencyMs: 300, reset: true })],
	[2, 'Projects timeout (slow, then dropped)', fault({ product: 'projects', latencyMs: 300, reset: true })],
	[2, 'slow answers', fault({ latencyMs: 150, times: 3 })],
	[1, 'access tokens expired', (sim) => sim.accounts.expireAll()],
	[1, 'Projects lockout (3 minutes)', fault({ product: 'projects', path: '/tasks', status: 400, body: lockout(3) })],
];

/** Replace the round's faults with up to `count` new ones; returns their names. */
export function injectFaults(sim: ZohoSim, rng: Rng, count: number): string[] {
	sim.faults.clear();
	const names: string[] = [];
	for (let i = 0; i < count; i++) {
		const [name, inject] = rng.weighted(MENU.map(([w, n, f]) => [w, [n, f] as const] as const));
		inject(sim);
		names.push(name);
	}
	return names;
}
