/**
 * Issue 12 item 10: a damaged sync state (cut short, null, HTML) is never taken for "never synced" —
 * that would let the starting side win every difference and revert the other side's edits. The item
 * goes to the error output naming the task and the field; nothing is written on either side.
 */
import { FIELDS, TASKS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, pairKit, projectsItem, syncEnv, type SyncEnv } from '../sync-node/helpers';

describe('Zoho Task Sync: a damaged sync state', () => {
	let env: SyncEnv;
	const kit = pairKit(() => env, 60_000);
	beforeEach(async () => {
		env = await syncEnv();
		await kit.prime(TASKS.design);
	});
	afterEach(async () => await env.sim.stop());

	const state = () => String(kit.crm(TASKS.design.crmId)[FIELDS.syncState]);

	it.each([
		['cut short', (s: string) => s.slice(0, Math.floor(s.length / 2)), 'it is not JSON'],
		['null', () => 'null', 'it is not a JSON object'],
		['HTML', () => '<div>{"v":1}</div>', 'it is not JSON'],
		['without its values', () => JSON.stringify({ v: 1, at: '2026-11-25T00:00:00Z' }), 'it lacks the values last synced'],
	])('%s: reported on the error output, nothing written, the Projects edit not reverted', async (_label, damage, why) => {
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [FIELDS.syncState]: damage(state()) });
		// A Projects user edits the description; a CRM user edits the subject.
		kit.editProjects(TASKS.design, { description: '<div>edited in Projects</div>' });
		kit.editCrm(TASKS.design, { Subject: 'edited in CRM' });
		for (const [parameters, item] of [
			[FROM_CRM, { id: TASKS.design.crmId }],
			[FROM_PROJECTS, projectsItem(TASKS.design)],
		] as const) {
			env.mark();
			const r = await env.run(parameters, [item]);
			expect(r.errors.map((e) => e.error)).toEqual([expect.stringContaining(`The sync state of CRM task ${TASKS.design.crmId} is damaged (${why}`)]);
			expect(String(r.errors[0].message)).toContain(FIELDS.syncState);
			expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
		}
		expect(kit.projects(TASKS.design.zpId).description).toBe('<div>edited in Projects</div>');
		expect(kit.crm(TASKS.design.crmId).Subject).toBe('edited in CRM');
	});

	it('a state holding only pending comments is not damaged', async () => {
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [FIELDS.syncState]: JSON.stringify({ pendingComments: ['123'] }) });
		const r = await env.run(FROM_CRM, [{ id: TASKS.design.crmId }]);
		expect(r.errors).toEqual([]);
	});
});
