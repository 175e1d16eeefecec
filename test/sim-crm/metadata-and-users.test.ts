/**
 * settings/fields (picklists with the org's extra value, custom link fields), removing and adding
 * fields, and the users endpoints.
 */
import { FIELDS, TASKS, USERS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, dataOf, detailsOf, infoOf, type Rec, startSim } from './helpers';

const fieldsOf = (body: unknown): Rec[] => (body as { fields: Rec[] }).fields;

describe('CRM settings/fields', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});

	it('lists Tasks fields with picklists (incl. the org extra value) and the link fields', async () => {
		const r = await c.get('/crm/v8/settings/fields?module=Tasks');
		expect(r.status).toBe(200);
		const fields = fieldsOf(r.body);
		const byName = new Map(fields.map((f) => [String(f.api_name), f]));
		const values = (name: string) => (byName.get(name)?.pick_list_values as Rec[]).map((v) => v.actual_value);
		expect(values('Status')).toEqual(['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input', 'Waiting for Customer']);
		expect(values('Priority')).toEqual(['Highest', 'High', 'Normal', 'Low', 'Lowest']);
		expect(byName.get('Subject')).toMatchObject({ data_type: 'text', length: 255, system_mandatory: true, custom_field: false, read_only: false });
		expect(byName.get(FIELDS.taskLinkUrl)).toMatchObject({ data_type: 'website', custom_field: true });
		expect(byName.get(FIELDS.syncState)).toMatchObject({ data_type: 'textarea', length: 32000, custom_field: true });
		expect(byName.get('Modified_Time')).toMatchObject({ read_only: true });
		for (const f of fields) expect(Object.keys(f)).toEqual(expect.arrayContaining(['api_name', 'field_label', 'data_type', 'length', 'custom_field', 'pick_list_values', 'read_only', 'system_mandatory']));
	});

	it('serves Accounts, Deals, Notes and Contacts; requires a known module', async () => {
		for (const [module, field] of [['Accounts', FIELDS.accountClient], ['Deals', FIELDS.dealProject], ['Notes', 'Note_Content'], ['Contacts', 'Email']]) {
			const names = fieldsOf((await c.get(`/crm/v8/settings/fields?module=${module}`)).body).map((f) => f.api_name);
			expect(names).toContain(field);
		}
		const missing = await c.get('/crm/v8/settings/fields');
		expect(missing.status).toBe(400);
		expect(bodyOf(missing)).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'module', param: 'module' } });
		expect(bodyOf(await c.get('/crm/v8/settings/fields?module=Leadz')).code).toBe('INVALID_MODULE');
	});

	it('honours a configured extra priority value', async () => {
		const other = await startSim({ crm: { extraTaskPriorities: ['Critical'] } });
		try {
			const r = await other.post('/crm/v8/Tasks', { data: [{ Subject: 'x', Priority: 'Critical' }] });
			expect(r.status).toBe(201);
		} finally {
			await other.sim.stop();
		}
	});

	it('a removed link field disappears from settings and records, and writes naming it fail', async () => {
		expect(c.sim.crm.removeField('Tasks', FIELDS.taskLink)).toBe(true);
		const names = fieldsOf((await c.get('/crm/v8/settings/fields?module=Tasks')).body).map((f) => f.api_name);
		expect(names).not.toContain(FIELDS.taskLink);
		const rec = dataOf(await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`))[0];
		expect(rec).not.toHaveProperty(FIELDS.taskLink);
		const write = await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ [FIELDS.taskLink]: '1:2:3' }] });
		expect(write.status).toBe(400);
		expect(detailsOf(dataOf(write)[0])).toEqual({ api_name: FIELDS.taskLink, json_path: `$.data[0].${FIELDS.taskLink}` });
		expect(bodyOf(await c.get(`/crm/v8/Tasks?fields=${FIELDS.taskLink}`))).toMatchObject({ code: 'INVALID_DATA', details: { api_name: FIELDS.taskLink } });
		expect(bodyOf(await c.get(`/crm/v8/Tasks/search?criteria=(${FIELDS.taskLink}:equals:1)`)).code).toBe('INVALID_QUERY');

		c.sim.crm.addField('Tasks', { api_name: FIELDS.taskLink, data_type: 'text', length: 255 });
		expect((await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ [FIELDS.taskLink]: '1:2:3' }] })).status).toBe(200);
	});

	it('removes and adds fields through /_sim/crm too', async () => {
		expect((await fetch(`${c.sim.url}/_sim/crm/fields/Tasks/${FIELDS.syncState}`, { method: 'DELETE' })).status).toBe(204);
		expect(c.sim.crm.fields.get('Tasks', FIELDS.syncState)).toBeUndefined();
		const added = await fetch(`${c.sim.url}/_sim/crm/fields/Tasks`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ api_name: FIELDS.syncState, data_type: 'textarea', length: 32000 }),
		});
		expect(added.status).toBe(201);
		expect(c.sim.crm.fields.get('Tasks', FIELDS.syncState)).toMatchObject({ data_type: 'textarea', custom_field: true });
	});
});

describe('CRM users', () => {
	let c: Client;
	beforeAll(async () => {
		c = await startSim();
	});
	afterAll(async () => {
		await c.sim.stop();
	});
	const usersOf = (body: unknown): Rec[] => (body as { users: Rec[] }).users;
	const crmUsers = Object.values(USERS).filter((u) => u.crmId);

	it('lists users with the documented keys', async () => {
		const r = await c.get('/crm/v8/users?type=ActiveUsers');
		expect(r.status).toBe(200);
		const users = usersOf(r.body);
		expect(users.map((u) => u.id)).toEqual(crmUsers.map((u) => u.crmId));
		expect(users[0]).toMatchObject({
			id: USERS.hanako.crmId,
			full_name: USERS.hanako.name,
			first_name: USERS.hanako.first,
			last_name: USERS.hanako.last,
			email: USERS.hanako.email,
			status: 'active',
			zuid: USERS.hanako.zuid,
			role: { name: 'CEO', id: expect.any(String) },
			profile: { name: 'Administrator', id: expect.any(String) },
			time_zone: expect.any(String),
		});
		expect(infoOf(r)).toEqual({ per_page: 200, count: crmUsers.length, page: 1, more_records: false });
	});

	it('filters by type, pages, gets one, and refuses unknown ids and types', async () => {
		expect(usersOf((await c.get('/crm/v8/users?type=AdminUsers')).body).map((u) => u.id)).toEqual([USERS.hanako.crmId]);
		expect(usersOf((await c.get('/crm/v8/users?type=CurrentUser')).body).map((u) => u.id)).toEqual([USERS.hanako.crmId]);
		expect((await c.get('/crm/v8/users?type=DeactiveUsers')).status).toBe(204);
		const page2 = await c.get('/crm/v8/users?per_page=3&page=2');
		expect(usersOf(page2.body)).toHaveLength(crmUsers.length - 3);
		expect(infoOf(page2)).toMatchObject({ page: 2, more_records: false });
		expect(infoOf(await c.get('/crm/v8/users?per_page=3'))).toMatchObject({ more_records: true });
		expect(usersOf((await c.get(`/crm/v8/users/${USERS.emily.crmId}`)).body)[0].email).toBe(USERS.emily.email);
		expect(bodyOf(await c.get('/crm/v8/users/123'))).toMatchObject({ code: 'INVALID_DATA' });
		expect(bodyOf(await c.get('/crm/v8/users?type=Everyone'))).toMatchObject({ code: 'INVALID_DATA', details: { param_name: 'type', param: 'type' } });
	});

	it('refuses a task Owner that is not an active user', async () => {
		c.sim.crm.users.get(USERS.ken.crmId)!.status = 'disabled';
		const r = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'x', Owner: { id: USERS.ken.crmId } }] });
		expect(detailsOf(dataOf(r)[0])).toMatchObject({ api_name: 'Owner' });
		expect(usersOf((await c.get('/crm/v8/users?type=DeactiveUsers')).body).map((u) => u.id)).toEqual([USERS.ken.crmId]);
	});
});
