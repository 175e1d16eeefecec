/**
 * The resources around tasks: notes (task comments), accounts, deals, contacts and users, each
 * through the engine against the simulator.
 */
import { COMPANIES, CONTACTS, DEALS, PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { byId, crmContext, type CrmContext, items, jsonOf } from './helpers';

const query = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('Zoho CRM Tasks node: notes, accounts, deals, contacts, users', () => {
	let ctx: CrmContext;
	beforeAll(async () => (ctx = await crmContext()));
	afterAll(async () => await ctx.sim.stop());
	beforeEach(() => ctx.sim.log.clear());

	it('adds notes to tasks in one call, lists, updates and deletes them', async () => {
		const created = await ctx.run(
			{ resource: 'note', operation: 'create', taskId: byId('={{ $json.task }}'), content: '={{ $json.text }}', additionalFields: { title: 'From n8n' } },
			items({ task: TASKS.design.crmId, text: 'First comment' }, { task: TASKS.design.crmId, text: '二つ目のコメント' }),
		);
		expect(created.error).toBeUndefined();
		const [first, second] = jsonOf(created);
		expect(ctx.sim.log.filter({ method: 'POST', path: '/crm/v8/Notes' })).toHaveLength(1);
		expect(ctx.sim.crm.getRecord('Notes', String(first.id))).toMatchObject({
			Note_Content: 'First comment',
			Note_Title: 'From n8n',
			Parent_Id: { id: TASKS.design.crmId, module: { api_name: 'Tasks' } },
		});

		const listed = await ctx.run({ resource: 'note', operation: 'getAll', taskId: byId(TASKS.design.crmId), returnAll: true });
		expect(jsonOf(listed).map((n) => n.Note_Content)).toEqual(['First comment', '二つ目のコメント']);
		expect(ctx.sim.log.filter({ path: `/crm/v8/Tasks/${TASKS.design.crmId}/Notes` })).toHaveLength(1);

		const updated = await ctx.run({ resource: 'note', operation: 'update', noteId: String(first.id), updateFields: { content: 'First comment (edited)' } });
		expect(jsonOf(updated)[0]).toMatchObject({ id: first.id });
		expect(ctx.sim.crm.getRecord('Notes', String(first.id))?.Note_Content).toBe('First comment (edited)');

		const deleted = await ctx.run({ resource: 'note', operation: 'delete', noteId: '={{ $json.id }}' }, items({ id: first.id }, { id: second.id }));
		expect(jsonOf(deleted)).toEqual([
			{ id: first.id, deleted: true },
			{ id: second.id, deleted: true },
		]);
		expect(ctx.sim.log.filter({ method: 'DELETE', path: '/crm/v8/Notes' })).toHaveLength(1);
		expect(ctx.sim.crm.getRecord('Notes', String(first.id))).toBeUndefined();

		const gone = await ctx.run({ resource: 'note', operation: 'update', noteId: String(first.id), updateFields: { content: 'again' } });
		expect(gone.error?.message).toBe(`No note with ID "${first.id}" exists in Zoho CRM (INVALID_DATA)`);
	});

	it('gets an account, and searches accounts by exact name or name start', async () => {
		const got = await ctx.run({ resource: 'account', operation: 'get', accountId: byId(COMPANIES.sakura.accountId) });
		expect(jsonOf(got)[0]).toMatchObject({ id: COMPANIES.sakura.accountId, Account_Name: COMPANIES.sakura.crmName, Zoho_Projects_Client: COMPANIES.sakura.clientId });

		const exact = await ctx.run({ resource: 'account', operation: 'search', name: 'Acme Corporation', match: 'equals', returnAll: true });
		expect(jsonOf(exact).map((a) => a.id)).toEqual([COMPANIES.acme.accountId]);
		const prefix = await ctx.run({ resource: 'account', operation: 'search', name: 'North', match: 'startsWith', returnAll: true });
		expect(jsonOf(prefix).map((a) => a.id)).toEqual([COMPANIES.northwind.accountId]);
		expect(query(ctx.sim.log.entries.at(-1)!.query).criteria).toBe('(Account_Name:starts_with:North)');
		const none = await ctx.run({ resource: 'account', operation: 'search', name: 'Nobody Ltd', match: 'equals', returnAll: true });
		expect(jsonOf(none)).toEqual([]);
	});

	it("gets a deal, an account's deals, and the deals associated with a Projects project", async () => {
		const got = await ctx.run({ resource: 'deal', operation: 'get', dealId: byId(DEALS.website.id) });
		expect(jsonOf(got)[0]).toMatchObject({ id: DEALS.website.id, Deal_Name: DEALS.website.name });

		const ofAccount = await ctx.run({ resource: 'deal', operation: 'getAllForAccount', accountId: byId(COMPANIES.sakura.accountId), returnAll: true });
		expect(jsonOf(ofAccount).map((d) => d.id).sort()).toEqual([DEALS.migration.id, DEALS.support.id].sort());

		const ofProject = await ctx.run({ resource: 'deal', operation: 'getAllForProject', portalId: PORTAL_ID, projectId: PROJECTS.migration.id, returnAll: true });
		expect(jsonOf(ofProject).map((d) => d.id)).toEqual([DEALS.migration.id]);
		expect(query(ctx.sim.log.entries.at(-1)!.query).criteria).toBe(`(Zoho_Projects_Project:equals:${PORTAL_ID}:${PROJECTS.migration.id})`);

		const wrongField = await ctx.run({ resource: 'deal', operation: 'getAllForProject', portalId: PORTAL_ID, projectId: '1', projectField: 'Project_Link', returnAll: true });
		expect(wrongField.error?.message).toBe('The Deal field "Project_Link" does not exist in this Zoho CRM org');
	});

	it('gets contacts: all, per account, only those with an e-mail', async () => {
		const noMail = ctx.sim.crm.createAsUser('Contacts', { Last_Name: 'Mailless', Account_Name: { id: COMPANIES.sakura.accountId } });
		const all = await ctx.run({ resource: 'contact', operation: 'getAll', returnAll: true });
		expect(jsonOf(all).map((c) => c.id)).toEqual(expect.arrayContaining([CONTACTS.yamada.id, CONTACTS.john.id, noMail.id]));

		const ofSakura = await ctx.run({ resource: 'contact', operation: 'getAll', returnAll: true, filters: { accountId: COMPANIES.sakura.accountId, withEmail: true } });
		expect(jsonOf(ofSakura).map((c) => c.Email).sort()).toEqual([CONTACTS.kimura.email, CONTACTS.yamada.email].sort());
	});

	it('gets active users and a user by e-mail (case-insensitive); an unknown e-mail is an error naming it', async () => {
		const all = await ctx.run({ resource: 'user', operation: 'getAll', userType: 'ActiveUsers', returnAll: true });
		expect(jsonOf(all).map((u) => u.email).sort()).toEqual(
			[USERS.hanako.email, USERS.ichiro.email, USERS.emily.email, USERS.ken.email].sort(),
		);
		expect(query(ctx.sim.log.entries.at(-1)!.query)).toMatchObject({ type: 'ActiveUsers' });

		const one = await ctx.run({ resource: 'user', operation: 'getByEmail', email: 'Emily.Clark@Example.com', userType: 'ActiveUsers' });
		expect(jsonOf(one)).toEqual([expect.objectContaining({ id: USERS.emily.crmId, email: USERS.emily.email })]);

		const missing = await ctx.run({ resource: 'user', operation: 'getByEmail', email: USERS.maria.email, userType: 'ActiveUsers' });
		expect(missing.error?.message).toBe(`No Zoho CRM user has the e-mail "${USERS.maria.email}"`);
	});
});
