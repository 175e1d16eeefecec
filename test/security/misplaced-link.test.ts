/**
 * Issue 12 item 8: a link naming a task in another project used to be taken for a deleted task — the CRM
 * link and sync state cleared and a deletion e-mail sent, while the Projects task still held the CRM id.
 * It is a per-item error naming the field, the value and the right project; nothing is cleared.
 */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { FROM_CRM, pairKit, syncEnv, type SyncEnv } from '../sync-node/helpers';

describe('Zoho Task Sync: a link naming the wrong project', () => {
	let env: SyncEnv;
	const kit = pairKit(() => env, 60_000);
	beforeEach(async () => {
		env = await syncEnv();
		await kit.prime(TASKS.design);
	});
	afterEach(async () => await env.sim.stop());

	const wrong = `${PORTAL_ID}:${PROJECTS.migration.id}:${TASKS.design.zpId}`;

	it.each([
		['Sync Task', FROM_CRM, { id: TASKS.design.crmId }],
		['Reconcile', { operation: 'reconcile', portalId: PORTAL_ID, since: '2026-01-01T00:00:00Z', commentPairsPerRun: 0 }, {}],
	])('%s: an error naming the right project; no unlink, no deletion e-mail', async (_label, parameters, item) => {
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [FIELDS.taskLink]: wrong });
		const state = kit.crm(TASKS.design.crmId)[FIELDS.syncState];
		kit.editCrm(TASKS.design, { Subject: 'edited in CRM' });
		const r = await env.run(parameters, [item]);
		const expected = `The link of CRM task ${TASKS.design.crmId} names project ${PROJECTS.migration.id}, but Zoho Projects task ${TASKS.design.zpId} is in project ${PROJECTS.website.id}`;
		expect(JSON.stringify(r.errors)).toContain(expected);
		expect(r.rejected.filter((x) => x.crmTaskId === TASKS.design.crmId)).toEqual([]);
		expect(kit.crm(TASKS.design.crmId)[FIELDS.taskLink]).toBe(wrong);
		expect(kit.crm(TASKS.design.crmId)[FIELDS.syncState]).toBe(state);
		expect(kit.projects(TASKS.design.zpId)[FIELDS.projectsCrmTaskId]).toBe(TASKS.design.crmId);
	});

	it('a task deleted for real is still unlinked and reported', async () => {
		env.sim.projects.deleteTask(TASKS.design.zpId);
		kit.editCrm(TASKS.design, { Subject: 'edited in CRM' });
		const r = await env.run(FROM_CRM, [{ id: TASKS.design.crmId }]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', crmTaskId: TASKS.design.crmId })]);
	});
});
