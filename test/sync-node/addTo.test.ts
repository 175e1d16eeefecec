import { COMPANIES, DEALS, FIELDS, PORTAL_ID, PROJECTS, TASKLISTS, TASKS, USERS, taskLinkValue } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

describe('Zoho Task Sync: Add to Projects / Add to CRM / List CRM Targets', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const crm = (id: string) => env.sim.crm.getRecord('Tasks', id) as Record<string, unknown>;
	const projects = (id: string) => env.sim.projects.task(id) as Record<string, unknown>;

	it("lists what the seed's dialog lists: mapped accounts, unmapped same-name accounts, the project's deals", async () => {
		const migration = await env.run({ operation: 'listCrmTargets', portalId: PORTAL_ID, projectId: PROJECTS.migration.id }, [{}]);
		expect(migration.synced.map((t) => [t.type, t.id])).toEqual([
			['mappedAccount', COMPANIES.sakura.accountId],
			['deal', DEALS.migration.id],
		]);
		const website = await env.run({ operation: 'listCrmTargets', portalId: PORTAL_ID, projectId: PROJECTS.website.id }, [{}]);
		expect(website.synced.map((t) => [t.type, t.id])).toEqual([
			['unmappedAccount', COMPANIES.acme.accountId],
			['deal', DEALS.website.id],
		]);
		expect(website.synced[0].label).toBe('Unmapped account: Acme Corporation');
	});

	it('creates the CRM task of a Projects task related to the only deal, and links both ways', async () => {
		const r = await env.run(
			{ operation: 'addToCrm', portalId: PORTAL_ID, projectId: PROJECTS.website.id, projectsTaskId: TASKS.contentPlan.zpId, relateTo: 'auto' },
			[{}],
		);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ action: 'created', projectsTaskId: TASKS.contentPlan.zpId });
		const crmTaskId = String(r.synced[0].crmTaskId);
		expect(crm(crmTaskId)).toMatchObject({
			Subject: 'Content plan',
			Due_Date: '2026-12-05',
			$se_module: 'Deals',
			What_Id: { id: DEALS.website.id },
			[FIELDS.taskLink]: taskLinkValue(PROJECTS.website.id, TASKS.contentPlan.zpId),
		});
		expect(projects(TASKS.contentPlan.zpId)[FIELDS.projectsCrmTaskId]).toBe(crmTaskId);
		// Maria has no CRM account: the task is created, her ownership is refused and reported.
		expect(r.rejected.map((x) => x.rule)).toEqual(['OWNER_NO_COUNTERPART']);
		// Addressed to the person whose Projects task was copied (its last editor, Maria).
		expect(r.rejected[0]).toMatchObject({ recipient: USERS.maria.email, links: { crm: expect.stringContaining(crmTaskId) } });
		expect(String(r.rejected[0].subject)).toContain('担当者');
		// Linked and based: the next sync of the pair writes nothing.
		env.mark();
		const echo = await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: crmTaskId }]);
		expect(echo.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.calls('projects')).toBe(0);
	});

	it('relates it to an unmapped same-name account, which becomes mapped', async () => {
		const r = await env.run(
			{ operation: 'addToCrm', portalId: PORTAL_ID, projectId: PROJECTS.website.id, projectsTaskId: TASKS.contentPlan.zpId, relateTo: 'account', accountId: COMPANIES.acme.accountId },
			[{}],
		);
		expect(crm(String(r.synced[0].crmTaskId))).toMatchObject({ $se_module: 'Accounts', What_Id: { id: COMPANIES.acme.accountId } });
		expect(env.sim.crm.getRecord('Accounts', COMPANIES.acme.accountId)?.[FIELDS.accountClient]).toBe(COMPANIES.acme.clientId);
	});

	it("refuses an account that is neither mapped nor named like the project's client, naming what is offered", async () => {
		const r = await env.run(
			{ operation: 'addToCrm', portalId: PORTAL_ID, projectId: PROJECTS.website.id, projectsTaskId: TASKS.contentPlan.zpId, relateTo: 'account', accountId: COMPANIES.northwind.accountId },
			[{}],
		);
		expect(r.errors[0].error).toMatch(/neither mapped/);
		expect(r.errors[0].message).toContain('Acme Corporation');
	});

	it('creates the Projects task of a CRM task in the chosen project and links both ways', async () => {
		const r = await env.run({ operation: 'addToProjects', crmTaskId: TASKS.kickoff.crmId, portalId: PORTAL_ID, targetProjectId: PROJECTS.website.id }, [{}]);
		expect(r.errors).toEqual([]);
		const zpId = String(r.synced[0].projectsTaskId);
		expect(projects(zpId)).toMatchObject({ name: TASKS.kickoff.name, priority: 'high', end_date: '2026-11-28T00:00:00.000+09:00', [FIELDS.projectsCrmTaskId]: TASKS.kickoff.crmId });
		expect((projects(zpId).owners_and_work as { owners: { email: string }[] }).owners[0].email).toBe(USERS.hanako.email);
		expect(crm(TASKS.kickoff.crmId)[FIELDS.taskLink]).toBe(taskLinkValue(PROJECTS.website.id, zpId));
		expect(JSON.parse(String(crm(TASKS.kickoff.crmId)[FIELDS.syncState])).base.subject).toBe(TASKS.kickoff.name);
	});

	it("finds the project through the task's deal, and keeps a refused date out of a strict project", async () => {
		const created = env.sim.crm.createAsUser('Tasks', {
			Subject: 'データ移行 本番切替',
			Due_Date: '2027-01-20',
			What_Id: { id: DEALS.migration.id },
			$se_module: 'Deals',
		}, USERS.ichiro.crmId);
		const r = await env.run({ operation: 'addToProjects', crmTaskId: String(created.id) }, [{}]);
		expect(r.synced[0]).toMatchObject({ action: 'created', projectId: PROJECTS.migration.id });
		expect(projects(String(r.synced[0].projectsTaskId)).end_date).toBeUndefined();
		expect(r.rejected[0]).toMatchObject({ rule: 'STRICT_PROJECT_DATE', attempted: '2027-01-20', recipient: USERS.ichiro.email });
		expect(String(r.rejected[0].body)).toContain('期間固定プロジェクト');
	});

	it('says what to do when a CRM task has no project to go to', async () => {
		const r = await env.run({ operation: 'addToProjects', crmTaskId: TASKS.kickoff.crmId }, [{}]);
		expect(r.errors[0].error).toMatch(/not associated with a Zoho Projects project/);
		expect(r.errors[0].message).toContain(FIELDS.dealProject);
	});

	it('skips tasks that are already linked', async () => {
		const r = await env.run({ operation: 'addToProjects', crmTaskId: TASKS.plan.crmId }, [{}]);
		expect(r.skipped[0]).toMatchObject({ reason: 'alreadyLinked' });
	});

	const state = (crmTaskId: string) => JSON.parse(String(crm(crmTaskId)[FIELDS.syncState])) as { base: Record<string, string | null> };
	const expectLinked = (crmTaskId: string, projectId: string, zpId: string) => {
		expect(crm(crmTaskId)[FIELDS.taskLink]).toBe(taskLinkValue(projectId, zpId));
		expect(projects(zpId)[FIELDS.projectsCrmTaskId]).toBe(crmTaskId);
	};

	it('Add to Projects links an existing Projects task by ID instead of creating one; CRM values win the first merge', async () => {
		const before = env.sim.projects.snapshot().tasks as unknown[];
		const r = await env.run(
			{ operation: 'addToProjects', crmTaskId: TASKS.kickoff.crmId, portalId: PORTAL_ID, targetProjectId: PROJECTS.website.id, counterpartId: TASKS.contentPlan.zpId },
			[{}],
		);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ action: 'linked', crmTaskId: TASKS.kickoff.crmId, projectsTaskId: TASKS.contentPlan.zpId });
		expect(env.sim.projects.snapshot().tasks as unknown[]).toHaveLength(before.length);
		expectLinked(TASKS.kickoff.crmId, PROJECTS.website.id, TASKS.contentPlan.zpId);
		expect(projects(TASKS.contentPlan.zpId)).toMatchObject({ name: TASKS.kickoff.name, priority: 'high' });
		expect(state(TASKS.kickoff.crmId).base.subject).toBe(TASKS.kickoff.name);
	});

	it('Add to CRM links an existing CRM task by ID instead of creating one; Projects values win the first merge', async () => {
		const before = (env.sim.crm.snapshot().Tasks as unknown[]).length;
		const r = await env.run(
			{ operation: 'addToCrm', portalId: PORTAL_ID, projectId: PROJECTS.website.id, projectsTaskId: TASKS.contentPlan.zpId, counterpartId: TASKS.kickoff.crmId },
			[{}],
		);
		expect(r.synced[0]).toMatchObject({ action: 'linked', crmTaskId: TASKS.kickoff.crmId });
		expect(env.sim.crm.snapshot().Tasks as unknown[]).toHaveLength(before);
		expectLinked(TASKS.kickoff.crmId, PROJECTS.website.id, TASKS.contentPlan.zpId);
		expect(crm(TASKS.kickoff.crmId)).toMatchObject({ Subject: 'Content plan', Due_Date: '2026-12-05' });
		// Maria owns the Projects task and has no CRM user: refused, reported, the CRM owner stays.
		expect(r.rejected.map((x) => x.rule)).toEqual(['OWNER_NO_COUNTERPART']);
		expect((crm(TASKS.kickoff.crmId).Owner as { id: string }).id).toBe(USERS.hanako.crmId);
	});

	it("Add to Projects finds the project of the account's mapped client company", async () => {
		const created = env.sim.crm.createAsUser('Tasks', { Subject: 'サクラ商事 定例会', What_Id: { id: COMPANIES.sakura.accountId }, $se_module: 'Accounts' }, USERS.ichiro.crmId);
		const r = await env.run({ operation: 'addToProjects', crmTaskId: String(created.id), portalId: PORTAL_ID }, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ action: 'created', projectId: PROJECTS.migration.id });
		expectLinked(String(created.id), PROJECTS.migration.id, String(r.synced[0].projectsTaskId));
	});

	it('Add to Projects creates the task in the chosen tasklist', async () => {
		const created = env.sim.crm.createAsUser('Tasks', { Subject: '検証手順の確認', Due_Date: '2026-12-15' }, USERS.ichiro.crmId);
		const r = await env.run(
			{ operation: 'addToProjects', crmTaskId: String(created.id), portalId: PORTAL_ID, targetProjectId: PROJECTS.migration.id, tasklistId: TASKLISTS.migrationVerify.id },
			[{}],
		);
		expect(r.errors).toEqual([]);
		const zpId = String(r.synced[0].projectsTaskId);
		expect(projects(zpId)).toMatchObject({ name: '検証手順の確認', tasklist: { id: TASKLISTS.migrationVerify.id }, end_date: '2026-12-15T00:00:00.000+09:00' });
	});

	it("Add to CRM relates the task to the chosen deal of the project, and refuses a deal of another project", async () => {
		const params = { operation: 'addToCrm', portalId: PORTAL_ID, projectId: PROJECTS.website.id, projectsTaskId: TASKS.contentPlan.zpId, relateTo: 'deal' };
		const wrong = await env.run({ ...params, dealId: DEALS.migration.id }, [{}]);
		expect(wrong.errors[0].error).toBe(`Deal ${DEALS.migration.id} is not associated with project ${PROJECTS.website.id}`);
		const r = await env.run({ ...params, dealId: DEALS.website.id }, [{}]);
		expect(r.errors).toEqual([]);
		const crmTaskId = String(r.synced[0].crmTaskId);
		expect(crm(crmTaskId)).toMatchObject({ $se_module: 'Deals', What_Id: { id: DEALS.website.id } });
		expectLinked(crmTaskId, PROJECTS.website.id, TASKS.contentPlan.zpId);
	});
});
