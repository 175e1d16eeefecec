/**
 * Get Records: required `fields`, page/per_page, the 2,000-record page-number window and page_token,
 * sorting, If-Modified-Since with 304, and 204 for an empty listing.
 */
import { CONTACTS, OAUTH_CLIENT, TASKS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, dataOf, infoOf, startSim } from './helpers';

const SEEDED_TASKS = Object.values(TASKS).filter((t) => t.crmId).length;

describe('CRM Tasks: list', () => {
	let c: Client;
	beforeAll(async () => {
		c = await startSim();
		// 2,100 more tasks, one minute later than the seed, in 21 calls of 100.
		c.sim.clock.advance(60_000);
		for (let b = 0; b < 21; b++) {
			const r = await c.post('/crm/v8/Tasks', { data: Array.from({ length: 100 }, (_, i) => ({ Subject: `bulk ${b * 100 + i}` })) });
			expect(r.status).toBe(201);
		}
	});
	afterAll(async () => {
		await c.sim.stop();
	});
	const total = SEEDED_TASKS + 2100;

	it('requires fields', async () => {
		const r = await c.get('/crm/v8/Tasks');
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			code: 'REQUIRED_PARAM_MISSING',
			details: { param_name: 'fields', param: 'fields' },
			message: expect.any(String),
			status: 'error',
		});
		const unknown = await c.get('/crm/v8/Tasks?fields=Subject,No_Such_Field');
		expect(bodyOf(unknown)).toMatchObject({ code: 'INVALID_DATA', details: { api_name: 'No_Such_Field' } });
	});

	it('returns only the asked fields plus id, with Zoho info', async () => {
		const r = await c.get('/crm/v8/Tasks?fields=Subject,Status&per_page=2');
		expect(r.status).toBe(200);
		expect(dataOf(r)).toEqual([
			{ id: TASKS.plan.crmId, Subject: TASKS.plan.name, Status: TASKS.plan.crmStatus },
			{ id: TASKS.verify.crmId, Subject: TASKS.verify.name, Status: TASKS.verify.crmStatus },
		]);
		expect(infoOf(r)).toEqual({
			per_page: 2,
			count: 2,
			page: 1,
			more_records: true,
			sort_by: 'id',
			sort_order: 'asc',
			next_page_token: expect.any(String),
			previous_page_token: null,
			page_token_expiry: expect.any(String),
		});
	});

	it('refuses per_page above 200 and bad sort parameters', async () => {
		const r = await c.get('/crm/v8/Tasks?fields=Subject&per_page=201');
		expect(r.status).toBe(400);
		expect(bodyOf(r)).toMatchObject({ code: 'INVALID_DATA', details: { param_name: 'per_page', param: 'per_page' } });
		expect(bodyOf(await c.get('/crm/v8/Tasks?fields=Subject&sort_by=Subject')).details).toEqual({ param_name: 'sort_by', param: 'sort_by' });
		expect(bodyOf(await c.get('/crm/v8/Tasks?fields=Subject&sort_order=up')).details).toEqual({ param_name: 'sort_order', param: 'sort_order' });
	});

	it('pages by number up to 2,000 records and refuses beyond with DISCRETE_PAGINATION_LIMIT_EXCEEDED', async () => {
		const seen = new Set<string>();
		for (let page = 1; page <= 10; page++) {
			const r = await c.get(`/crm/v8/Tasks?fields=Subject&page=${page}`);
			expect(r.status).toBe(200);
			expect(infoOf(r)).toMatchObject({ page, per_page: 200, count: 200, more_records: true });
			for (const rec of dataOf(r)) seen.add(String(rec.id));
		}
		expect(seen.size).toBe(2000);
		const beyond = await c.get('/crm/v8/Tasks?fields=Subject&page=11');
		expect(beyond.status).toBe(400);
		expect(bodyOf(beyond)).toMatchObject({ code: 'DISCRETE_PAGINATION_LIMIT_EXCEEDED', status: 'error' });
	});

	it('continues past 2,000 with page_token until more_records is false', async () => {
		let r = await c.get('/crm/v8/Tasks?fields=Subject&page=10');
		const ids = new Set<string>();
		let token = String(infoOf(r).next_page_token);
		let calls = 0;
		while (token !== 'null') {
			r = await c.get(`/crm/v8/Tasks?fields=Subject&page_token=${token}`);
			expect(r.status).toBe(200);
			for (const rec of dataOf(r)) ids.add(String(rec.id));
			token = String(infoOf(r).next_page_token);
			calls++;
		}
		expect(ids.size).toBe(total - 2000);
		expect(calls).toBe(1);
		expect(infoOf(r)).toMatchObject({ more_records: false, count: total - 2000, page: 11, previous_page_token: expect.any(String) });
		const bad = await c.get('/crm/v8/Tasks?fields=Subject&page_token=nope');
		expect(bodyOf(bad)).toMatchObject({ code: 'INVALID_DATA', details: { param_name: 'page_token', param: 'page_token' } });
	});

	it('walks the whole module with page_token from page 1', async () => {
		const ids = new Set<string>();
		let path = '/crm/v8/Tasks?fields=Subject&per_page=200';
		for (;;) {
			const r = await c.get(path);
			for (const rec of dataOf(r)) ids.add(String(rec.id));
			const next = infoOf(r).next_page_token;
			if (typeof next !== 'string') break;
			path = `/crm/v8/Tasks?fields=Subject&per_page=200&page_token=${next}`;
		}
		expect(ids.size).toBe(total);
	});

	it('sorts by Modified_Time descending', async () => {
		const r = await c.get('/crm/v8/Tasks?fields=Subject,Modified_Time&sort_by=Modified_Time&sort_order=desc&per_page=200&page=10');
		const last = dataOf(r);
		expect(last[last.length - 1].Modified_Time).toBe('2026-11-20T00:01:00+00:00');
		expect(infoOf(r)).toMatchObject({ sort_by: 'Modified_Time', sort_order: 'desc' });
	});

	it('If-Modified-Since returns only later changes, and 304 when nothing changed', async () => {
		const none = await c.get('/crm/v8/Tasks?fields=Subject', { headers: { 'If-Modified-Since': '2026-11-20T00:01:00+00:00' } });
		expect(none.status).toBe(304);
		expect(none.text).toBe('');
		c.sim.clock.advance(30_000);
		await c.put(`/crm/v8/Tasks/${TASKS.kickoff.crmId}`, { data: [{ Priority: 'Low' }] });
		const later = await c.get('/crm/v8/Tasks?fields=Subject,Priority', { headers: { 'If-Modified-Since': '2026-11-20T09:01:00+09:00' } });
		expect(later.status).toBe(200);
		expect(dataOf(later)).toEqual([{ id: TASKS.kickoff.crmId, Subject: TASKS.kickoff.name, Priority: 'Low' }]);
		const bad = await c.get('/crm/v8/Tasks?fields=Subject', { headers: { 'If-Modified-Since': 'yesterday' } });
		expect(bad.status).toBe(400);
	});
});

describe('CRM: empty listings', () => {
	it('answers 204 with no body when a module holds no records', async () => {
		const c = await startSim();
		try {
			// The product only reads Contacts; emptying the module needs a token that may delete them.
			c.token = c.sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, 'ZohoCRM.modules.contacts.ALL').access_token;
			const ids = Object.values(CONTACTS).map((x) => x.id).join(',');
			expect((await c.del(`/crm/v8/Contacts?ids=${ids}`)).status).toBe(200);
			const r = await c.get('/crm/v8/Contacts?fields=Last_Name');
			expect(r.status).toBe(204);
			expect(r.text).toBe('');
			expect((await c.get('/crm/v8/Contacts/deleted')).status).toBe(200);
		} finally {
			await c.sim.stop();
		}
	});
});
