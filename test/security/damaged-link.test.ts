/**
 * Issue 12 item 4: junk in a link (an id followed by `#x`, `?…` or `/`, a hand edit) used to make the
 * pair pass for "not linked" — skipped silently by every later sync. It is reported per item, naming
 * the field and the value; and ids with junk are refused before anything is written (ids.test.ts).
 */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { FROM_CRM, syncEnv, type SyncEnv } from '../sync-node/helpers';

describe('Zoho Task Sync: a damaged link is reported, not skipped', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	it.each([`${PORTAL_ID}:${PROJECTS.website.id}:${TASKS.design.zpId}#x`, `${PORTAL_ID}:${PROJECTS.website.id}:${TASKS.design.zpId}/`, 'see the Projects task'])(
		'link "%s": Sync Task, Add to Projects and Reconcile say so',
		async (raw) => {
			env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [FIELDS.taskLink]: raw });
			const expected = `The link of CRM task ${TASKS.design.crmId} is damaged: ${FIELDS.taskLink} holds "${raw}", not portal:project:task`;
			const sync = await env.run(FROM_CRM, [{ id: TASKS.design.crmId }]);
			expect(sync.errors.map((e) => e.error)).toEqual([expected]);
			const add = await env.run({ operation: 'addToProjects', crmTaskId: TASKS.design.crmId, portalId: PORTAL_ID, targetProjectId: PROJECTS.website.id }, [{}]);
			expect(add.errors.map((e) => e.error)).toEqual([expected]);
			const reconcile = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since: '2026-01-01T00:00:00Z', commentPairsPerRun: 0 }, [{}]);
			expect(String(reconcile.errors[0]?.message ?? '')).toContain(expected);
			// Nothing was written to the task it names, and no second Projects task was made for it.
			expect(env.sim.log.count({ product: 'projects', method: 'PATCH', path: new RegExp(`/tasks/${TASKS.design.zpId}$`) })).toBe(0);
			expect(env.sim.log.count({ product: 'projects', method: 'POST', path: /\/tasks$/ })).toBe(0);
			expect(env.sim.crm.getRecord('Tasks', TASKS.design.crmId)?.[FIELDS.taskLink]).toBe(raw);
		},
	);
});
