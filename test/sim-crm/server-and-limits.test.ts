/**
 * Auth, routing, malformed bodies, fault injection and the CRM limits (concurrency 429, credits).
 */
import { TASKS, USERS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, startSim } from './helpers';

describe('CRM: auth, routing and faults', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});

	// Real Zoho CRM takes a Bearer token as well (n8n's own Zoho CRM node signs with it [S19]; issue 10
	// item 5); an unknown scheme is refused with AUTHENTICATION_FAILURE [S8].
	it('accepts Zoho-oauthtoken and Bearer; refuses another scheme with 401 AUTHENTICATION_FAILURE', async () => {
		expect((await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`)).status).toBe(200);
		const bearer = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { headers: { Authorization: `Bearer ${c.token}` } });
		expect(bearer.status).toBe(200);
		expect((bearer.body as { data: { id: string }[] }).data[0].id).toBe(TASKS.plan.crmId);
		const res = await fetch(`${c.sim.url}/crm/v8/Tasks/${TASKS.plan.crmId}`, { headers: { Authorization: `Token ${c.token}` } });
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ code: 'AUTHENTICATION_FAILURE', details: {}, message: 'Authentication failed', status: 'error' });
		// A Bearer header with an expired token is a plain expired token.
		c.sim.clock.advance(3601_000);
		const expired = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { headers: { Authorization: `Bearer ${c.token}` } });
		expect(expired.status).toBe(401);
		expect(expired.body).toMatchObject({ code: 'INVALID_TOKEN' });
	});

	it('answers 401 INVALID_TOKEN once the access token expired (sim clock)', async () => {
		c.sim.clock.advance(3601_000);
		const r = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`);
		expect(r.status).toBe(401);
		expect(r.body).toEqual({ code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
	});

	it('refuses a request without an Authorization header', async () => {
		const res = await fetch(`${c.sim.url}/crm/v8/users`);
		expect(res.status).toBe(401);
		expect(await res.json()).toMatchObject({ code: 'INVALID_TOKEN' });
	});

	it('answers malformed JSON with 400 INVALID_DATA', async () => {
		const r = await c.call('POST', '/crm/v8/Tasks', { raw: '{"data":[{"Subject":', headers: { 'content-type': 'application/json' } });
		expect(r.status).toBe(400);
		expect(bodyOf(r)).toMatchObject({ code: 'INVALID_DATA', status: 'error' });
	});

	it('answers an unknown route with 404 INVALID_URL_PATTERN and a wrong method with 405', async () => {
		const unknown = await c.get('/crm/v8/Leads');
		expect(unknown.status).toBe(404);
		expect(bodyOf(unknown).code).toBe('INVALID_URL_PATTERN');
		const wrong = await c.patch('/crm/v8/Tasks', { data: [] });
		expect(wrong.status).toBe(405);
		expect(bodyOf(wrong).code).toBe('INVALID_REQUEST_METHOD');
	});

	it('injects 503 twice on CRM routes, then serves normally', async () => {
		c.sim.faults.add({ product: 'crm', status: 503, times: 2 });
		const statuses: number[] = [];
		for (let i = 0; i < 3; i++) statuses.push((await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`)).status);
		expect(statuses).toEqual([503, 503, 200]);
		expect(c.sim.log.count({ product: 'crm', status: 503 })).toBe(2);
	});

	it('exposes all modules in /_sim/state and restores the seed on /_sim/reset', async () => {
		await c.del(`/crm/v8/Tasks/${TASKS.kickoff.crmId}`);
		const state = (await (await fetch(`${c.sim.url}/_sim/state`)).json()) as { crm: Record<string, { id: string }[]> };
		for (const m of ['Tasks', 'Notes', 'Accounts', 'Deals', 'Contacts', 'users', 'deleted']) expect(state.crm[m].length).toBeGreaterThan(0);
		expect(state.crm.Tasks.map((t) => t.id)).not.toContain(TASKS.kickoff.crmId);
		expect((await fetch(`${c.sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(200);
		expect((await c.get(`/crm/v8/Tasks/${TASKS.kickoff.crmId}`)).status).toBe(200);
		expect((await c.get('/crm/v8/Tasks/deleted')).status).toBe(204);
	});

	it('a hang fault accepts the call and never answers, so the client times out; the call is logged with status 0', async () => {
		c.sim.faults.add({ product: 'crm', path: '^/crm/v8/Tasks/', hang: true, times: 1 });
		const timedOut = await fetch(`${c.sim.url}/crm/v8/Tasks/${TASKS.plan.crmId}`, {
			headers: { Authorization: `Zoho-oauthtoken ${c.token}` },
			signal: AbortSignal.timeout(300),
		}).then(
			() => 'answered',
			(error: Error) => error.name,
		);
		expect(timedOut).toBe('TimeoutError');
		expect(c.sim.log.filter({ product: 'crm', status: 0 }).map((e) => e.path)).toEqual([`/crm/v8/Tasks/${TASKS.plan.crmId}`]);
		// The fault was spent: the same call now answers.
		expect((await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`)).status).toBe(200);
	});

	it('a fault limited to one route leaves the others alone', async () => {
		c.sim.faults.add({ product: 'crm', path: '^/crm/v8/users', status: 500, times: 1 });
		expect((await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`)).status).toBe(200);
		const failed = await c.get('/crm/v8/users');
		expect(failed.status).toBe(500);
		expect((await c.get('/crm/v8/users')).status).toBe(200);
	});

	it('a 429 fault answers Zoho-shaped with the given Retry-After', async () => {
		c.sim.faults.add({ product: 'crm', status: 429, headers: { 'retry-after': '7' }, times: 1 });
		const res = await fetch(`${c.sim.url}/crm/v8/users`, { headers: { Authorization: `Zoho-oauthtoken ${c.token}` } });
		expect(res.status).toBe(429);
		expect(res.headers.get('retry-after')).toBe('7');
		expect(await res.json()).toMatchObject({ status: 'error' });
	});

	it('a latency fault delays but does not change the answer', async () => {
		c.sim.faults.add({ product: 'crm', latencyMs: 50, times: 1 });
		const r = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`);
		expect(r.status).toBe(200);
		expect(c.sim.faults.active()).toHaveLength(0);
	});
});

describe('CRM: limits', () => {
	it('answers 429 RATE_LIMIT_EXCEEDED beyond the per-user concurrency limit', async () => {
		const c = await startSim({ crm: { concurrencyLimit: 3 } });
		try {
			// Slow calls stay in flight long enough for all eight to overlap.
			c.sim.faults.add({ product: 'crm', latencyMs: 1500, times: 8 });
			const replies = await Promise.all(Array.from({ length: 8 }, () => c.get('/crm/v8/users?type=ActiveUsers')));
			const statuses = replies.map((r) => r.status);
			expect(statuses.filter((s) => s === 200)).toHaveLength(3);
			expect(statuses.filter((s) => s === 429)).toHaveLength(5);
			const refused = replies.find((r) => r.status === 429)!;
			expect(refused.body).toEqual({ code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests. Please try again later.', status: 'error' });
			// Another user has a separate budget.
			expect((await c.get('/crm/v8/users', { token: c.tokenFor(USERS.ichiro.crmId) })).status).toBe(200);
		} finally {
			await c.sim.stop();
		}
	});

	it('takes the concurrency limit from the edition (Standard 10) unless one is given', async () => {
		const c = await startSim({ crm: { edition: 'standard' } });
		try {
			expect(c.sim.crm.options.concurrencyLimit).toBe(10);
			c.sim.faults.add({ product: 'crm', latencyMs: 1500, times: 12 });
			const replies = await Promise.all(Array.from({ length: 12 }, () => c.get('/crm/v8/users?type=ActiveUsers')));
			expect(replies.filter((r) => r.status === 200)).toHaveLength(10);
			expect(replies.filter((r) => r.status === 429)).toHaveLength(2);
		} finally {
			await c.sim.stop();
		}
		const free = await startSim({ crm: { edition: 'free', concurrencyLimit: 7 } });
		try {
			expect(free.sim.crm.options.concurrencyLimit).toBe(7);
		} finally {
			await free.sim.stop();
		}
	});

	it('answers 400 LIMIT_EXCEEDED when the daily credits are spent, and resets after 24 h', async () => {
		const c = await startSim({ crm: { dailyCredits: 3 } });
		try {
			const statuses: number[] = [];
			for (let i = 0; i < 4; i++) statuses.push((await c.get('/crm/v8/users')).status);
			expect(statuses).toEqual([200, 200, 200, 400]);
			const spent = await c.get('/crm/v8/users');
			expect(bodyOf(spent)).toMatchObject({ code: 'LIMIT_EXCEEDED', status: 'error' });
			c.sim.clock.advance(24 * 3600_000);
			const fresh = c.tokenFor(USERS.hanako.crmId);
			expect((await c.get('/crm/v8/users', { token: fresh })).status).toBe(200);
		} finally {
			await c.sim.stop();
		}
	});
});
