/**
 * Notes (v8 Parent_Id shape, list with If-Modified-Since, related list on a Task, update, delete)
 * and the Accounts/Deals/Contacts endpoints the sync uses.
 */
import { COMPANIES, CONTACTS, DEALS, FIELDS, TASKS, USERS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, dataOf, detailsOf, infoOf, startSim } from './helpers';

describe('CRM Notes', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});

	it('lists the seeded notes with Parent_Id {id, name, module}', async () => {
		const r = await c.get('/crm/v8/Notes?fields=Note_Content,Parent_Id,Created_By');
		expect(r.status).toBe(200);
		expect(dataOf(r)).toHaveLength(2);
		expect(dataOf(r)[0]).toMatchObject({
			Parent_Id: { id: TASKS.plan.crmId, name: TASKS.plan.name, module: { api_name: 'Tasks', id: expect.any(String) } },
			Created_By: { id: USERS.ichiro.crmId, name: USERS.ichiro.name },
		});
		expect(bodyOf(await c.get('/crm/v8/Notes')).code).toBe('REQUIRED_PARAM_MISSING');
	});

	it('creates notes on a task via /Notes and the related list, and lists them since a time', async () => {
		c.sim.clock.advance(10_000);
		const direct = await c.post('/crm/v8/Notes', {
			data: [
				{ Note_Content: 'From the API', Parent_Id: { module: { api_name: 'Tasks' }, id: TASKS.design.crmId } },
				{ Note_Content: 'bad parent', Parent_Id: { module: { api_name: 'Tasks' }, id: '4876876000000099999' } },
				{ Note_Content: 'v2 shape', Parent_Id: TASKS.design.crmId, $se_module: 'Tasks' },
				{ Parent_Id: { module: { api_name: 'Tasks' }, id: TASKS.design.crmId } },
			],
		});
		expect(direct.status).toBe(207);
		expect(dataOf(direct).map((i) => i.code)).toEqual(['SUCCESS', 'INVALID_DATA', 'INVALID_DATA', 'MANDATORY_NOT_FOUND']);
		expect(detailsOf(dataOf(direct)[1])).toMatchObject({ api_name: 'Parent_Id' });
		expect(detailsOf(dataOf(direct)[3])).toMatchObject({ api_name: 'Note_Content' });

		const related = await c.post(`/crm/v8/Tasks/${TASKS.design.crmId}/Notes`, { data: [{ Note_Content: 'Via related list' }] });
		expect(related.status).toBe(201);
		expect((await c.post('/crm/v8/Tasks/4876876000000099999/Notes', { data: [{ Note_Content: 'x' }] })).status).toBe(400);

		const list = await c.get(`/crm/v8/Tasks/${TASKS.design.crmId}/Notes?fields=Note_Content,Parent_Id`);
		expect(dataOf(list).map((n) => n.Note_Content)).toEqual(['From the API', 'Via related list']);
		expect(infoOf(list)).toMatchObject({ count: 2, more_records: false });
		expect((await c.get(`/crm/v8/Tasks/${TASKS.kickoff.crmId}/Notes?fields=Note_Content`)).status).toBe(204);
		expect(bodyOf(await c.get(`/crm/v8/Tasks/${TASKS.design.crmId}/Notes`)).code).toBe('REQUIRED_PARAM_MISSING');

		const since = await c.get('/crm/v8/Notes?fields=Note_Content', { headers: { 'If-Modified-Since': '2026-11-20T00:00:05+00:00' } });
		expect(dataOf(since)).toHaveLength(2);
		c.sim.clock.advance(10_000);
		expect((await c.get('/crm/v8/Notes?fields=Note_Content', { headers: { 'If-Modified-Since': '2026-11-20T00:00:10+00:00' } })).status).toBe(304);
	});

	it('updates and deletes a note; deleting a task takes its notes along', async () => {
		const [first] = dataOf(await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/Notes?fields=Note_Content`));
		const id = String(first.id);
		c.sim.clock.advance(1_000);
		const upd = await c.put(`/crm/v8/Notes/${id}`, { data: [{ Note_Content: 'edited' }] });
		expect(upd.status).toBe(200);
		expect(dataOf(await c.get(`/crm/v8/Notes/${id}`))[0]).toMatchObject({ Note_Content: 'edited', Modified_Time: '2026-11-20T00:00:01+00:00' });
		expect((await c.del(`/crm/v8/Notes/${id}`)).status).toBe(200);
		expect((await c.get(`/crm/v8/Notes/${id}`)).status).toBe(400);
		expect((await c.del(`/crm/v8/Tasks/${TASKS.plan.crmId}`)).status).toBe(200);
		expect((await c.get('/crm/v8/Notes?fields=Note_Content')).status).toBe(204);
		expect(dataOf(await c.get('/crm/v8/Notes/deleted'))).toHaveLength(2);
	});
});

describe('CRM Accounts, Deals, Contacts', () => {
	let c: Client;
	beforeAll(async () => {
		c = await startSim();
	});
	afterAll(async () => {
		await c.sim.stop();
	});

	it('lists accounts with the client mapping field', async () => {
		const r = await c.get(`/crm/v8/Accounts?fields=Account_Name,${FIELDS.accountClient}`);
		expect(dataOf(r)).toEqual(
			Object.values(COMPANIES).map((co) => ({ id: co.accountId, Account_Name: co.crmName, [FIELDS.accountClient]: co.mapped ? co.clientId : null })),
		);
	});

	it('updates an account mapping with PUT and renames show up in lookups', async () => {
		const r = await c.put('/crm/v8/Accounts', { data: [{ id: COMPANIES.acme.accountId, [FIELDS.accountClient]: COMPANIES.acme.clientId }] });
		expect(r.status).toBe(200);
		expect(dataOf(await c.get(`/crm/v8/Accounts/${COMPANIES.acme.accountId}`))[0][FIELDS.accountClient]).toBe(COMPANIES.acme.clientId);
		await c.put(`/crm/v8/Accounts/${COMPANIES.acme.accountId}`, { data: [{ Account_Name: 'Acme Corp.' }] });
		const deal = dataOf(await c.get(`/crm/v8/Deals/${DEALS.website.id}`))[0];
		expect(deal.Account_Name).toEqual({ id: COMPANIES.acme.accountId, name: 'Acme Corp.' });
		const task = dataOf(await c.get(`/crm/v8/Tasks/${TASKS.design.crmId}`))[0];
		expect(task.What_Id).toEqual({ id: COMPANIES.acme.accountId, name: 'Acme Corp.' });
	});

	it('serves deals with stage, account and project; related lists of an account', async () => {
		const deal = dataOf(await c.get(`/crm/v8/Deals/${DEALS.migration.id}`))[0];
		expect(deal).toMatchObject({ Deal_Name: DEALS.migration.name, Stage: DEALS.migration.stage, Account_Name: { id: COMPANIES.sakura.accountId }, [FIELDS.dealProject]: expect.stringContaining(':') });
		const deals = await c.get(`/crm/v8/Accounts/${COMPANIES.sakura.accountId}/Deals?fields=Deal_Name`);
		expect(dataOf(deals).map((d) => d.id)).toEqual([DEALS.migration.id, DEALS.support.id]);
		const contacts = await c.get(`/crm/v8/Accounts/${COMPANIES.sakura.accountId}/Contacts?fields=Email,Full_Name`);
		expect(dataOf(contacts).map((x) => x.Email)).toEqual([CONTACTS.yamada.email, CONTACTS.kimura.email]);
		const tasks = await c.get(`/crm/v8/Deals/${DEALS.migration.id}/Tasks?fields=Subject`);
		expect(dataOf(tasks).map((t) => t.id)).toEqual([TASKS.plan.crmId, TASKS.verify.crmId, TASKS.verifyReport.crmId]);
		expect((await c.get(`/crm/v8/Accounts/${COMPANIES.northwind.accountId}/Deals?fields=Deal_Name`)).status).toBe(204);
		expect(bodyOf(await c.get(`/crm/v8/Accounts/${COMPANIES.sakura.accountId}/Bogus?fields=x`)).code).toBe('INVALID_DATA');
		expect(bodyOf(await c.get(`/crm/v8/Accounts/4876876000000099999/Deals?fields=Deal_Name`)).message).toBe('the id given seems to be invalid');
	});

	it('validates deal writes (picklist stage, account lookup)', async () => {
		const r = await c.put('/crm/v8/Deals', {
			data: [
				{ id: DEALS.support.id, Stage: 'Closed Won' },
				{ id: DEALS.website.id, Stage: 'Won-ish' },
				{ id: DEALS.website.id, Account_Name: { id: CONTACTS.john.id } },
			],
		});
		expect(dataOf(r).map((i) => i.code)).toEqual(['SUCCESS', 'INVALID_DATA', 'INVALID_DATA']);
	});

	it('lists and gets contacts with Full_Name and account', async () => {
		const r = await c.get('/crm/v8/Contacts?fields=First_Name,Last_Name,Full_Name,Email,Account_Name&per_page=2');
		expect(dataOf(r)[0]).toMatchObject({ First_Name: CONTACTS.yamada.first, Full_Name: `${CONTACTS.yamada.first} ${CONTACTS.yamada.last}`, Account_Name: { id: COMPANIES.sakura.accountId } });
		expect(infoOf(r).more_records).toBe(true);
		expect(dataOf(await c.get(`/crm/v8/Contacts/${CONTACTS.john.id}`))[0].Email).toBe(CONTACTS.john.email);
	});
});
