/**
 * Records (Tasks, Accounts, Deals, Contacts): list, get, create, update, delete, upsert, search, the
 * recycle bin and related lists, validated against zoho/crm-oas v8.0 record.json,
 * module_search.json and related_records.json (see README.md). Real HTTP against the simulator.
 */
import { COMPANIES, DEALS, TASKS } from '../zoho-sim/seed-data';
import { type Client, dataOf, startSim } from '../sim-crm/helpers';
import { problems } from './conform';
import { nullAt, nullTokens, SEARCH_MESSAGE_CASE } from './excuses';
import { OPS } from './ops';

/** record.json lists only 200 for every record operation; the doc pages give 201/207 (ASSUMPTIONS.md). */
const DOC_STATUS = { status: '200', why: 'CRM/OpenAPI conformance: record.json lists only 200' };

/**
 * When an item fails both alternatives (Success_Response and API_Exception), ajv also reports the
 * error alternative's enums; these go with the excused finding above, not on their own.
 */
const ITEM_BRANCH = [
	{ why: 'same item as the null duplicate_field', keyword: 'enum', path: /^\/data\/\d+\/(status|code|message)$/ },
];

describe('CRM records against record.json', () => {
	let c: Client;
	beforeAll(async () => (c = await startSim()));
	afterAll(async () => await c.sim.stop());

	it.each(['Tasks', 'Accounts', 'Deals', 'Contacts'])('GET /%s (all fields, then a page with tokens) is a Response_Wrapper', async (m) => {
		const fields = { Tasks: 'Subject,Status,Due_Date,What_Id,Who_Id,Owner,Remind_At,Recurring_Activity,Closed_Time,Created_By,Modified_Time,Created_Time,Modified_By', Accounts: 'Account_Name,Owner,Website,Phone', Deals: 'Deal_Name,Stage,Amount,Account_Name,Contact_Name,Closing_Date', Contacts: 'First_Name,Last_Name,Full_Name,Email,Account_Name' }[m];
		const all = await c.get(`/crm/v8/${m}?fields=${fields}`);
		expect(all.status).toBe(200);
		expect(problems(all, OPS.getRecords, { alt: 'Response_Wrapper', excuses: nullTokens(all.body) })).toEqual([]);
		const page = await c.get(`/crm/v8/${m}?fields=${fields}&per_page=1`);
		expect(problems(page, OPS.getRecords, { alt: 'Response_Wrapper', excuses: nullTokens(page.body) })).toEqual([]);
	});

	it('GET /Tasks with every field, and with a page_token, is a Response_Wrapper', async () => {
		const first = await c.get('/crm/v8/Tasks?fields=Subject&per_page=2');
		const token = (first.body as { info: { next_page_token: string } }).info.next_page_token;
		const next = await c.get(`/crm/v8/Tasks?fields=Subject&per_page=2&page_token=${token}`);
		expect(next.status).toBe(200);
		expect(problems(next, OPS.getRecords, { alt: 'Response_Wrapper', excuses: nullTokens(next.body) })).toEqual([]);
	});

	it('GET /Tasks/{id} is a Response_Wrapper; an unknown id an API_Exception', async () => {
		const one = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`);
		expect(one.status).toBe(200);
		expect(problems(one, OPS.getRecord, { alt: 'Response_Wrapper' })).toEqual([]);
		const bad = await c.get('/crm/v8/Tasks/4876876999999999999');
		expect(bad.status).toBe(400);
		expect(problems(bad, OPS.getRecord, { alt: 'API_Exception', statusAs: DOC_STATUS })).toEqual([]);
	});

	it('a list without fields answers REQUIRED_PARAM_MISSING as an API_Exception', async () => {
		const r = await c.get('/crm/v8/Tasks');
		expect(r.status).toBe(400);
		expect(problems(r, OPS.getRecords, { alt: 'API_Exception', statusAs: DOC_STATUS })).toEqual([]);
	});

	it('create, update (bulk and one), upsert and delete answer data[] of Success_Response / API_Exception items', async () => {
		const created = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'OAS check', Due_Date: '2026-12-02', What_Id: { id: DEALS.migration.id }, $se_module: 'Deals' }] });
		expect(created.status).toBe(201);
		expect(problems(created, OPS.createRecords, { alt: 0, statusAs: DOC_STATUS })).toEqual([]);
		const id = String((dataOf(created)[0].details as { id: string }).id);

		const partial = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'ok' }, { Subject: 'bad date', Due_Date: '2026-02-30' }, { Description: 'no subject' }] });
		expect(partial.status).toBe(207);
		expect(problems(partial, OPS.createRecords, { alt: 0, statusAs: DOC_STATUS })).toEqual([]);

		const bulk = await c.put('/crm/v8/Tasks', { data: [{ id, Status: 'Completed' }, { id: '4876876999999999999', Status: 'Completed' }] });
		expect(bulk.status).toBe(207);
		expect(problems(bulk, OPS.updateRecords, { alt: 0, statusAs: DOC_STATUS })).toEqual([]);

		const one = await c.put(`/crm/v8/Tasks/${id}`, { data: [{ Priority: 'High' }] });
		expect(one.status).toBe(200);
		expect(problems(one, OPS.updateRecord, { alt: 0 })).toEqual([]);

		const invalid = await c.put(`/crm/v8/Tasks/${id}`, { data: [{ Status: 'No such status' }] });
		expect(invalid.status).toBe(400);
		expect(problems(invalid, OPS.updateRecord, { alt: 0, statusAs: DOC_STATUS })).toEqual([]);

		const upsert = await c.post('/crm/v8/Accounts/upsert', { data: [{ Account_Name: COMPANIES.acme.crmName, Phone: '03-0000-0000' }, { Account_Name: 'New Account OAS' }] });
		expect(upsert.status).toBe(201);
		// The inserted item's duplicate_field is null (no duplicate); its anyOf branches both report.
		expect(problems(upsert, OPS.upsertRecords, { alt: 0, statusAs: DOC_STATUS, excuses: [nullAt(/^\/data\/\d+\/duplicate_field$/), ...ITEM_BRANCH] })).toEqual([]);

		const wrapper = await c.post('/crm/v8/Tasks', { data: [] });
		expect(wrapper.status).toBe(400);
		expect(problems(wrapper, OPS.createRecords, { alt: 1, statusAs: DOC_STATUS })).toEqual([]);

		const del = await c.del(`/crm/v8/Tasks/${id}`);
		expect(del.status).toBe(200);
		expect(problems(del, OPS.deleteRecord, { alt: 0 })).toEqual([]);
		const delMany = await c.del(`/crm/v8/Tasks?ids=${id},4876876999999999999`);
		expect(problems(delMany, OPS.deleteRecords, { alt: 0, statusAs: DOC_STATUS })).toEqual([]);
		const noIds = await c.del('/crm/v8/Tasks');
		expect(noIds.status).toBe(400);
		expect(problems(noIds, OPS.deleteRecords, { alt: 1, statusAs: DOC_STATUS })).toEqual([]);
	});

	it('GET /Tasks/deleted is a Deleted_Records_Wrapper', async () => {
		const r = await c.get('/crm/v8/Tasks/deleted?type=all');
		expect(r.status).toBe(200);
		expect(problems(r, OPS.deletedRecords, { alt: 'Deleted_Records_Wrapper' })).toEqual([]);
	});

	it('search answers a Response_Wrapper (record.json and module_search.json) and its errors as module_search lists them', async () => {
		const hit = await c.get(`/crm/v8/Tasks/search?criteria=(Status:equals:In Progress)`);
		expect(hit.status).toBe(200);
		expect(problems(hit, OPS.searchRecords, { alt: 'Response_Wrapper' })).toEqual([]);
		expect(problems(hit, OPS.searchModule)).toEqual([]);
		const word = await c.get(`/crm/v8/Accounts/search?word=Acme`);
		expect(problems(word, OPS.searchModule)).toEqual([]);
		const bad = await c.get('/crm/v8/Tasks/search?criteria=(Status:sounds_like:x)');
		expect(bad.status).toBe(400);
		expect(problems(bad, OPS.searchModule, { alt: 'InvalidQuery', excuses: [SEARCH_MESSAGE_CASE] })).toEqual([]);
	});

	it('related records (a Deal’s Tasks, an Account’s Contacts and Deals) are a Response_Wrapper', async () => {
		for (const path of [`/Deals/${DEALS.migration.id}/Tasks?fields=Subject,Status`, `/Accounts/${COMPANIES.sakura.accountId}/Contacts?fields=Last_Name,Email`, `/Accounts/${COMPANIES.sakura.accountId}/Deals?fields=Deal_Name,Stage`]) {
			const r = await c.get(`/crm/v8${path}`);
			expect(r.status).toBe(200);
			expect(problems(r, OPS.relatedRecords, { alt: 'Response_Wrapper' })).toEqual([]);
		}
		const badList = await c.get(`/crm/v8/Deals/${DEALS.migration.id}/Nothing?fields=Subject`);
		expect(badList.status).toBe(400);
		expect(problems(badList, OPS.relatedRecords, { alt: 'API_Exception', statusAs: { status: '200', why: 'related_records.json lists only 200' } })).toEqual([]);
	});
});
