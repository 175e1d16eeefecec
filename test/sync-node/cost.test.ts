/**
 * DESIGN §6 / issue 5: a CRM→Projects change of one field costs at most 2 Projects calls (one read,
 * one write) when no rule needs the project, at most 3 when one does. Counted in the simulator's
 * request log, one item at a time, each request named so a reader sees which item paid for what.
 */
import { FIELDS, PROJECTS, STATUSES, TASKS, USERS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
type SeedTask = (typeof TASKS)[keyof typeof TASKS];
const projectOf = (t: SeedTask) => PROJECTS[t.project as keyof typeof PROJECTS].id;
const task = (t: SeedTask) => `/projects/${projectOf(t)}/tasks/${t.zpId}`;

describe('Zoho Task Sync: Projects calls per CRM change', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const crm = (id: string) => env.sim.crm.getRecord('Tasks', id) as Record<string, unknown>;
	const projects = (id: string) => env.sim.projects.task(id) as { status: { id: string; is_closed_type: boolean }; owners_and_work: { owners: { email: string }[] } };
	const state = (t: SeedTask) => JSON.parse(String(crm(t.crmId)[FIELDS.syncState])) as { statuses?: { open?: string; closed?: string } };
	const editCrm = (t: SeedTask, changes: Record<string, unknown>, user: string = USERS.ichiro.crmId) => {
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', t.crmId, changes, user);
	};
	const prime = async (...tasks: SeedTask[]) => {
		const r = await env.run(fromCrm, tasks.map((t) => ({ id: t.crmId })));
		expect(r.errors).toEqual([]);
	};
	const syncOne = async (t: SeedTask) => {
		env.mark();
		const r = await env.run(fromCrm, [{ id: t.crmId }]);
		expect(r.errors).toEqual([]);
		return r;
	};

	it("the first close learns the statuses from Zoho's documented lists and keeps them; later closes and reopens look nothing up", async () => {
		await prime(TASKS.design);
		// The first sync wrote a state but looked up no statuses: nothing needed them.
		expect(state(TASKS.design).statuses).toBeUndefined();

		editCrm(TASKS.design, { Status: 'Completed' });
		const r = await syncOne(TASKS.design);
		expect(r.synced[0]).toMatchObject({ changes: [{ field: 'status', value: 'closed' }] });
		// Read ahead of the look: the portal's status list; the project's tasks (all open, so no closed-type
		// status is seen); the portal's projects, whose task counts show where a closed task is; that project's
		// tasks in the statuses still unknown. Then the look and the write.
		expect(env.projectsRequests()).toEqual([
			'GET /settings/global-statuses',
			`GET /projects/${PROJECTS.website.id}/tasks`,
			'GET /projects',
			`GET /projects/${PROJECTS.migration.id}/tasks`,
			`GET ${task(TASKS.design)}`,
			`PATCH ${task(TASKS.design)}`,
		]);
		expect(projects(TASKS.design.zpId).status.id).toBe(STATUSES.closed.id);
		expect(state(TASKS.design).statuses).toEqual({ open: STATUSES.open.id, closed: STATUSES.closed.id });

		editCrm(TASKS.design, { Status: 'In Progress' });
		await syncOne(TASKS.design);
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.design)}`, `PATCH ${task(TASKS.design)}`]);
		expect(projects(TASKS.design.zpId).status.id).toBe(STATUSES.open.id);
	});

	it('a subject change: read and write (2)', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'cheap' });
		await syncOne(TASKS.design);
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.design)}`, `PATCH ${task(TASKS.design)}`]);
	});

	it('closing and reopening from CRM once the pair knows its statuses: read and write (2) each', async () => {
		await prime(TASKS.verify);
		// Both kinds are seen among the migration project's own tasks: "In Progress" (open) and "Closed".
		editCrm(TASKS.verify, { Status: 'In Progress' });
		await syncOne(TASKS.verify);
		expect(env.projectsRequests()).toEqual(['GET /settings/global-statuses', `GET /projects/${PROJECTS.migration.id}/tasks`, `GET ${task(TASKS.verify)}`, `PATCH ${task(TASKS.verify)}`]);
		// No migration task is in "Open": the first open-type status a task shows is taken.
		expect(projects(TASKS.verify.zpId).status.id).toBe(STATUSES.inProgress.id);

		editCrm(TASKS.verify, { Status: 'Completed' });
		const r = await syncOne(TASKS.verify);
		expect(r.synced[0]).toMatchObject({ changes: [{ field: 'status', value: 'closed' }] });
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.verify)}`, `PATCH ${task(TASKS.verify)}`]);
		expect(projects(TASKS.verify.zpId).status.id).toBe(STATUSES.closed.id);

		editCrm(TASKS.verify, { Status: 'Not Started' });
		await syncOne(TASKS.verify);
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.verify)}`, `PATCH ${task(TASKS.verify)}`]);
		expect(projects(TASKS.verify.zpId).status.id).toBe(STATUSES.inProgress.id);
	});

	it("an owner change to a project member: the project's users (read ahead), look, write (3)", async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Owner: { id: USERS.ichiro.crmId } });
		await syncOne(TASKS.design);
		expect(env.projectsRequests()).toEqual([`GET /projects/${projectOf(TASKS.design)}/users`, `GET ${task(TASKS.design)}`, `PATCH ${task(TASKS.design)}`]);
		expect(projects(TASKS.design.zpId).owners_and_work.owners.map((o) => o.email)).toEqual([USERS.ichiro.email]);
	});

	it.each([
		['a portal user outside the project', 'emily', 'OWNER_NOT_IN_PROJECT'],
		['a CRM user with no Projects account', 'ken', 'OWNER_NO_COUNTERPART'],
	] as const)('an owner change to %s: the portal users only then (3), refused, nothing written', async (_label, who, rule) => {
		await prime(TASKS.plan);
		editCrm(TASKS.plan, { Owner: { id: USERS[who].crmId } });
		const r = await syncOne(TASKS.plan);
		expect(r.rejected).toEqual([expect.objectContaining({ rule, field: 'owner', attempted: USERS[who].email })]);
		expect(env.projectsRequests()).toEqual([`GET /projects/${projectOf(TASKS.plan)}/users`, 'GET /users', `GET ${task(TASKS.plan)}`]);
	});

	it('a due date in a strict project: the project is read once for all items (3 for the first, 2 for the next)', async () => {
		await prime(TASKS.plan, TASKS.verify);
		editCrm(TASKS.plan, { Due_Date: '2026-12-12' });
		editCrm(TASKS.verify, { Due_Date: '2026-12-21' });
		env.mark();
		const r = await env.run(fromCrm, [{ id: TASKS.plan.crmId }, { id: TASKS.verify.crmId }]);
		expect(r.synced).toHaveLength(2);
		expect(env.projectsRequests()).toEqual([
			// item 1: the strict project's range, read ahead of the look
			`GET /projects/${PROJECTS.migration.id}`,
			`GET ${task(TASKS.plan)}`,
			`PATCH ${task(TASKS.plan)}`,
			// item 2: the project comes from the execution's cache; a second look at the project this soon
			// is a listing of its recent changes, which would serve the looks of every further item too
			`GET /projects/${PROJECTS.migration.id}/tasks`,
			`PATCH ${task(TASKS.verify)}`,
		]);
	});

	it('a close status the sync state remembers but Projects no longer has: looks the statuses up again and retries once', async () => {
		await prime(TASKS.design);
		const stale = { ...state(TASKS.design), statuses: { open: STATUSES.open.id, closed: '2000000079999' } };
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [FIELDS.syncState]: JSON.stringify(stale) });
		editCrm(TASKS.design, { Status: 'Completed' });
		await syncOne(TASKS.design);
		expect(env.projectsRequests()).toEqual([
			`GET ${task(TASKS.design)}`,
			`PATCH ${task(TASKS.design)}`, // refused: unknown status
			'GET /settings/global-statuses',
			`GET /projects/${PROJECTS.website.id}/tasks`,
			'GET /projects',
			`GET /projects/${PROJECTS.migration.id}/tasks`,
			`PATCH ${task(TASKS.design)}`,
		]);
		expect(projects(TASKS.design.zpId).status.id).toBe(STATUSES.closed.id);
		expect(state(TASKS.design).statuses?.closed).toBe(STATUSES.closed.id);
	});
});
