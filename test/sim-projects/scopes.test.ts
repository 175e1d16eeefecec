/**
 * Projects refuses a route the token's scopes do not cover with 401 `INVALID_OAUTHSCOPE` in the V3
 * error shape (reference §1.3, §3); each route's scopes per `test/zoho-sim/projects/scopes.ts`. Real HTTP.
 */
import { OAUTH_CLIENT, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { startSim, type Client } from './helpers';

describe('simulator: Projects OAuth scopes', () => {
	let c: Client;
	beforeAll(async () => (c = await startSim()));
	afterAll(async () => await c.sim.stop());

	const as = (...scopes: string[]) => ({ token: c.sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, scopes).access_token });
	const project = `/api/v3/portal/${PORTAL_ID}/projects/${PROJECTS.website.id}`;

	it('a projects READ token reads projects but may not create a task', async () => {
		const read = as('ZohoProjects.projects.READ');
		expect((await c.get(project, read)).status).toBe(200);
		const res = await c.post(`${project}/tasks`, { name: 'No scope' }, read);
		expect(res.status).toBe(401);
		expect(res.body).toEqual({
			error: { status_code: '401', title: 'INVALID_OAUTHSCOPE', error_type: 'OAUTH_ERROR', details: [{ message: expect.any(String) }] },
		});
	});

	it('ZohoProjects.tasks.ALL creates tasks but not tasklists [P27]; task activities need tasks READ', async () => {
		const tasks = as('ZohoProjects.tasks.ALL');
		expect((await c.post(`${project}/tasks`, { name: 'Scoped' }, tasks)).status).toBe(201);
		expect((await c.post(`${project}/tasklists`, { name: 'List' }, tasks)).status).toBe(401);
		expect((await c.post(`${project}/tasklists`, { name: 'List' }, as('ZohoProjects.tasklists.CREATE'))).status).not.toBe(401);
		const activities = `/restapi/portal/${PORTAL_ID}/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}/activities`;
		// The legacy path is outside the client's V3 prefix: call it directly.
		const legacy = async (scope: string) =>
			(await fetch(c.sim.url + activities, { headers: { authorization: `Zoho-oauthtoken ${as(scope).token}` } })).status;
		expect(await legacy('ZohoProjects.tasks.READ')).not.toBe(401);
		expect(await legacy('ZohoProjects.projects.ALL')).toBe(401);
	});

	it('portals, users and global statuses have their own scopes', async () => {
		expect((await c.get('/api/v3/portals', as('ZohoProjects.portals.READ'))).status).toBe(200);
		expect((await c.get('/api/v3/portals', as('ZohoProjects.projects.ALL'))).status).toBe(401);
		expect((await c.get(`/api/v3/portal/${PORTAL_ID}/users?page=1`, as('ZohoProjects.users.READ'))).status).toBe(200);
		expect((await c.get(`/api/v3/portal/${PORTAL_ID}/settings/global-statuses?page=1&module=tasks`, as('ZohoProjects.custom_fields.READ'))).status).not.toBe(401);
		expect((await c.get(`/api/v3/portal/${PORTAL_ID}/settings/global-statuses?page=1&module=tasks`, as('ZohoProjects.tasks.ALL'))).status).toBe(401);
	});
});
