/**
 * Issue 12 item 3: a copy of a linked CRM task carries the original's link and sync state. Syncing the
 * copy must not overwrite the Projects task (nor, through it, the original): the Projects task's CRM
 * Task ID names the CRM task that owns the link, and the copy is refused on Rejected, to its editor.
 */
import { FIELDS, PORTAL_ID, TASKS, USERS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, pairKit, projectsItem, syncEnv, type SyncEnv } from '../sync-node/helpers';

describe('Zoho Task Sync: a copied CRM task does not take over its original\'s link', () => {
	let env: SyncEnv;
	const kit = pairKit(() => env, 60_000);
	beforeEach(async () => {
		env = await syncEnv();
		await kit.prime(TASKS.design);
	});
	afterEach(async () => await env.sim.stop());

	const copyOfDesign = () => {
		const original = kit.crm(TASKS.design.crmId);
		const copy = env.sim.crm.createAsUser('Tasks', {
			Subject: `${String(original.Subject)} (copy)`,
			Description: String(original.Description ?? ''),
			Due_Date: original.Due_Date,
			Status: original.Status,
			Priority: original.Priority,
			Owner: { id: USERS.emily.crmId },
			[FIELDS.taskLink]: original[FIELDS.taskLink],
			[FIELDS.syncState]: original[FIELDS.syncState],
		}, USERS.ichiro.crmId);
		return String(copy.id);
	};

	it('syncing the copy writes nothing and tells the person who edited it', async () => {
		const projectsBefore = { ...kit.projects(TASKS.design.zpId) };
		const originalBefore = { ...kit.crm(TASKS.design.crmId) };
		const copy = copyOfDesign();
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', copy, { Description: '' }, USERS.ichiro.crmId);
		env.mark();
		const r = await env.run(FROM_CRM, [{ id: copy }]);
		expect(r.errors).toEqual([]);
		expect(r.synced).toEqual([]);
		expect(r.rejected).toEqual([
			expect.objectContaining({ rule: 'LINKED_TO_ANOTHER_TASK', crmTaskId: copy, linkedCrmTaskId: TASKS.design.crmId, recipient: USERS.ichiro.email }),
		]);
		expect(String(r.rejected[0].body)).toContain(TASKS.design.crmId);
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
		expect(kit.projects(TASKS.design.zpId)).toEqual(projectsBefore);

		// The Projects side goes on syncing with the original only.
		const back = await env.run(FROM_PROJECTS, [projectsItem(TASKS.design)]);
		expect(back.errors).toEqual([]);
		expect(kit.crm(TASKS.design.crmId)).toEqual(originalBefore);
	});

	it('the Reconcile run refuses the copy the same way', async () => {
		const copy = copyOfDesign();
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', copy, { Description: 'changed on the copy' }, USERS.ichiro.crmId);
		const r = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since: '2026-01-01T00:00:00Z', commentPairsPerRun: 0 }, [{}]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'LINKED_TO_ANOTHER_TASK', crmTaskId: copy })]);
		expect(String(kit.projects(TASKS.design.zpId).description ?? '')).not.toContain('changed on the copy');
	});
});
