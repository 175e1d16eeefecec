/**
 * Issue 11: what the rules need (a project's dates, its members, the portal's users and statuses) is
 * kept across executions for a bounded time, so a burst of changes does not read it again per change;
 * a decision a kept value could have made wrong is taken again on fresh reads.
 */
import { REMEMBER_MS, setProjectsClock } from '../../nodes/shared/projects';
import { PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { syncEnv, type SeedTask, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
const migration = PROJECTS.migration.id;
const task = (t: SeedTask) => `/projects/${migration}/tasks/${t.zpId}`;

describe('Zoho Task Sync: look-ups kept across executions', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
		setProjectsClock({ now: () => env.sim.clock.now(), sleep: async (ms) => env.sim.clock.advance(ms) });
	});
	afterEach(async () => {
		setProjectsClock();
		await env.sim.stop();
	});

	const project = () => env.sim.projects.store.projects.get(migration)!;
	const editCrm = (t: SeedTask, changes: Record<string, unknown>) => {
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', t.crmId, changes, USERS.ichiro.crmId);
	};
	const sync = async (t: SeedTask) => {
		env.mark();
		const r = await env.run(fromCrm, [{ id: t.crmId }]);
		expect(r.errors).toEqual([]);
		return r;
	};
	const endDate = (t: SeedTask) => String((env.sim.projects.task(t.zpId) as { end_date: string }).end_date).slice(0, 10);

	it("the project's members are read once for changes in later executions, and again after they may have changed", async () => {
		await sync(TASKS.plan);
		await sync(TASKS.verify);
		editCrm(TASKS.plan, { Owner: { id: USERS.hanako.crmId } });
		await sync(TASKS.plan);
		expect(env.projectsRequests()).toEqual([`GET /projects/${migration}/users`, `GET ${task(TASKS.plan)}`, `PATCH ${task(TASKS.plan)}`]);

		editCrm(TASKS.verify, { Owner: { id: USERS.ichiro.crmId } });
		await sync(TASKS.verify);
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.verify)}`, `PATCH ${task(TASKS.verify)}`]);

		env.sim.clock.advance(REMEMBER_MS);
		editCrm(TASKS.plan, { Owner: { id: USERS.ichiro.crmId } });
		await sync(TASKS.plan);
		// Ten minutes on, this process has forgotten the task too: nothing is read ahead of the look.
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.plan)}`, `GET /projects/${migration}/users`, `PATCH ${task(TASKS.plan)}`]);
	});

	it('a refusal is never sent on a kept project: the strict range was widened since, so the date is written', async () => {
		await sync(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2026-12-20' });
		await sync(TASKS.plan);
		expect(endDate(TASKS.plan)).toBe('2026-12-20');

		// Someone widens the strict project in Zoho Projects; the kept copy still ends on 12-25.
		project().end_date = '2026-12-31';
		editCrm(TASKS.plan, { Due_Date: '2026-12-28' });
		const r = await sync(TASKS.plan);
		expect(r.rejected).toEqual([]);
		// The kept project refused the date; the decision was taken again on a fresh read of the project.
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.plan)}`, `GET /projects/${migration}`, `PATCH ${task(TASKS.plan)}`]);
		expect(endDate(TASKS.plan)).toBe('2026-12-28');
	});

	it('a write Zoho refuses because the kept project is out of date: read again, refused once, reported to its author', async () => {
		await sync(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2026-12-20' });
		await sync(TASKS.plan);

		// Someone narrows the strict project; the kept copy still allows 12-22.
		project().end_date = '2026-12-21';
		editCrm(TASKS.plan, { Due_Date: '2026-12-22' });
		const r = await sync(TASKS.plan);
		expect(env.projectsRequests()).toEqual([`GET ${task(TASKS.plan)}`, `PATCH ${task(TASKS.plan)}`, `GET /projects/${migration}`]);
		expect(r.rejected).toEqual([expect.objectContaining({ field: 'dueDate', attempted: '2026-12-22', recipient: USERS.ichiro.email })]);
		expect(endDate(TASKS.plan)).toBe('2026-12-20');
	});
});
