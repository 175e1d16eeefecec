/** Status: CRM Completed ⇄ a closed-type Projects status; reopen targets (DESIGN §5). */
import { FIELDS, PORTAL_ID, PROJECTS, STATUSES, TASKS, USERS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
type SeedTask = (typeof TASKS)[keyof typeof TASKS];

describe('Zoho Task Sync: status', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const statusOf = (t: SeedTask) => (env.sim.projects.task(t.zpId) as { status: { id: string } }).status.id;
	const editCrm = (t: SeedTask, changes: Record<string, unknown>) => {
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', t.crmId, changes, USERS.ichiro.crmId);
	};
	/** Make "In Progress" the portal's default status (Zoho lets an admin choose it). */
	const defaultInProgress = () => {
		env.sim.projects.store.statuses.get(STATUSES.open.id)!.is_default = false;
		env.sim.projects.store.statuses.get(STATUSES.inProgress.id)!.is_default = true;
	};

	it("reopens to the project's default open status, not merely the first open-type one", async () => {
		defaultInProgress();
		await env.run(fromCrm, [{ id: TASKS.verify.crmId }]);
		editCrm(TASKS.verify, { Status: 'Not Started' });
		const r = await env.run(fromCrm, [{ id: TASKS.verify.crmId }]);
		expect(r.synced[0]).toMatchObject({ changes: [{ field: 'status', value: 'open' }] });
		expect(statusOf(TASKS.verify)).toBe(STATUSES.inProgress.id);
		expect(JSON.parse(String(env.sim.crm.getRecord('Tasks', TASKS.verify.crmId)?.[FIELDS.syncState])).statuses.open).toBe(STATUSES.inProgress.id);
	});

	it('reopens to the configured status and closes with the configured one', async () => {
		const settings = { settings: { projectsOpenStatusId: STATUSES.onHold.id, projectsClosedStatusId: STATUSES.cancelled.id } };
		await env.run({ ...fromCrm, ...settings }, [{ id: TASKS.verify.crmId }, { id: TASKS.design.crmId }]);
		editCrm(TASKS.verify, { Status: 'In Progress' });
		editCrm(TASKS.design, { Status: 'Completed' });
		await env.run({ ...fromCrm, ...settings }, [{ id: TASKS.verify.crmId }, { id: TASKS.design.crmId }]);
		expect(statusOf(TASKS.verify)).toBe(STATUSES.onHold.id);
		expect(statusOf(TASKS.design)).toBe(STATUSES.cancelled.id);
	});

	it('counts the configured CRM statuses as closed, and closes CRM with the first of them', async () => {
		const settings = { settings: { crmClosedStatuses: 'Completed, Deferred' } };
		await env.run({ ...fromCrm, ...settings }, [{ id: TASKS.design.crmId }, { id: TASKS.plan.crmId }]);
		editCrm(TASKS.design, { Status: 'Deferred' });
		const r = await env.run({ ...fromCrm, ...settings }, [{ id: TASKS.design.crmId }]);
		expect(r.synced[0]).toMatchObject({ changes: [{ field: 'status', value: 'closed' }] });
		expect(statusOf(TASKS.design)).toBe(STATUSES.closed.id);

		env.sim.clock.advance(60_000);
		env.sim.projects.closeTask(TASKS.plan.zpId, 'ichiro');
		await env.run({ operation: 'syncTask', source: 'projects', ...settings }, [{ portalId: PORTAL_ID, projectId: PROJECTS.migration.id, taskId: TASKS.plan.zpId }]);
		expect(env.sim.crm.getRecord('Tasks', TASKS.plan.crmId)?.Status).toBe('Completed');
		// Deferred stays Deferred: it already means closed.
		env.mark();
		expect((await env.run({ ...fromCrm, ...settings }, [{ id: TASKS.design.crmId }])).skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.sim.crm.getRecord('Tasks', TASKS.design.crmId)?.Status).toBe('Deferred');
	});

	it('by default a CRM status other than Completed is open', async () => {
		await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		editCrm(TASKS.design, { Status: 'Deferred' });
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(statusOf(TASKS.design)).toBe(STATUSES.open.id);
	});
});
