/** Rule COUNTERPART_DELETED through the engine: unlink the survivor, report, never cascade a delete. */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS, USERS, taskLinkValue } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
const fromProjects = { operation: 'syncTask', source: 'projects' };
type SeedTask = (typeof TASKS)[keyof typeof TASKS];
const projectId = (t: SeedTask) => PROJECTS[t.project as keyof typeof PROJECTS].id;
const projectsItem = (t: SeedTask) => ({ portalId: PORTAL_ID, projectId: projectId(t), taskId: t.zpId });

describe('Zoho Task Sync: counterpart deleted', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const crm = (id: string) => env.sim.crm.getRecord('Tasks', id);
	const projects = (id: string) => env.sim.projects.task(id) as Record<string, unknown> | undefined;
	const prime = async (...tasks: SeedTask[]) => {
		const r = await env.run(fromCrm, tasks.map((t) => ({ id: t.crmId })));
		expect(r.errors).toEqual([]);
	};
	const expectCrmUnlinked = (t: SeedTask) => {
		expect(crm(t.crmId)).toBeDefined();
		expect(crm(t.crmId)?.[FIELDS.taskLink] ?? null).toBeNull();
		expect(crm(t.crmId)?.[FIELDS.syncState] ?? null).toBeNull();
	};
	const expectProjectsUnlinked = (t: SeedTask) => {
		expect(projects(t.zpId)).toBeDefined();
		expect(projects(t.zpId)?.[FIELDS.projectsCrmTaskId] ?? '').toBe('');
	};

	it('Projects task deleted, CRM event: clears the CRM link fields, reports to the CRM owner, deletes nothing', async () => {
		await prime(TASKS.design);
		env.sim.projects.deleteTask(TASKS.design.zpId);
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'after delete' }, USERS.ichiro.crmId);
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.rejected).toHaveLength(1);
		expect(r.rejected[0]).toMatchObject({
			rule: 'COUNTERPART_DELETED',
			field: 'link',
			deletedSide: 'projects',
			cleared: 'crm',
			attempted: 'delete',
			kept: TASKS.design.crmId,
			previousLink: taskLinkValue(PROJECTS.website.id, TASKS.design.zpId),
			unlinked: true,
			recipient: USERS.emily.email,
			links: { crm: expect.stringContaining(TASKS.design.crmId), projects: expect.stringContaining(TASKS.design.zpId) },
		});
		expect(r.rejected[0].subject).toContain('連携を解除しました');
		expect(r.rejected[0].body).toContain(`${USERS.emily.name} 様`);
		expect(crm(TASKS.design.crmId)?.Subject).toBe('after delete');
		expectCrmUnlinked(TASKS.design);
		expect(env.sim.log.count({ method: 'DELETE' })).toBe(0);
	});

	it('Projects task deleted, Projects event: finds the CRM task by its link and unlinks it, reporting to who deleted it', async () => {
		await prime(TASKS.plan);
		env.sim.projects.deleteTask(TASKS.plan.zpId, 'emily');
		// What the Zoho Projects webhook trigger emits for a task.delete rule.
		const event = { event: 'task.delete', portal_id: PORTAL_ID, project_id: PROJECTS.migration.id, task_id: TASKS.plan.zpId, modified_by_email: USERS.emily.email, modified_by_name: USERS.emily.name };
		const r = await env.run(fromProjects, [event]);
		expect(r.errors).toEqual([]);
		expect(r.rejected[0]).toMatchObject({ rule: 'COUNTERPART_DELETED', deletedSide: 'projects', cleared: 'crm', crmTaskId: TASKS.plan.crmId, recipient: USERS.emily.email });
		expectCrmUnlinked(TASKS.plan);
		// Unlinked: the next event about the CRM task is a plain "not linked", no Projects call.
		env.mark();
		const next = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(next.skipped[0]).toMatchObject({ reason: 'notLinked' });
		expect(env.calls('projects')).toBe(0);
	});

	it('a Projects event about a deleted task no CRM task links to is skipped', async () => {
		env.sim.projects.deleteTask(TASKS.contentPlan.zpId);
		const r = await env.run(fromProjects, [projectsItem(TASKS.contentPlan)]);
		expect(r.skipped[0]).toMatchObject({ reason: 'projectsTaskDeleted' });
	});

	it("CRM task deleted, Projects event: clears the Projects task's CRM Task ID, reports to the Projects owner, deletes nothing", async () => {
		await prime(TASKS.design);
		env.sim.crm.deleteAsUser('Tasks', TASKS.design.crmId);
		env.sim.clock.advance(60_000);
		env.sim.projects.editTask(TASKS.design.zpId, { name: 'edited after the CRM delete' });
		const r = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(r.rejected).toHaveLength(1);
		expect(r.rejected[0]).toMatchObject({
			rule: 'COUNTERPART_DELETED',
			deletedSide: 'crm',
			cleared: 'projects',
			attempted: 'delete',
			kept: taskLinkValue(PROJECTS.website.id, TASKS.design.zpId),
			crmTaskId: TASKS.design.crmId,
			recipient: USERS.emily.email,
		});
		expect(r.rejected[0].en).toMatchObject({ subject: expect.stringContaining('The Zoho CRM task linked to "edited after the CRM delete" was deleted') });
		expectProjectsUnlinked(TASKS.design);
		expect(projects(TASKS.design.zpId)?.name).toBe('edited after the CRM delete');
	});

	it('reports without writing in a dry run', async () => {
		await prime(TASKS.design);
		env.sim.projects.deleteTask(TASKS.design.zpId);
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'after delete' });
		env.mark();
		const r = await env.run({ ...fromCrm, dryRun: true }, [{ id: TASKS.design.crmId }]);
		expect(r.rejected[0]).toMatchObject({ rule: 'COUNTERPART_DELETED', unlinked: false });
		expect(env.calls('crm', true) + env.calls('projects', true)).toBe(0);
		expect(crm(TASKS.design.crmId)?.[FIELDS.taskLink]).toBe(taskLinkValue(PROJECTS.website.id, TASKS.design.zpId));
	});

	it('Reconcile unlinks both ways like Sync Task, and counts them as rejected', async () => {
		await prime(TASKS.design, TASKS.plan);
		const since = env.sim.clock.iso();
		env.sim.clock.advance(60_000);
		// design: edited in CRM, its Projects task deleted; plan: edited in Projects, its CRM task deleted.
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'design edited' });
		env.sim.projects.deleteTask(TASKS.design.zpId);
		env.sim.projects.editTask(TASKS.plan.zpId, { name: 'plan edited' });
		env.sim.crm.deleteAsUser('Tasks', TASKS.plan.crmId);
		env.sim.clock.advance(60_000);
		const r = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since }, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ counts: { pairs: 2, rejected: 2, failed: 0 } });
		expect(r.rejected.map((x) => [x.rule, x.deletedSide, x.crmTaskId]).sort()).toEqual(
			[
				['COUNTERPART_DELETED', 'crm', TASKS.plan.crmId],
				['COUNTERPART_DELETED', 'projects', TASKS.design.crmId],
			].sort(),
		);
		expectCrmUnlinked(TASKS.design);
		expectProjectsUnlinked(TASKS.plan);
		expect(env.sim.log.count({ method: 'DELETE' })).toBe(0);
	});
});
