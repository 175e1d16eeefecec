/** What the server does before (and around) the Projects handlers: auth, faults, bad requests, portals. */
import { PORTAL_ID, PORTAL_NAME, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, type V3Error, detail, startSim } from './helpers';

let c: Client;
beforeAll(async () => {
	c = await startSim();
});
afterAll(() => c.sim.stop());

const TASK = `/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`;

describe('authentication', () => {
	it('accepts Zoho-oauthtoken', async () => {
		expect((await c.get(TASK)).status).toBe(200);
	});

	it('refuses Bearer with 401 INVALID_OAUTHTOKEN', async () => {
		const res = await c.get<V3Error>(TASK, { authorization: `Bearer ${c.token}` });
		expect(res.status).toBe(401);
		expect(res.body.error.title).toBe('INVALID_OAUTHTOKEN');
	});

	it('refuses an expired token with 401 INVALID_OAUTHTOKEN', async () => {
		const token = c.tokenFor(USERS.hanako.crmId);
		c.sim.clock.advance(3600 * 1000 + 1);
		const res = await c.get<V3Error>(TASK, { token });
		c.sim.clock.advance(-(3600 * 1000 + 1));
		expect(res.status).toBe(401);
		expect(res.body.error).toMatchObject({ status_code: '401', title: 'INVALID_OAUTHTOKEN' });
	});

	it('refuses a CRM user without a Projects account with 403', async () => {
		const res = await c.get(TASK, { token: c.tokenFor(USERS.ken.crmId) });
		expect(detail(res)).toMatchObject({ status: 403, title: 'FORBIDDEN' });
		expect(detail(res).message).toContain(PORTAL_ID);
	});

	it('maps a CRM token to the Projects user by e-mail (writes are attributed to them)', async () => {
		const res = await c.patch<{ updated_by: { zpuid: string } }>(TASK, { completion_percentage: 30 }, { token: c.tokenFor(USERS.ichiro.crmId) });
		expect(res.status).toBe(200);
		expect(res.body.updated_by.zpuid).toBe(USERS.ichiro.zpuid);
	});

	it('keeps a member out of a project they are not a user of', async () => {
		const emily = c.tokenFor(USERS.emily.crmId);
		expect(detail(await c.get(TASK, { token: emily }))).toMatchObject({ status: 403, title: 'FORBIDDEN' });
		expect((await c.get(`/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}`, { token: emily })).status).toBe(200);
	});
});

describe('request errors', () => {
	it('answers malformed JSON with 400 JSON_PARSE_ERROR', async () => {
		const res = await c.call('PATCH', TASK, { raw: '{"name": ' });
		expect(detail(res)).toMatchObject({ status: 400, title: 'JSON_PARSE_ERROR' });
	});

	// Zoho's V3 docs give the wrong-URL error as 400 URL_RULE_NOT_CONFIGURED with the path as `instance`
	// [P1b]; live, `/api/v3/portals/{id}/…` (plural) answers so [P28]. Not a 404: a wrong path in a client
	// must not read as "this record was deleted".
	it('answers an unknown V3 URL with 400 URL_RULE_NOT_CONFIGURED, never a 404', async () => {
		for (const path of ['/nothing/here', `/api/v3/portals/${PORTAL_ID}/projects`, `/projects/${PROJECTS.migration.id}/taskz/${TASKS.plan.zpId}`]) {
			const res = await c.get<V3Error>(path);
			expect({ path, status: res.status }).toEqual({ path, status: 400 });
			expect(res.body.error).toMatchObject({ status_code: '400', title: 'URL_RULE_NOT_CONFIGURED', instance: path.startsWith('/api') ? path : `/api/v3/portal/${PORTAL_ID}${path}` });
			expect(res.body.error.details[0].message).toEqual(expect.any(String));
		}
	});

	// PUT/POST on a task: live clients saw INVALID_METHOD [P28]; 405 is assumed (V3 lists 405 [P1]; ASSUMPTIONS.md).
	it('answers a wrong verb on a task (PUT, POST) with 405 INVALID_METHOD', async () => {
		for (const method of ['PUT', 'POST']) {
			const res = await c.call<V3Error>(method, TASK, { body: { name: 'x' } });
			expect(detail(res)).toMatchObject({ status: 405, title: 'INVALID_METHOD' });
			expect(res.body.error.status_code).toBe('405');
		}
		expect((await c.get(TASK)).status).toBe(200);
	});

	it('answers unknown ids with 404 RESOURCE_NOT_FOUND in the V3 shape', async () => {
		const cases: [string, string][] = [
			['GET', '/api/v3/portal/999/projects?page=1'],
			['GET', '/projects/123'],
			['GET', `/projects/${PROJECTS.migration.id}/tasks/123`],
			['GET', `/projects/${PROJECTS.website.id}/tasks/${TASKS.plan.zpId}`], // a task of another project
			['DELETE', `${TASK}/comments/123`],
			['GET', '/users/123'],
			['GET', '/clients/123'],
			['GET', '/contacts/123'],
		];
		for (const [method, path] of cases) {
			const res = await c.call<V3Error>(method, path);
			expect({ path, status: res.status, title: res.body.error.title }).toEqual({ path, status: 404, title: 'RESOURCE_NOT_FOUND' });
			expect(res.body.error.details[0].message).toMatch(/does not exist/);
		}
	});

	it('replays injected faults and then recovers', async () => {
		c.sim.faults.add({ product: 'projects', status: 502, times: 2 });
		const first = await c.get(TASK);
		const second = await c.get(TASK);
		const third = await c.get(TASK);
		expect([first.status, second.status, third.status]).toEqual([502, 502, 200]);
		expect(detail(first).title).toBe('INTERNAL_SERVER_ERROR');
	});

	it('logs every Projects call with its route pattern', async () => {
		c.sim.log.clear();
		await c.get(TASK);
		expect(c.sim.log.count({ product: 'projects', route: '/api/v3/portal/:portal/projects/:project/tasks/:task', status: 200 })).toBe(1);
	});
});

describe('portals', () => {
	it('lists the portal as a bare array and reads it by id', async () => {
		const list = await c.get<{ id: string; name: string }[]>('/api/v3/portals');
		expect(list.status).toBe(200);
		expect(list.body).toEqual([expect.objectContaining({ id: PORTAL_ID, name: PORTAL_NAME })]);
		const one = await c.get<{ id: string; utc_offset: string }>(`/api/v3/portal/${PORTAL_ID}`);
		expect(one.body).toMatchObject({ id: PORTAL_ID, utc_offset: '+09:00' });
	});

	it('lists no portal for a user without a Projects account', async () => {
		const res = await c.get('/api/v3/portals', { token: c.tokenFor(USERS.ken.crmId) });
		expect(res.body).toEqual([]);
	});

	it('refuses the plural path segment with 400 URL_RULE_NOT_CONFIGURED [P28]', async () => {
		expect(detail(await c.get(`/api/v3/portals/${PORTAL_ID}/projects?page=1`))).toMatchObject({ status: 400, title: 'URL_RULE_NOT_CONFIGURED' });
	});
});
