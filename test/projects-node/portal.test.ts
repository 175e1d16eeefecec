/** Projects, tasklists, statuses, users, client companies and client users; list searches and option lists. */
import type { INodeListSearchResult, INodePropertyOptions } from 'n8n-workflow';

import type { Harness } from '../harness/engine';
import { COMPANIES, CONTACTS, PORTAL_NAME, PROJECTS, STATUSES, TASKLISTS, USERS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { PROJECTS as PROJECTS_NODE, callMethod, freshHarness, portal, rl, runProjects, startProjectsSim, stopProjectsSim } from './helpers';

const migration = rl(PROJECTS.migration.id);

describe('Zoho Projects node: portal resources', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => {
		// Every test starts from the seed and creates what it reads.
		sim.projects.clear();
		sim.projects.seed();
		harness = freshHarness(sim);
	});

	it('gets a project with dates, strictness, client company and status', async () => {
		const { json } = await runProjects(harness, { resource: 'project', operation: 'get', projectId: migration });
		expect(json[0]).toMatchObject({
			id: PROJECTS.migration.id,
			start_date: '2026-12-01',
			end_date: '2026-12-25',
			is_strict_project: true,
			client_company: { id: COMPANIES.sakura.clientId },
			status: { is_closed_type: false },
		});
	});

	it('gets many projects (a bare-array list) with a limit', async () => {
		const all = await runProjects(harness, { resource: 'project', operation: 'getAll', returnAll: true });
		expect(all.json.map((p) => p.id).sort()).toEqual([PROJECTS.migration.id, PROJECTS.website.id].sort());
		const one = await runProjects(harness, { resource: 'project', operation: 'getAll', limit: 1 });
		expect(one.json).toHaveLength(1);
	});

	it('lists and creates tasklists', async () => {
		const created = await runProjects(harness, { resource: 'tasklist', operation: 'create', projectId: migration, name: '本番移行' });
		expect(created.json[0]).toMatchObject({ name: '本番移行' });
		expect(sim.projects.store.tasklists.get(String(created.json[0].id))).toMatchObject({ projectId: PROJECTS.migration.id });
		const listed = await runProjects(harness, { resource: 'tasklist', operation: 'getAll', projectId: migration, returnAll: true });
		expect(listed.json.map((l) => l.name)).toEqual([TASKLISTS.migrationGeneral.name, TASKLISTS.migrationVerify.name, '本番移行']);
	});

	it("lists the portal's statuses with is_closed_type where a task of the project shows it, else null", async () => {
		const { json } = await runProjects(harness, { resource: 'status', operation: 'getAll', projectId: migration, returnAll: true });
		// Migration tasks are "In Progress" and "Closed"; no task is in the other three.
		expect(json.map((s) => [s.name, s.is_closed_type])).toEqual([
			[STATUSES.open.name, null],
			[STATUSES.inProgress.name, false],
			[STATUSES.onHold.name, null],
			[STATUSES.closed.name, true],
			[STATUSES.cancelled.name, null],
		]);
	});

	it('lists portal users (v3.1) and project users', async () => {
		const portalUsers = await runProjects(harness, { resource: 'user', operation: 'getAll', scope: 'portal', returnAll: true });
		expect(portalUsers.json.map((u) => u.email)).toEqual([USERS.hanako, USERS.ichiro, USERS.emily, USERS.maria].map((u) => u.email));
		expect(sim.log.entries.at(-1)!.path).toBe('/api/v3.1/portal/700000001/users');
		const projectUsers = await runProjects(harness, { resource: 'user', operation: 'getAll', scope: 'project', projectId: migration, returnAll: true });
		expect(projectUsers.json.map((u) => u.zpuid)).toEqual([USERS.hanako.zpuid, USERS.ichiro.zpuid]);
	});

	it('finds users by e-mail with one list call for all items, failing the unknown one', async () => {
		const { items, errors } = await runProjects(
			harness,
			{ resource: 'user', operation: 'getByEmail', email: '={{ $json.email }}' },
			[{ email: 'EMILY.CLARK@example.com' }, { email: USERS.maria.email }, { email: 'ken.tanaka@example.jp' }],
			{ onError: 'continueErrorOutput' },
		);
		expect(items.map((i) => i.json.zpuid)).toEqual([USERS.emily.zpuid, USERS.maria.zpuid]);
		expect(errors.map((e) => e.json.error)).toEqual(['Email: no user of portal 700000001 has the e-mail "ken.tanaka@example.jp"']);
		expect(sim.log.count({ product: 'projects' })).toBe(1);
	});

	it('adds a person to the portal, then to a project; a second add is refused clearly', async () => {
		const added = await runProjects(harness, {
			resource: 'user',
			operation: 'addToPortal',
			email: USERS.ken.email,
			role: 'member',
			additionalFields: { first_name: '健', last_name: '田中' },
		});
		const zpuid = String(added.json[0].zpuid);
		expect(sim.projects.store.users.get(zpuid)).toMatchObject({ email: USERS.ken.email, role: 'member', first_name: '健' });

		const toProject = await runProjects(harness, { resource: 'user', operation: 'addToProject', projectId: migration, user: zpuid });
		expect(toProject.json[0].zpuid).toBe(zpuid);
		expect(sim.projects.store.projects.get(PROJECTS.migration.id)!.members).toContain(zpuid);

		const byEmail = await runProjects(harness, { resource: 'user', operation: 'addToProject', projectId: migration, user: USERS.emily.email });
		expect(byEmail.json[0].zpuid).toBe(USERS.emily.zpuid);
		expect(JSON.parse(JSON.stringify(sim.projects.store.projects.get(PROJECTS.migration.id)!.members))).toContain(USERS.emily.zpuid);

		const again = await runProjects(harness, { resource: 'user', operation: 'addToPortal', email: USERS.ken.email, role: 'member' });
		expect(again.result.error?.message).toBe(`Zoho Projects refused the request: ${USERS.ken.email} is already a portal user (zpuid ${zpuid}). [USER_ALREADY_EXISTS]`);
	});

	it('lists and creates client companies and client users', async () => {
		const companies = await runProjects(harness, { resource: 'clientCompany', operation: 'getAll', returnAll: true });
		expect(companies.json.map((c) => c.name)).toEqual([COMPANIES.sakura, COMPANIES.acme, COMPANIES.abc].map((c) => c.projectsName));
		const created = await runProjects(harness, {
			resource: 'clientCompany',
			operation: 'create',
			name: 'Northwind Traders',
			additionalFields: { website: 'https://northwind.example.com', country: 'US' },
		});
		const clientId = String(created.json[0].id);
		expect(sim.projects.store.clients.get(clientId)).toMatchObject({ name: 'Northwind Traders', website: 'https://northwind.example.com', country: 'US' });

		const user = await runProjects(harness, {
			resource: 'clientUser',
			operation: 'create',
			email: CONTACTS.kimura.email,
			clientCompanyId: COMPANIES.sakura.clientId,
			additionalFields: { first_name: CONTACTS.kimura.first, last_name: CONTACTS.kimura.last },
		});
		expect(user.json[0]).toMatchObject({ email: CONTACTS.kimura.email, client_company: { id: COMPANIES.sakura.clientId } });
		const users = await runProjects(harness, { resource: 'clientUser', operation: 'getAll', returnAll: true });
		expect(users.json.map((u) => u.email)).toEqual([CONTACTS.yamada.email, CONTACTS.john.email, CONTACTS.kimura.email]);
	});

	it('offers portals and projects to pick from, with search', async () => {
		const portals = (await callMethod(harness, PROJECTS_NODE, {}, 'listSearch', 'searchPortals')) as INodeListSearchResult;
		expect(portals.results).toEqual([{ name: PORTAL_NAME, value: '700000001' }]);
		const projects = (await callMethod(harness, PROJECTS_NODE, { portalId: portal }, 'listSearch', 'searchProjects', 'web')) as INodeListSearchResult;
		expect(projects.results).toEqual([{ name: PROJECTS.website.name, value: PROJECTS.website.id }]);
	});

	it('offers tasklists, statuses, users and companies that depend on portal and project', async () => {
		const added = await runProjects(harness, { resource: 'user', operation: 'addToPortal', email: USERS.ken.email, role: 'member' });
		expect(added.result.error).toBeUndefined();
		const company = await runProjects(harness, { resource: 'clientCompany', operation: 'create', name: 'Northwind Traders' });
		expect(company.result.error).toBeUndefined();
		const params = { portalId: portal, projectId: rl(PROJECTS.website.id) };
		const names = async (method: string) =>
			((await callMethod(harness, PROJECTS_NODE, params, 'loadOptions', method)) as INodePropertyOptions[]).map((o) => o.name);
		expect(await names('getTasklists')).toEqual([TASKLISTS.websiteGeneral.name]);
		// Website tasks show "Open"; the migration project's show "In Progress" and "Closed"; no task shows the
		// other two, so they are offered for both uses.
		expect(await names('getClosedStatuses')).toEqual(['On Hold', 'Closed', 'Cancelled']);
		expect(await names('getOpenStatuses')).toEqual(['Open', 'In Progress', 'On Hold', 'Cancelled']);
		const label = (u: { name: string; email: string }) => `${u.name} (${u.email})`;
		expect(await names('getProjectUsers')).toEqual([USERS.hanako, USERS.ichiro, USERS.emily, USERS.maria].map(label).sort());
		// Ken and Northwind were added above.
		expect(await names('getPortalUsers')).toEqual([USERS.hanako, USERS.ichiro, USERS.emily, USERS.maria, USERS.ken].map(label).sort());
		expect(await names('getClientCompanies')).toEqual([...[COMPANIES.acme, COMPANIES.abc, COMPANIES.sakura].map((c) => c.projectsName), 'Northwind Traders'].sort());
		expect(await names('getCustomFields')).toEqual(['CRM Task ID']);
	});
});
