/**
 * Record timeline (`GET /crm/v8/{module}/{id}/__timeline`): who changed which field, when, from
 * what to what; UI edits and API writes alike; ordering, paging, filters; unknown ids; metering.
 */
import { TASKS, USERS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, dataOf, detailsOf, infoOf, type Rec, type Reply, startSim } from './helpers';

const timelineOf = (r: Reply): Rec[] => (r.body as { __timeline: Rec[] }).__timeline;
/** Under the 1-hour token lifetime, so the test's token stays valid. */
const HALF_HOUR = 1800_000;

describe('CRM record timeline', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(async () => {
		await c.sim.stop();
	});

	const tl = (id: string, query = '', token?: string) => c.get(`/crm/v8/Tasks/${id}/__timeline${query}`, { token });

	it('a seeded record with no recorded writes has no timeline: 204', async () => {
		expect((await tl(TASKS.plan.crmId)).status).toBe(204);
	});

	it('a UI edit shows the editing user, the sim time, and each changed field with old and new values', async () => {
		c.sim.clock.advance(HALF_HOUR);
		c.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Due_Date: '2026-12-24', Owner: { id: USERS.emily.crmId } }, USERS.ichiro.crmId);
		const r = await tl(TASKS.plan.crmId, '?include_inner_details=field_history.field_label');
		expect(r.status).toBe(200);
		const [entry] = timelineOf(r);
		expect(entry).toMatchObject({
			audited_time: '2026-11-20T00:30:00+00:00',
			action: 'updated',
			source: 'crm_ui',
			type: 'timeline',
			done_by: { name: USERS.ichiro.name, id: USERS.ichiro.crmId },
			record: { id: TASKS.plan.crmId, name: TASKS.plan.name, module: { api_name: 'Tasks', id: expect.stringMatching(/^\d+$/) } },
		});
		// The time is the record's Modified_Time for that write.
		expect(entry.audited_time).toBe(c.sim.crm.getRecord('Tasks', TASKS.plan.crmId)?.Modified_Time);
		const history = entry.field_history as Rec[];
		expect(history.map((h) => h.api_name).sort()).toEqual(['Due_Date', 'Owner']);
		expect(history.find((h) => h.api_name === 'Due_Date')).toEqual({
			api_name: 'Due_Date',
			field_label: 'Due Date',
			id: expect.stringMatching(/^\d+$/),
			_value: { old: TASKS.plan.end, new: '2026-12-24' },
		});
		// Values are strings (Zoho's OAS and SDKs); a user lookup is written as the user's name.
		expect(history.find((h) => h.api_name === 'Owner')?._value).toEqual({ old: USERS.ichiro.name, new: USERS.emily.name });
	});

	it('an API write shows the token user and source crm_api; a create shows as added', async () => {
		const created = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'Check the import' }] }, { token: c.tokenFor(USERS.emily.crmId) });
		const id = String(detailsOf(dataOf(created)[0]).id);
		c.sim.clock.advance(60_000);
		const put = await c.put(`/crm/v8/Tasks/${id}`, { data: [{ Status: 'Completed' }] });
		expect(put.status).toBe(200);
		const entries = timelineOf(await tl(id));
		expect(entries.map((e) => [e.action, e.source, (e.done_by as Rec).id, e.audited_time])).toEqual([
			['updated', 'crm_api', USERS.hanako.crmId, '2026-11-20T00:01:00+00:00'],
			['added', 'crm_api', USERS.emily.crmId, '2026-11-20T00:00:00+00:00'],
		]);
		expect(entries[1].field_history).toBeNull();
		// Zoho derives Closed_Time from the status; the derived change is part of the same entry.
		const history = entries[0].field_history as Rec[];
		expect(history.find((h) => h.api_name === 'Status')?._value).toEqual({ old: 'Not Started', new: 'Completed' });
		expect(history.find((h) => h.api_name === 'Closed_Time')?._value).toEqual({ old: null, new: '2026-11-20T00:01:00+00:00' });
		expect(history[0]).not.toHaveProperty('field_label');
	});

	it('a write that changes no value leaves no entry (Modified_Time still moves)', async () => {
		c.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'New subject' });
		c.sim.clock.advance(60_000);
		const same = c.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'New subject' });
		expect(same.Modified_Time).toBe('2026-11-20T00:01:00+00:00');
		expect(timelineOf(await tl(TASKS.plan.crmId))).toHaveLength(1);
	});

	it('lists newest first by default, asc on request, and pages with per_page then page_token', async () => {
		for (let i = 1; i <= 5; i++) {
			c.sim.clock.advance(60_000);
			c.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: `Subject ${i}` });
		}
		const subjects = (r: Reply) => timelineOf(r).map((e) => ((e.field_history as Rec[])[0]._value as Rec).new);
		expect(subjects(await tl(TASKS.plan.crmId))).toEqual(['Subject 5', 'Subject 4', 'Subject 3', 'Subject 2', 'Subject 1']);
		expect(subjects(await tl(TASKS.plan.crmId, '?sort_by=audited_time&sort_order=asc'))).toEqual(['Subject 1', 'Subject 2', 'Subject 3', 'Subject 4', 'Subject 5']);

		const first = await tl(TASKS.plan.crmId, '?per_page=2');
		expect(subjects(first)).toEqual(['Subject 5', 'Subject 4']);
		expect(infoOf(first)).toMatchObject({ per_page: 2, count: 2, page: 1, more_records: true, previous_page_token: null });
		const second = await tl(TASKS.plan.crmId, `?page_token=${String(infoOf(first).next_page_token)}`);
		expect(subjects(second)).toEqual(['Subject 3', 'Subject 2']);
		expect(infoOf(second)).toMatchObject({ page: 2, more_records: true, previous_page_token: expect.any(String) });
		const third = await tl(TASKS.plan.crmId, `?page_token=${String(infoOf(second).next_page_token)}`);
		expect(subjects(third)).toEqual(['Subject 1']);
		expect(infoOf(third)).toMatchObject({ more_records: false, next_page_token: null });

		// The doc: per_page belongs to the first request only.
		const both = await tl(TASKS.plan.crmId, `?per_page=2&page_token=${String(infoOf(first).next_page_token)}`);
		expect(both.status).toBe(400);
		expect(bodyOf(both)).toMatchObject({ code: 'INVALID_DATA', details: { param_name: 'per_page', param: 'per_page' } });
		expect((await tl(TASKS.plan.crmId, '?sort_by=Modified_Time')).status).toBe(400);
	});

	it('filters by done_by.id, source and audited_time as the doc lists', async () => {
		c.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'By Ichiro in the UI' }, USERS.ichiro.crmId);
		c.sim.clock.advance(HALF_HOUR);
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Subject: 'By Hanako through the API' }] });
		const q = (f: unknown) => `?filters=${encodeURIComponent(JSON.stringify(f))}`;
		const actions = async (f: unknown) => timelineOf(await tl(TASKS.plan.crmId, q(f))).map((e) => (e.done_by as Rec).id);

		expect(await actions({ field: { api_name: 'done_by.id' }, comparator: 'equal', value: USERS.ichiro.crmId })).toEqual([USERS.ichiro.crmId]);
		expect(await actions({ field: { api_name: 'source' }, comparator: 'in', value: ['crm_api'] })).toEqual([USERS.hanako.crmId]);
		const window = { field: { api_name: 'audited_time' }, comparator: 'between', value: ['2026-11-20T00:10:00+00:00', '2026-11-20T01:00:00+00:00'] };
		expect(await actions(window)).toEqual([USERS.hanako.crmId]);
		const group = { group_operator: 'AND', group: [window, { field: { api_name: 'source' }, comparator: 'equal', value: 'crm_ui' }] };
		expect((await tl(TASKS.plan.crmId, q(group))).status).toBe(204);
		const bad = await tl(TASKS.plan.crmId, q({ field: { api_name: 'Subject' }, comparator: 'equal', value: 'x' }));
		expect(bad.status).toBe(400);
		expect(bodyOf(bad)).toMatchObject({ code: 'INVALID_DATA', details: { param_name: 'filters', param: 'filters' } });
	});

	it('an unknown or deleted record answers like GET by id', async () => {
		const unknown = await tl('4876876000009999999');
		const get = await c.get('/crm/v8/Tasks/4876876000009999999');
		expect(unknown.status).toBe(get.status);
		expect(bodyOf(unknown)).toMatchObject({ code: 'INVALID_DATA', message: 'the id given seems to be invalid' });
		c.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'Before delete' });
		c.sim.crm.deleteAsUser('Tasks', TASKS.plan.crmId);
		expect((await tl(TASKS.plan.crmId)).status).toBe(400);
		expect((await tl(TASKS.plan.crmId)).status).toBe((await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}`)).status);
	});

	it('other modules have timelines too', async () => {
		const acc = c.sim.crm.createAsUser('Accounts', { Account_Name: 'Timeline KK' }, USERS.emily.crmId);
		const r = await c.get(`/crm/v8/Accounts/${String(acc.id)}/__timeline`);
		expect(timelineOf(r)[0]).toMatchObject({ action: 'added', source: 'crm_ui', record: { module: { api_name: 'Accounts' }, name: 'Timeline KK' } });
	});

	it('needs a token and is metered like every CRM call', async () => {
		expect((await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/__timeline`, { headers: { Authorization: '' } })).status).toBe(401);
		const before = c.sim.crm.creditsUsed;
		await tl(TASKS.plan.crmId);
		expect(c.sim.crm.creditsUsed).toBe(before + 1);
		expect(c.sim.log.count({ route: '/crm/v8/Tasks/:id/__timeline', status: 204 })).toBe(1);
	});
});
