import { ZohoSim } from '../zoho-sim/server';

/** The `/_sim` control API that the e2e run, the demo and benchmarks drive from another process. */
describe('simulator: control API', () => {
	let sim: ZohoSim;
	beforeAll(async () => {
		sim = new ZohoSim({ now: '2026-11-25T00:00:00Z' });
		await sim.start();
	});
	afterAll(async () => await sim.stop());

	const post = async (path: string, body?: unknown) =>
		await fetch(`${sim.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body) });
	const get = async (path: string) => (await (await fetch(`${sim.url}${path}`)).json()) as Record<string, unknown>;

	it('moves the clock by HTTP', async () => {
		expect((await get('/_sim/clock')).iso).toBe('2026-11-25T00:00:00Z');
		await post('/_sim/clock', { advanceMs: 90_000 });
		expect((await get('/_sim/clock')).iso).toBe('2026-11-25T00:01:30Z');
		await post('/_sim/clock', { set: '2026-12-01T09:00:00+09:00' });
		expect((await get('/_sim/clock')).iso).toBe('2026-12-01T00:00:00Z');
	});

	it('issues tokens, injects faults and logs only Zoho calls', async () => {
		const tokens = (await (await post('/_sim/tokens', {})).json()) as { access_token: string };
		const call = () => fetch(`${sim.url}/api/v3/portals`, { headers: { Authorization: `Zoho-oauthtoken ${tokens.access_token}` } });
		await fetch(`${sim.url}/_sim/log`, { method: 'DELETE' });
		expect((await post('/_sim/faults', { product: 'projects', status: 503, times: 2 })).status).toBe(201);
		expect([(await call()).status, (await call()).status, (await call()).status]).toEqual([503, 503, 200]);
		const log = (await get('/_sim/log?product=projects')).entries as { status: number; path: string }[];
		expect(log.map((e) => e.status)).toEqual([503, 503, 200]);
		expect(((await get('/_sim/log')).entries as unknown[]).length).toBe(3);
	});

	it('expires every token on request', async () => {
		const tokens = (await (await post('/_sim/tokens', {})).json()) as { access_token: string };
		await post('/_sim/expire-tokens');
		const res = await fetch(`${sim.url}/api/v3/portals`, { headers: { Authorization: `Zoho-oauthtoken ${tokens.access_token}` } });
		expect(res.status).toBe(401);
	});

	it('answers unknown routes Zoho-shaped, never crashing', async () => {
		const res = await fetch(`${sim.url}/crm/v8/NoSuchThing/1/2/3`, { headers: { Authorization: 'Zoho-oauthtoken x' } });
		expect(res.status).toBe(404);
		expect(await res.json()).toMatchObject({ status: 'error' });
		expect((await get('/_sim/health')).ok).toBe(true);
	});
});
