/**
 * `GET /crm/v8/settings/related_lists?module=…` against the shapes of the `getRelatedLists` operation
 * in Zoho's CRM OpenAPI description (zoho/crm-oas, v8.0/related_lists: 200 body, 400
 * REQUIRED_PARAM_MISSING / INVALID_MODULE, scopes ZohoCRM.settings.related_lists.READ|ALL or
 * ZohoCRM.settings.ALL). Issue 10 item 7.
 */
import { OAUTH_CLIENT, TASKS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, type Rec, startSim } from './helpers';

const SCOPES = ['ZohoCRM.settings.related_lists.READ', 'ZohoCRM.settings.fields.READ', 'ZohoCRM.modules.ALL'];

describe('CRM settings/related_lists', () => {
	let c: Client;
	beforeAll(async () => {
		c = await startSim();
		// A token from the consent flow, granted the related-lists scope (and fields, to compare the columns).
		const consent = await fetch(
			`${c.sim.url}/oauth/v2/auth?${new URLSearchParams({ client_id: OAUTH_CLIENT.clientId, response_type: 'code', redirect_uri: 'http://127.0.0.1/cb', scope: SCOPES.join(',') })}`,
			{ redirect: 'manual' },
		);
		const code = String(new URL(String(consent.headers.get('location'))).searchParams.get('code'));
		const grant = { client_id: OAUTH_CLIENT.clientId, client_secret: OAUTH_CLIENT.clientSecret, grant_type: 'authorization_code', code, redirect_uri: 'http://127.0.0.1/cb' };
		const token = await fetch(`${c.sim.url}/oauth/v2/token?${new URLSearchParams(grant)}`, { method: 'POST' });
		c.token = ((await token.json()) as { access_token: string }).access_token;
	});
	afterAll(async () => await c.sim.stop());

	const listsOf = (body: unknown): Rec[] => (body as { related_lists: Rec[] }).related_lists;

	it('lists the related lists of a module in the OAS shape, each one readable under the record', async () => {
		const r = await c.get('/crm/v8/settings/related_lists?module=Accounts');
		expect(r.status).toBe(200);
		const lists = listsOf(r.body);
		expect(lists.map((l) => l.api_name)).toEqual(['Contacts', 'Deals', 'Tasks', 'Notes']);
		lists.forEach((l, i) => {
			expect(l).toEqual({
				id: expect.stringMatching(/^\d{19}$/),
				sequence_number: String(i + 1),
				display_label: expect.any(String),
				api_name: l.api_name,
				module: { api_name: l.api_name, id: expect.stringMatching(/^\d+$/) },
				name: expect.stringMatching(/^[A-Za-z0-9_ -]+$/),
				action: null,
				href: null,
				type: 'default',
				visible: true,
				customize_sort: true,
				customize_fields: true,
				customize_display_label: true,
				sort_by: { api_name: l.api_name === 'Notes' ? 'Created_Time' : 'Modified_Time', id: expect.stringMatching(/^\d{19}$/) },
				sort_order: 'desc',
				fields: expect.arrayContaining([{ api_name: expect.any(String), id: expect.stringMatching(/^\d{19}$/) }]),
				status: 'visible',
				parent_related_lists: [],
			});
		});
		// The columns are fields the related module has, with the ids settings/fields gives them.
		for (const l of lists) {
			const module = (l.module as Rec).api_name as string;
			const known = ((await c.get(`/crm/v8/settings/fields?module=${module}`)).body as { fields: Rec[] }).fields.map((f) => ({ api_name: f.api_name, id: f.id }));
			expect(known).toEqual(expect.arrayContaining([...(l.fields as Rec[]), l.sort_by as Rec]));
		}
		expect(lists.find((l) => l.api_name === 'Tasks')?.fields).toEqual([
			{ api_name: 'Subject', id: expect.any(String) },
			{ api_name: 'Due_Date', id: expect.any(String) },
			{ api_name: 'Status', id: expect.any(String) },
			{ api_name: 'Priority', id: expect.any(String) },
			{ api_name: 'Owner', id: expect.any(String) },
		]);
		expect(new Set(lists.map((l) => l.id)).size).toBe(lists.length);
		const tasks = listsOf((await c.get('/crm/v8/settings/related_lists?module=Tasks')).body);
		expect(tasks.map((l) => l.api_name)).toEqual(['Notes']);
		// The listed related list is served under the record.
		const notes = await c.get(`/crm/v8/Tasks/${TASKS.plan.crmId}/Notes?fields=Note_Content`);
		expect(notes.status).toBe(200);
	});

	it('refuses a missing or unknown module with the OAS error bodies', async () => {
		const missing = await c.get('/crm/v8/settings/related_lists');
		expect(missing.status).toBe(400);
		expect(bodyOf(missing)).toEqual({ code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'module', param: 'module' }, message: 'One of the expected parameter is missing', status: 'error' });
		const unknown = await c.get('/crm/v8/settings/related_lists?module=Nope');
		expect(unknown.status).toBe(400);
		expect(bodyOf(unknown)).toEqual({ code: 'INVALID_MODULE', details: { param_name: 'module', param: 'module' }, message: 'the module name given seems to be invalid', status: 'error' });
	});
});
