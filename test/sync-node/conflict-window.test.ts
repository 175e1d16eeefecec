/**
 * Issue 11: a Projects edit made while the sync waits for budget between its look at the task and its
 * write is never overwritten. The write's slot is reserved with the look; a look that still grew old
 * (the decision's own reads waited) is repeated before the write, and the pair decided again.
 */
import { resetProjectsBudget, setProjectsClock } from '../../nodes/shared/projects';
import { PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
const plan = `/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`;

describe('Zoho Task Sync: the look-to-write window', () => {
	let env: SyncEnv;
	/** Runs once, inside the first wait the pacer makes. */
	let duringWait: (() => void) | undefined;
	beforeEach(async () => {
		env = await syncEnv();
		duringWait = undefined;
		setProjectsClock({
			now: () => env.sim.clock.now(),
			sleep: async (ms) => {
				const hook = duringWait;
				duringWait = undefined;
				hook?.();
				env.sim.clock.advance(ms);
			},
		});
	});
	afterEach(async () => {
		setProjectsClock();
		await env.sim.stop();
	});

	const crmDue = () => env.sim.crm.getRecord('Tasks', TASKS.plan.crmId)?.Due_Date;
	const projectsEnd = () => (env.sim.projects.task(TASKS.plan.zpId) as { end_date: string }).end_date.slice(0, 10);

	it('a due date a user sets in Projects while the sync waits is not overwritten: the sync looks again and the newer edit wins', async () => {
		const prime = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(prime.errors).toEqual([]);
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Due_Date: '2026-12-12' });
		env.sim.clock.advance(60_000);
		// As after a restart: this process has not seen the task, so it cannot read ahead what the rules need.
		resetProjectsBudget();

		// Budget 2: the look and its reserved write fill the window, so the strict project's read (a due
		// date in a strict project needs its range) waits two minutes — and a user edits the task meanwhile.
		duringWait = () => env.sim.projects.editTask(TASKS.plan.zpId, { end_date: '2026-12-20' }, 'hanako');
		env.mark();
		const r = await env.run({ ...fromCrm, settings: { projectsBudget: 2 } }, [{ id: TASKS.plan.crmId }]);
		expect(r.errors).toEqual([]);

		const requests = env.projectsRequests();
		// The first look, the project, a second look (the first was two minutes old) — and no write over the edit.
		expect(requests.slice(0, 3)).toEqual([`GET ${plan}`, `GET /projects/${PROJECTS.migration.id}`, `GET ${plan}`]);
		expect(requests.filter((q) => q.startsWith('PATCH'))).toEqual([]);
		expect(projectsEnd()).toBe('2026-12-20');
		// Most recent change wins: the Projects edit is newer than the CRM one, so CRM follows it.
		expect(crmDue()).toBe('2026-12-20');
		expect(r.synced[0]).toMatchObject({ direction: 'crmToProjects', changes: [expect.objectContaining({ field: 'dueDate', to: 'crm', value: '2026-12-20' })] });
		// The wait is not silent: the run says how long it waited for the budget, and which budget.
		expect(r.hints).toEqual([expect.stringMatching(/^Waited \d+ s in all for the Zoho Projects budget: 2 calls per 2 minutes/)]);
	});

	it('a task seen before: what the rules need is read ahead, so the look follows the wait and sees the edit', async () => {
		await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Due_Date: '2026-12-12' });
		env.sim.clock.advance(60_000);
		duringWait = () => env.sim.projects.editTask(TASKS.plan.zpId, { end_date: '2026-12-20' }, 'hanako');
		env.mark();
		const r = await env.run({ ...fromCrm, settings: { projectsBudget: 2 } }, [{ id: TASKS.plan.crmId }]);
		expect(r.errors).toEqual([]);
		// The project (read ahead), then one look — made after the wait, so it shows the user's edit.
		expect(env.projectsRequests().slice(0, 2)).toEqual([`GET /projects/${PROJECTS.migration.id}`, `GET ${plan}`]);
		expect(env.projectsRequests().filter((q) => q.startsWith('PATCH'))).toEqual([]);
		expect(projectsEnd()).toBe('2026-12-20');
		expect(crmDue()).toBe('2026-12-20');
	});

	it('a look that did not grow old is not repeated: look, write (2 calls)', async () => {
		await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'renamed in CRM' });
		env.mark();
		const r = await env.run({ ...fromCrm, settings: { projectsBudget: 2 } }, [{ id: TASKS.plan.crmId }]);
		expect(r.errors).toEqual([]);
		expect(env.projectsRequests()).toEqual([`GET ${plan}`, `PATCH ${plan}`]);
	});
});
