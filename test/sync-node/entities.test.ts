import { PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
const fromProjects = { operation: 'syncTask', source: 'projects' };
const task = TASKS.design;
const projectsItem = { portalId: PORTAL_ID, projectId: PROJECTS[task.project as keyof typeof PROJECTS].id, taskId: task.zpId };

describe('Zoho Task Sync: HTML entities in a Projects description', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const crmDescription = () => (env.sim.crm.getRecord('Tasks', task.crmId) as Record<string, unknown>).Description;

	it('reach CRM as the characters (— and é), and the CRM echo writes nothing back', async () => {
		const primed = await env.run(fromCrm, [{ id: task.crmId }]);
		expect(primed.errors).toEqual([]);

		env.sim.clock.advance(60_000);
		env.sim.projects.editTask(task.zpId, { description: '<div>Caf&eacute; menu &mdash; final&hellip;<br>&copy; Sakura &amp; Co. &lt;draft&gt;</div>' }, 'emily');
		const r = await env.run(fromProjects, [projectsItem]);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ direction: 'projectsToCrm' });
		expect(crmDescription()).toBe('Café menu — final…\n© Sakura & Co. <draft>');

		env.mark();
		const echo = await env.run(fromCrm, [{ id: task.crmId, affectedFields: ['Description'] }]);
		expect(echo.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.calls('projects') + env.calls('crm', true)).toBe(0);
	});
});
