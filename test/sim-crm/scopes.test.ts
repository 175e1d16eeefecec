/**
 * CRM refuses a route the token's scopes do not cover with 401 `OAUTH_SCOPE_MISMATCH` in CRM's
 * error shape [S8]; each route's scopes per `test/zoho-sim/crm/scopes.ts`. Real HTTP.
 */
import { OAUTH_CLIENT, TASKS } from '../zoho-sim/seed-data';
import { type Client, startSim } from './helpers';

describe('simulator: CRM OAuth scopes', () => {
	let c: Client;
	beforeAll(async () => (c = await startSim()));
	afterAll(async () => await c.sim.stop());

	const as = (...scopes: string[]) => ({ token: c.sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, scopes).access_token });
	const mismatch = { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope to access this URL', status: 'error' };
	const taskId = TASKS.plan.crmId;

	it('a tasks READ token reads Tasks but may not create one', async () => {
		const read = as('ZohoCRM.modules.tasks.READ');
		expect((await c.get(`/crm/v8/Tasks/${taskId}`, read)).status).toBe(200);
		expect((await c.get(`/crm/v8/Tasks/${taskId}/__timeline`, read)).status).not.toBe(401);
		expect((await c.get('/crm/v8/Tasks/deleted', read)).status).not.toBe(401);
		const res = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'No scope' }] }, read);
		expect(res.status).toBe(401);
		expect(res.body).toEqual(mismatch);
		expect((await c.del(`/crm/v8/Tasks/${taskId}`, read)).status).toBe(401);
		expect((await c.get('/crm/v8/Deals?fields=Deal_Name', read)).status).toBe(401);
	});

	it('ZohoCRM.modules.ALL covers every module operation', async () => {
		const all = as('ZohoCRM.modules.ALL');
		expect((await c.post('/crm/v8/Tasks', { data: [{ Subject: 'With modules.ALL' }] }, all)).status).toBe(201);
		expect((await c.get('/crm/v8/Accounts?fields=Account_Name', all)).status).toBe(200);
		expect((await c.get('/crm/v8/users?type=ActiveUsers', all)).status).toBe(401);
	});

	it("a task's notes need the notes scope and the Tasks scope [S14]", async () => {
		expect((await c.get(`/crm/v8/Tasks/${taskId}/Notes?fields=Note_Content`, as('ZohoCRM.modules.tasks.ALL'))).status).toBe(401);
		expect((await c.get(`/crm/v8/Tasks/${taskId}/Notes?fields=Note_Content`, as('ZohoCRM.modules.notes.ALL'))).status).toBe(401);
		expect((await c.get(`/crm/v8/Tasks/${taskId}/Notes?fields=Note_Content`, as('ZohoCRM.modules.notes.ALL', 'ZohoCRM.modules.tasks.READ'))).status).not.toBe(401);
	});

	it('users, settings and notifications have their own scopes', async () => {
		expect((await c.get('/crm/v8/users?type=ActiveUsers', as('ZohoCRM.users.READ'))).status).toBe(200);
		expect((await c.get('/crm/v8/settings/fields?module=Tasks', as('ZohoCRM.settings.fields.READ'))).status).toBe(200);
		expect((await c.get('/crm/v8/settings/fields?module=Tasks', as('ZohoCRM.settings.ALL'))).status).toBe(200);
		expect((await c.get('/crm/v8/settings/fields?module=Tasks', as('ZohoCRM.modules.ALL'))).status).toBe(401);
		expect((await c.get('/crm/v8/actions/watch', as('ZohoCRM.notifications.ALL'))).status).not.toBe(401);
		expect((await c.get('/crm/v8/actions/watch', as('ZohoCRM.modules.ALL'))).status).toBe(401);
	});
});
