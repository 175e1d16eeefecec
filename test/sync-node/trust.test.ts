/**
 * Issue 9: every user's write survives or is reported once, to its author. Each case is a sequence
 * a team produces in ordinary use (no faults, events delivered once, in order), run through the
 * real node against the simulator.
 */
import { API_USER, FIELDS, PORTAL_ID, TASKS, USERS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, pairKit, projectsItem, syncEnv, type SeedTask, type SyncEnv } from './helpers';

const fromCrm = FROM_CRM;
const fromProjects = FROM_PROJECTS;

describe('Zoho Task Sync: trust (issue 9)', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const { crm, projects, editCrm, editProjects, prime } = pairKit(() => env, 10_000);
	const closed = (t: SeedTask) => (projects(t.zpId).status as { is_closed_type: boolean }).is_closed_type;

	it('item 1: an unassigned Projects task keeps its CRM owner, and its other fields keep syncing', async () => {
		await prime(TASKS.design);
		editProjects(TASKS.design, { owners_and_work: { owners: [] } });
		const unassigned = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(unassigned.errors).toEqual([]);
		expect((crm(TASKS.design.crmId).Owner as { id: string }).id).toBe(USERS.emily.crmId);

		editProjects(TASKS.design, { name: 'Design mock-ups (final)' });
		const renamed = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(renamed.errors).toEqual([]);
		expect(crm(TASKS.design.crmId).Subject).toBe('Design mock-ups (final)');

		// A CRM owner change still reaches the unassigned Projects task.
		editCrm(TASKS.design, { Owner: { id: USERS.ichiro.crmId } });
		const reassigned = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(reassigned.errors).toEqual([]);
		expect((projects(TASKS.design.zpId).owners_and_work as { owners: { zpuid: string }[] }).owners.map((o) => o.zpuid)).toEqual([USERS.ichiro.zpuid]);
	});

	it('item 1: unassigning is a write: the newest owner write wins, whichever side made it', async () => {
		await prime(TASKS.design, TASKS.plan);
		// CRM reassigns, then Projects unassigns (newest): Projects stays unassigned, CRM keeps its owner.
		editCrm(TASKS.design, { Owner: { id: USERS.ichiro.crmId } });
		editProjects(TASKS.design, { owners_and_work: { owners: [] } });
		const unassignLast = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(unassignLast.errors).toEqual([]);
		expect((projects(TASKS.design.zpId).owners_and_work as { owners: unknown[] }).owners).toEqual([]);
		expect((crm(TASKS.design.crmId).Owner as { id: string }).id).toBe(USERS.ichiro.crmId);
		expect(unassignLast.skipped[0]).toMatchObject({ reason: 'baseRepaired' });

		// Projects unassigns, then CRM reassigns (newest): Projects gets the new owner.
		editProjects(TASKS.plan, { owners_and_work: { owners: [] } });
		editCrm(TASKS.plan, { Owner: { id: USERS.hanako.crmId } });
		const reassignLast = await env.run(fromProjects, [projectsItem(TASKS.plan)]);
		expect(reassignLast.errors).toEqual([]);
		expect((projects(TASKS.plan.zpId).owners_and_work as { owners: { zpuid: string }[] }).owners.map((o) => o.zpuid)).toEqual([USERS.hanako.zpuid]);
	});

	it('item 1: with a fallback owner configured, an unassigned Projects task gives its CRM task that owner', async () => {
		await prime(TASKS.design);
		editProjects(TASKS.design, { owners_and_work: { owners: [] } });
		const r = await env.run({ ...fromProjects, settings: { unassignedOwner: USERS.ken.email } }, [projectsItem(TASKS.design)]);
		expect(r.errors).toEqual([]);
		expect((crm(TASKS.design.crmId).Owner as { id: string }).id).toBe(USERS.ken.crmId);
	});

	it('item 2: a refused value kept on its source is not overwritten by a later unrelated edit of the other side', async () => {
		await prime(TASKS.plan);
		editProjects(TASKS.plan, { end_date: '2026-12-20' });
		editCrm(TASKS.plan, { Due_Date: '2027-01-15' }, USERS.ichiro.crmId);
		const refused = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(refused.rejected).toEqual([expect.objectContaining({ rule: 'STRICT_PROJECT_DATE', attempted: '2027-01-15', recipient: USERS.ichiro.email })]);
		expect(crm(TASKS.plan.crmId).Due_Date).toBe('2027-01-15');

		editProjects(TASKS.plan, { priority: 'low' });
		const later = await env.run(fromProjects, [projectsItem(TASKS.plan)]);
		expect(later.rejected).toEqual([]);
		expect(crm(TASKS.plan.crmId)).toMatchObject({ Due_Date: '2027-01-15', Priority: 'Low' });
		expect(projects(TASKS.plan.zpId).end_date).toBe('2026-12-20T00:00:00.000+09:00');

		// A user writing the field again ends the settlement: this Projects date is carried to CRM.
		editProjects(TASKS.plan, { end_date: '2026-12-22' });
		await env.run(fromProjects, [projectsItem(TASKS.plan)]);
		expect(crm(TASKS.plan.crmId).Due_Date).toBe('2026-12-22');
	});

	it('item 3: a write back to the last synced value is still a write (CRM closes, Projects closes, Projects reopens)', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Status: 'Completed' });
		editProjects(TASKS.design, { status: { id: '2000000071004' } });
		editProjects(TASKS.design, { status: { id: '2000000071001' } });
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.errors).toEqual([]);
		expect(closed(TASKS.design)).toBe(false);
		expect(crm(TASKS.design.crmId).Status).not.toBe('Completed');
	});

	it('item 3: a CRM write back to the synced value wins over an older Projects write', async () => {
		await prime(TASKS.design);
		editProjects(TASKS.design, { name: 'Mock-ups (Projects)' });
		editCrm(TASKS.design, { Subject: 'Mock-ups (CRM)' });
		editCrm(TASKS.design, { Subject: 'Design mock-ups' });
		const r = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(r.errors).toEqual([]);
		expect(projects(TASKS.design.zpId).name).toBe('Design mock-ups');
		expect(crm(TASKS.design.crmId).Subject).toBe('Design mock-ups');
	});

	it("item 4: a refusal goes to the refused field's author, not to whoever edited the record later, nor to the sync's own user", async () => {
		await prime(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2027-01-15' }, USERS.ichiro.crmId);
		editCrm(TASKS.plan, { Description: '担当を追記' }, USERS.emily.crmId);
		editCrm(TASKS.plan, { Priority: 'Low' }, API_USER.crmId);
		const r = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(r.rejected).toEqual([expect.objectContaining({ field: 'dueDate', recipient: USERS.ichiro.email })]);
	});

	it("item 4: a write of the sync state that is not a sync (a pending comment noted on the task) does not hide the field's author", async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Owner: { id: USERS.ken.crmId } }, USERS.ichiro.crmId);
		const comment = env.sim.projects.addComment(TASKS.design.zpId, '<div>its mirror fails</div>', 'emily');
		env.sim.faults.add({ product: 'crm', method: 'POST', path: '/Notes$', status: 500 });
		const where = projectsItem(TASKS.design);
		expect((await env.run({ operation: 'syncComment', source: 'projects' }, [{ ...where, commentId: comment.id }])).errors).toHaveLength(1);
		expect(JSON.parse(String(crm(TASKS.design.crmId)[FIELDS.syncState])).pendingComments).toEqual([String(comment.id)]);
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'OWNER_NO_COUNTERPART', recipient: USERS.ichiro.email })]);
	});

	it('item 4: a Projects refusal goes to the author of that Projects field', async () => {
		await prime(TASKS.design);
		editProjects(TASKS.design, { owners_and_work: { owners: [{ zpuid: USERS.maria.zpuid }] } }, 'emily');
		editProjects(TASKS.design, { description: '<div>note</div>' }, 'ichiro');
		editCrm(TASKS.design, { Subject: 'Design mock-ups v3' });
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'OWNER_NO_COUNTERPART', field: 'owner', recipient: USERS.emily.email })]);
	});

	it('item 4: a CRM task deleted by one person is reported to that person when its Projects task is unlinked, never to the sync\'s own user', async () => {
		await prime(TASKS.design, TASKS.verify);
		env.sim.clock.advance(10_000);
		env.sim.crm.deleteAsUser('Tasks', TASKS.design.crmId, USERS.ichiro.crmId);
		const r = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', deletedSide: 'crm', recipient: USERS.ichiro.email })]);

		// The API user deleted it (another workflow), and the API user owns the survivor: the fallback address hears of it.
		env.sim.clock.advance(10_000);
		env.sim.crm.deleteAsUser('Tasks', TASKS.verify.crmId, API_USER.crmId);
		const own = await env.run({ ...fromProjects, settings: { fallbackRecipient: 'zoho-admin@example.jp' } }, [projectsItem(TASKS.verify)]);
		expect(own.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', recipient: 'zoho-admin@example.jp' })]);
	});

	it('item 5: both sides set values the other refuses: reported once, and a second run writes and reports nothing', async () => {
		await prime(TASKS.design);
		const since = new Date(env.sim.clock.now()).toISOString();
		editCrm(TASKS.design, { Owner: { id: USERS.ken.crmId } }, USERS.ichiro.crmId);
		editProjects(TASKS.design, { owners_and_work: { owners: [{ zpuid: USERS.maria.zpuid }] } }, 'emily');
		const first = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(first.rejected).toHaveLength(1);
		env.mark();
		const again = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since }, [{}]);
		const twice = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect([...again.rejected, ...twice.rejected]).toEqual([]);
		expect(env.calls('crm', true) + env.calls('projects', true)).toBe(0);
		expect(crm(TASKS.design.crmId).Owner).toMatchObject({ id: USERS.ken.crmId });
	});

	it('item 6: one callback delivered twice and run as two executions at once sends one refusal', async () => {
		await prime(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2027-01-15' }, USERS.ichiro.crmId);
		const [a, b] = await Promise.all([env.run(fromCrm, [{ id: TASKS.plan.crmId }]), env.run(fromCrm, [{ id: TASKS.plan.crmId }])]);
		expect([...a.errors, ...b.errors]).toEqual([]);
		expect([...a.rejected, ...b.rejected]).toHaveLength(1);
		expect(JSON.parse(String(crm(TASKS.plan.crmId)[FIELDS.syncState])).settled).toEqual({ dueDate: { crm: '2027-01-15', projects: '2026-12-10' } });
	});

	it('item 11: a conflict is decided by when each side wrote that field, not by record time', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Due_Date: '2026-12-01' });
		editProjects(TASKS.design, { end_date: '2026-12-02' });
		editCrm(TASKS.design, { Description: 'CRM touched last, in another field' });
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.errors).toEqual([]);
		expect(crm(TASKS.design.crmId).Due_Date).toBe('2026-12-02');
		expect(projects(TASKS.design.zpId).end_date).toBe('2026-12-02T00:00:00.000+09:00');
		expect(projects(TASKS.design.zpId).description).toContain('CRM touched last');
	});
});
