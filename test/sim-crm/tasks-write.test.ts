/**
 * Tasks writes: create/update/delete/upsert, per-record result items, 201/200/207/400, validation.
 */
import { COMPANIES, CONTACTS, DEALS, FIELDS, TASKS, USERS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, dataOf, detailsOf, type Rec, startSim } from './helpers';

const task = (extra: Rec = {}): Rec => ({ Subject: 'Call the customer', ...extra });

describe('CRM Tasks: create', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});

	it('creates records: 201, SUCCESS items with audit details, defaults applied', async () => {
		const r = await c.post('/crm/v8/Tasks', {
			data: [task({ Due_Date: '2026-12-01', What_Id: { id: DEALS.migration.id }, $se_module: 'Deals', Who_Id: CONTACTS.yamada.id })],
			trigger: [],
		});
		expect(r.status).toBe(201);
		const [item] = dataOf(r);
		expect(item).toMatchObject({ code: 'SUCCESS', message: 'record added', status: 'success' });
		const d = detailsOf(item);
		expect(d).toEqual({
			id: expect.stringMatching(/^\d{19}$/),
			Created_Time: '2026-11-20T00:00:00+00:00',
			Modified_Time: '2026-11-20T00:00:00+00:00',
			Created_By: { name: USERS.hanako.name, id: USERS.hanako.crmId },
			Modified_By: { name: USERS.hanako.name, id: USERS.hanako.crmId },
		});
		const rec = dataOf(await c.get(`/crm/v8/Tasks/${String(d.id)}`))[0];
		expect(rec).toMatchObject({
			Subject: 'Call the customer',
			Status: 'Not Started',
			Priority: 'Normal',
			Owner: { id: USERS.hanako.crmId, name: USERS.hanako.name, email: USERS.hanako.email },
			What_Id: { id: DEALS.migration.id, name: DEALS.migration.name },
			$se_module: 'Deals',
			Who_Id: { id: CONTACTS.yamada.id, name: `${CONTACTS.yamada.first} ${CONTACTS.yamada.last}` },
			Closed_Time: null,
		});
	});

	it('mixes success and failure in one call: 207 with one item per record in order', async () => {
		const r = await c.post('/crm/v8/Tasks', {
			data: [
				task(),
				{ Description: 'no subject' },
				task({ Due_Date: '2026-02-30' }),
				task({ Due_Date: '2026/12/01' }),
				task({ Status: 'Waiting for Customer', Priority: 'Highest' }),
				task({ Status: 'Done' }),
				task({ Priority: 'Urgent' }),
				task({ Nonexistent_Field: 'x' }),
				task({ Owner: { id: '4876876000000099999' } }),
				task({ What_Id: { id: DEALS.migration.id }, $se_module: 'Accounts' }),
				task({ What_Id: { id: DEALS.migration.id } }),
				task({ Who_Id: { id: COMPANIES.sakura.accountId } }),
				task({ Subject: 'x'.repeat(256) }),
				'not an object',
			],
		});
		expect(r.status).toBe(207);
		const items = dataOf(r);
		expect(items.map((i) => i.code)).toEqual([
			'SUCCESS',
			'MANDATORY_NOT_FOUND',
			'INVALID_DATA',
			'INVALID_DATA',
			'SUCCESS',
			'INVALID_DATA',
			'INVALID_DATA',
			'INVALID_DATA',
			'INVALID_DATA',
			'INVALID_DATA',
			'MANDATORY_NOT_FOUND',
			'INVALID_DATA',
			'INVALID_DATA',
			'INVALID_DATA',
		]);
		expect(items[1]).toEqual({
			code: 'MANDATORY_NOT_FOUND',
			details: { api_name: 'Subject', json_path: '$.data[1].Subject' },
			message: 'required field not found',
			status: 'error',
		});
		expect(items[2]).toEqual({
			code: 'INVALID_DATA',
			details: { api_name: 'Due_Date', json_path: '$.data[2].Due_Date', expected_data_type: 'date' },
			message: 'invalid data',
			status: 'error',
		});
		expect(detailsOf(items[5])).toMatchObject({ api_name: 'Status', json_path: '$.data[5].Status', expected_data_type: 'picklist' });
		expect(detailsOf(items[6])).toMatchObject({ api_name: 'Priority' });
		expect(detailsOf(items[7])).toMatchObject({ api_name: 'Nonexistent_Field', json_path: '$.data[7].Nonexistent_Field' });
		expect(detailsOf(items[8])).toMatchObject({ api_name: 'Owner', expected_data_type: 'ownerlookup' });
		expect(detailsOf(items[9])).toMatchObject({ api_name: 'What_Id', expected_data_type: 'lookup' });
		expect(detailsOf(items[10])).toMatchObject({ api_name: '$se_module' });
		expect(detailsOf(items[11])).toMatchObject({ api_name: 'Who_Id' });
		expect(detailsOf(items[12])).toMatchObject({ api_name: 'Subject', maximum_length: 255 });
		expect(detailsOf(items[13])).toMatchObject({ json_path: '$.data[13]' });
	});

	it('answers 400 with error items when every record fails', async () => {
		const r = await c.post('/crm/v8/Tasks', { data: [{ Description: 'x' }] });
		expect(r.status).toBe(400);
		expect(dataOf(r)[0].code).toBe('MANDATORY_NOT_FOUND');
	});

	it('refuses more than 100 records, a missing data key and an empty array', async () => {
		const many = await c.post('/crm/v8/Tasks', { data: Array.from({ length: 101 }, (_, i) => task({ Subject: `t${i}` })) });
		expect(many.status).toBe(400);
		expect(bodyOf(many)).toMatchObject({ code: 'LIMIT_EXCEEDED', details: { limit: 100 }, status: 'error' });
		expect(bodyOf(many).data).toBeUndefined();
		const hundred = await c.post('/crm/v8/Tasks', { data: Array.from({ length: 100 }, (_, i) => task({ Subject: `t${i}` })) });
		expect(hundred.status).toBe(201);
		expect(dataOf(hundred)).toHaveLength(100);
		const none = await c.post('/crm/v8/Tasks', { records: [] });
		expect(bodyOf(none)).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'data' } });
		const empty = await c.post('/crm/v8/Tasks', { data: [] });
		expect(empty.status).toBe(400);
		expect(bodyOf(empty).code).toBe('INVALID_DATA');
	});

	it('validates the link fields: URL must be a website, sync state at most 32000 chars', async () => {
		const r = await c.post('/crm/v8/Tasks', {
			data: [
				task({ [FIELDS.taskLink]: '700000001:2000000041001:2000000081009', [FIELDS.taskLinkUrl]: 'https://projects.zoho.com/portal/x#taskdetail/1/2/3', [FIELDS.syncState]: '{"v":1}' }),
				task({ [FIELDS.taskLinkUrl]: 'not a url' }),
				task({ [FIELDS.syncState]: 'x'.repeat(32001) }),
			],
		});
		expect(dataOf(r).map((i) => i.code)).toEqual(['SUCCESS', 'INVALID_DATA', 'INVALID_DATA']);
		expect(detailsOf(dataOf(r)[1])).toMatchObject({ api_name: FIELDS.taskLinkUrl, expected_data_type: 'website' });
		expect(detailsOf(dataOf(r)[2])).toMatchObject({ api_name: FIELDS.syncState, maximum_length: 32000 });
	});
});

describe('CRM Tasks: get, update, delete, upsert', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});

	it('gets one record wrapped in data, and refuses an unknown id', async () => {
		const r = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}?fields=Subject,${FIELDS.taskLink}`);
		expect(r.status).toBe(200);
		expect(dataOf(r)).toEqual([{ id: TASKS.plan.crmId, Subject: TASKS.plan.name, [FIELDS.taskLink]: expect.stringMatching(/^\d+:\d+:\d+$/) }]);
		const unknown = await c.get('/crm/v8/Tasks/4876876000000099999');
		expect(unknown.status).toBe(400);
		expect(unknown.body).toEqual({ code: 'INVALID_DATA', details: { id: '4876876000000099999' }, message: 'the id given seems to be invalid', status: 'error' });
	});

	it('updates in bulk and by id; bumps Modified_Time/By; Completed sets Closed_Time; unknown id fails', async () => {
		c.sim.clock.advance(60_000);
		const asIchiro = c.tokenFor(USERS.ichiro.crmId);
		const r = await c.put(
			'/crm/v8/Tasks',
			{ data: [{ id: TASKS.design.crmId, Status: 'Completed' }, { id: '4876876000000099999', Status: 'Deferred' }, { Status: 'Deferred' }] },
			{ token: asIchiro },
		);
		expect(r.status).toBe(207);
		const [ok, unknown, noId] = dataOf(r);
		expect(ok).toMatchObject({ code: 'SUCCESS', message: 'record updated' });
		expect(detailsOf(ok)).toMatchObject({ Modified_Time: '2026-11-20T00:01:00+00:00', Modified_By: { id: USERS.ichiro.crmId, name: USERS.ichiro.name } });
		expect(unknown).toMatchObject({ code: 'INVALID_DATA', message: 'the id given seems to be invalid', details: { id: '4876876000000099999' } });
		expect(noId).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'id' } });
		const rec = dataOf(await c.get(`/crm/v8/Tasks/${TASKS.design.crmId}`))[0];
		expect(rec).toMatchObject({ Status: 'Completed', Closed_Time: '2026-11-20T00:01:00+00:00', Modified_By: { id: USERS.ichiro.crmId } });

		const one = await c.put(`/crm/v8/Tasks/${TASKS.design.crmId}`, { data: [{ Status: 'In Progress', Due_Date: null }] });
		expect(one.status).toBe(200);
		const after = dataOf(await c.get(`/crm/v8/Tasks/${TASKS.design.crmId}`))[0];
		expect(after).toMatchObject({ Status: 'In Progress', Closed_Time: null, Due_Date: null });
		const bad = await c.put(`/crm/v8/Tasks/${TASKS.design.crmId}`, { data: [{ Subject: '' }] });
		expect(bad.status).toBe(400);
		expect(dataOf(bad)[0]).toMatchObject({ code: 'MANDATORY_NOT_FOUND', details: { api_name: 'Subject' } });
		const missing = await c.put('/crm/v8/Tasks/4876876000000099999', { data: [{ Status: 'Deferred' }] });
		expect(missing.status).toBe(400);
		expect(dataOf(missing)[0].message).toBe('the id given seems to be invalid');
	});

	it('deletes in bulk (≤100) and by id, and lists them in the recycle bin', async () => {
		c.sim.clock.advance(5_000);
		const r = await c.del(`/crm/v8/Tasks?ids=${TASKS.design.crmId},4876876000000099999`);
		expect(r.status).toBe(207);
		expect(dataOf(r)).toEqual([
			{ code: 'SUCCESS', details: { id: TASKS.design.crmId }, message: 'record deleted', status: 'success' },
			{ code: 'INVALID_DATA', details: { id: '4876876000000099999' }, message: 'the id given seems to be invalid', status: 'error' },
		]);
		expect((await c.get(`/crm/v8/Tasks/${TASKS.design.crmId}`)).status).toBe(400);
		expect((await c.del(`/crm/v8/Tasks/${TASKS.kickoff.crmId}`)).status).toBe(200);
		const tooMany = await c.del(`/crm/v8/Tasks?ids=${Array.from({ length: 101 }, (_, i) => String(i + 1)).join(',')}`);
		expect(tooMany.status).toBe(400);
		expect(bodyOf(tooMany).code).toBe('LIMIT_EXCEEDED');
		expect(bodyOf(await c.del('/crm/v8/Tasks'))).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'ids', param: 'ids' } });

		const bin = await c.get('/crm/v8/Tasks/deleted?type=recycle');
		expect(bin.status).toBe(200);
		expect(dataOf(bin).map((d) => d.id).sort()).toEqual([TASKS.design.crmId, TASKS.kickoff.crmId].sort());
		expect(dataOf(bin)[0]).toMatchObject({
			type: 'recycle',
			deleted_by: { id: USERS.hanako.crmId, name: USERS.hanako.name },
			deleted_time: '2026-11-20T00:00:05+00:00',
			created_by: { id: USERS.hanako.crmId },
			display_name: expect.any(String),
		});
		expect((await c.get('/crm/v8/Tasks/deleted?type=permanent')).status).toBe(204);
		expect(c.sim.crm.purgeDeleted('Tasks')).toBe(2);
		expect(dataOf(await c.get('/crm/v8/Tasks/deleted?type=permanent'))).toHaveLength(2);
		expect((await c.get('/crm/v8/Tasks/deleted?type=recycle')).status).toBe(204);
		expect(dataOf(await c.get('/crm/v8/Tasks/deleted?type=all'))).toHaveLength(2);
		expect(bodyOf(await c.get('/crm/v8/Tasks/deleted?type=bogus')).code).toBe('INVALID_DATA');
		const since = await c.get('/crm/v8/Tasks/deleted', { headers: { 'If-Modified-Since': '2026-11-20T00:00:05+00:00' } });
		expect(since.status).toBe(304);
		const before = await c.get('/crm/v8/Tasks/deleted?per_page=1&page=2', { headers: { 'If-Modified-Since': '2026-11-20T00:00:00+00:00' } });
		expect(dataOf(before)).toHaveLength(1);
		expect(before.body).toMatchObject({ info: { per_page: 1, count: 1, page: 2, more_records: false } });
	});

	it('upserts by duplicate_check_fields: update when the link value matches, insert otherwise', async () => {
		const link = '700000001:2000000041001:2000000081001';
		const r = await c.post('/crm/v8/Tasks/upsert', {
			data: [
				{ Subject: 'Renamed plan', [FIELDS.taskLink]: link },
				{ Subject: 'Brand new', [FIELDS.taskLink]: '700000001:2000000041001:2000000089999' },
			],
			duplicate_check_fields: [FIELDS.taskLink],
		});
		expect(r.status).toBe(201);
		const [updated, inserted] = dataOf(r);
		expect(updated).toMatchObject({ code: 'SUCCESS', action: 'update', duplicate_field: FIELDS.taskLink, message: 'record updated' });
		expect(detailsOf(updated)).toMatchObject({ id: TASKS.plan.crmId, action: 'update' });
		expect(inserted).toMatchObject({ code: 'SUCCESS', action: 'insert', duplicate_field: null, message: 'record added' });
		expect(dataOf(await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`))[0].Subject).toBe('Renamed plan');
		const bad = await c.post('/crm/v8/Tasks/upsert', { data: [task()], duplicate_check_fields: ['Nope'] });
		expect(bad.status).toBe(400);
		expect(bodyOf(bad)).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'Nope' } });
		const onlyUpdate = await c.post('/crm/v8/Tasks/upsert', { data: [{ Subject: 'Again', [FIELDS.taskLink]: link }], duplicate_check_fields: [FIELDS.taskLink] });
		expect(onlyUpdate.status).toBe(200);
	});
});
