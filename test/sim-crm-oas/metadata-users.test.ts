/**
 * users, settings/fields, settings/related_lists and the record timeline against zoho/crm-oas
 * v8.0 users.json, fields.json, related_lists.json and timelines.json. Real HTTP.
 */
import { OAUTH_CLIENT, TASKS } from '../zoho-sim/seed-data';
import { type Client, startSim } from '../sim-crm/helpers';
import { problems } from './conform';
import { FIELD_KEYS_NOT_SENT, MESSAGE_NOT_IN_ENUM, nullsFound, nullTokens, USER_SAMPLE_PATTERNS } from './excuses';
import { OPS } from './ops';

/** Entries of the simulator's timeline carry no extension, related record or automation: null. */
/** The simulator's entries carry no extension, related record or automation; empty values are null. */
const timelineNulls = (body: unknown) => [
	...nullsFound(body, /^\/__timeline\/\d+\/(extension|related_record|automation_details)$/),
	...nullsFound(body, /\/field_history\/\d+\/_value\/(old|new)$/),
	...nullTokens(body),
];

describe('CRM users and settings against the OAS', () => {
	let c: Client;
	beforeAll(async () => (c = await startSim()));
	afterAll(async () => await c.sim.stop());
	/** The product's default scopes do not include related-list metadata. */
	const lists = () => ({ token: c.sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, ['ZohoCRM.settings.related_lists.READ']).access_token });

	it.each(['AllUsers', 'ActiveUsers', 'CurrentUser'])('GET /users?type=%s is a Response_Wrapper of users', async (type) => {
		const r = await c.get(`/crm/v8/users?type=${type}`);
		expect(r.status).toBe(200);
		expect(problems(r, OPS.getUsers, { excuses: USER_SAMPLE_PATTERNS })).toEqual([]);
	});

	it('GET /users/{id} is a Response_Wrapper; a bad type a listed 400', async () => {
		const list = await c.get('/crm/v8/users?type=CurrentUser');
		const id = (list.body as { users: { id: string }[] }).users[0].id;
		const one = await c.get(`/crm/v8/users/${id}`);
		expect(one.status).toBe(200);
		expect(problems(one, OPS.getUser, { excuses: USER_SAMPLE_PATTERNS })).toEqual([]);
		const bad = await c.get('/crm/v8/users?type=Nobody');
		expect(bad.status).toBe(400);
		expect(problems(bad, OPS.getUsers)).toEqual([]);
	});

	it.each(['Tasks', 'Notes', 'Accounts', 'Deals', 'Contacts'])('GET /settings/fields?module=%s is a Response_Wrapper of fields', async (m) => {
		const r = await c.get(`/crm/v8/settings/fields?module=${m}`);
		expect(r.status).toBe(200);
		expect(problems(r, OPS.getFields, { excuses: FIELD_KEYS_NOT_SENT })).toEqual([]);
	});

	it('settings/fields errors are listed 400s', async () => {
		const none = await c.get('/crm/v8/settings/fields');
		expect(none.status).toBe(400);
		expect(problems(none, OPS.getFields, { alt: 'MandatoryParamError' })).toEqual([]);
		const bad = await c.get('/crm/v8/settings/fields?module=Nothing');
		expect(bad.status).toBe(400);
		expect(problems(bad, OPS.getFields, { alt: 'InvalidParamError' })).toEqual([]);
	});

	it.each(['Tasks', 'Accounts', 'Deals', 'Contacts'])('GET /settings/related_lists?module=%s is a Response_Wrapper', async (m) => {
		const r = await c.get(`/crm/v8/settings/related_lists?module=${m}`, lists());
		expect(r.status).toBe(200);
		expect(problems(r, OPS.getRelatedLists)).toEqual([]);
	});

	it('settings/related_lists errors are listed 400s', async () => {
		const none = await c.get('/crm/v8/settings/related_lists', lists());
		expect(none.status).toBe(400);
		expect(problems(none, OPS.getRelatedLists, { alt: 'MandatoryParamError' })).toEqual([]);
		const bad = await c.get('/crm/v8/settings/related_lists?module=Nothing', lists());
		expect(bad.status).toBe(400);
		expect(problems(bad, OPS.getRelatedLists, { alt: 'InvalidParamError' })).toEqual([]);
	});

	it('GET /Tasks/{id}/__timeline is a Response_Wrapper of timelines', async () => {
		// Two edits: two entries, so a first page of one has a next page.
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Status: 'Completed', Due_Date: '2026-12-09' }] });
		await c.put(`/crm/v8/Tasks/${TASKS.plan.crmId}`, { data: [{ Description: null }] });
		const r = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/__timeline?include_inner_details=field_history.data_type,field_history.field_label,done_by.profile&per_page=1`);
		expect(r.status).toBe(200);
		expect(problems(r, OPS.timeline, { excuses: timelineNulls(r.body) })).toEqual([]);
		const token = (r.body as { info: { next_page_token: string } }).info.next_page_token;
		const next = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/__timeline?page_token=${token}`);
		expect(next.status).toBe(200);
		expect(problems(next, OPS.timeline, { excuses: timelineNulls(next.body) })).toEqual([]);
		const bad = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/__timeline?sort_by=nothing`);
		expect(bad.status).toBe(400);
		expect(problems(bad, OPS.timeline, { alt: 'INVALID_FILTER', excuses: [MESSAGE_NOT_IN_ENUM] })).toEqual([]);
	});
});
