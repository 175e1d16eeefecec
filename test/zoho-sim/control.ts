/**
 * The `/_sim` control API: what tests in other processes (e2e, demo, benchmarks) use to move the
 * clock, inject faults, read the request log and inspect or reset state. Never part of Zoho.
 */
import type { Fault, FaultSpec } from './kit';
import { json } from './kit';
import { applySeed } from './seed';
import type { ZohoSim } from './server';

export function registerControl(sim: ZohoSim): void {
	const r = sim.router;
	r.add('sim', 'GET', '/_sim/health', () => json(200, { ok: true, now: sim.clock.iso() }));
	r.add('sim', 'GET', '/_sim/log', (req) => {
		const product = req.query.get('product') ?? undefined;
		return json(200, { entries: sim.log.entries.filter((e) => !product || e.product === product) });
	});
	r.add('sim', 'DELETE', '/_sim/log', () => {
		sim.log.clear();
		return json(204);
	});
	r.add('sim', 'GET', '/_sim/clock', () => json(200, { now: sim.clock.now(), iso: sim.clock.iso() }));
	r.add('sim', 'POST', '/_sim/clock', (req) => {
		const body = (req.body ?? {}) as { advanceMs?: number; set?: string | number; frozen?: boolean };
		if (body.advanceMs) sim.clock.advance(body.advanceMs);
		if (body.set !== undefined) sim.clock.set(body.set);
		if (body.frozen !== undefined) sim.clock.freeze(body.frozen);
		return json(200, { now: sim.clock.now(), iso: sim.clock.iso() });
	});
	r.add('sim', 'GET', '/_sim/faults', () => json(200, { faults: sim.faults.active() }));
	r.add('sim', 'POST', '/_sim/faults', (req) => {
		const specs = ([] as FaultSpec[]).concat((req.body ?? []) as FaultSpec | FaultSpec[]);
		const added: Fault[] = specs.map((s) => sim.faults.add({ ...s, times: s.times ?? 1 }));
		return json(201, { faults: added });
	});
	r.add('sim', 'DELETE', '/_sim/faults', () => {
		sim.faults.clear();
		return json(204);
	});
	r.add('sim', 'POST', '/_sim/delivery', (req) => {
		Object.assign(sim.delivery, req.body ?? {});
		return json(200, sim.delivery);
	});
	r.add('sim', 'POST', '/_sim/flush', async () => {
		await sim.flush();
		return json(200, { deliveries: sim.deliveries });
	});
	r.add('sim', 'GET', '/_sim/deliveries', () => json(200, { deliveries: sim.deliveries }));
	r.add('sim', 'POST', '/_sim/reset', () => {
		sim.crm.clear();
		sim.projects.clear();
		sim.log.clear();
		sim.faults.clear();
		applySeed(sim);
		return json(200, { ok: true });
	});
	r.add('sim', 'GET', '/_sim/state', () => json(200, { crm: sim.crm.snapshot(), projects: sim.projects.snapshot() }));
	r.add('sim', 'POST', '/_sim/tokens', (req) => {
		// `scopes` (list or comma-separated): what the consent granted; default the product's list.
		const body = (req.body ?? {}) as { clientId?: string; userId?: string; scopes?: string | string[] };
		const client = sim.accounts.clients.find((c) => c.clientId === body.clientId) ?? sim.accounts.clients[0];
		return json(201, { clientId: client.clientId, clientSecret: client.clientSecret, ...sim.accounts.issue(client.clientId, body.userId, body.scopes) });
	});
	r.add('sim', 'POST', '/_sim/expire-tokens', () => {
		sim.accounts.expireAll();
		return json(204);
	});
}
