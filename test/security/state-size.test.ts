/**
 * Issue 12 item 9: the sync state must fit its CRM field. A description valid in CRM whose kept copy
 * does not fit used to be written to Projects, then fail the CRM write — the pair stuck, a 44,000-
 * character error. Now the item is refused before anything is written, with a short message naming
 * the value to shorten.
 */
import { FIELDS, TASKS } from '../zoho-sim/seed-data';
import { FROM_CRM, pairKit, syncEnv, type SyncEnv } from '../sync-node/helpers';

describe('Zoho Task Sync: the sync state fits its field', () => {
	let env: SyncEnv;
	const kit = pairKit(() => env, 60_000);
	beforeEach(async () => {
		env = await syncEnv();
		await kit.prime(TASKS.design);
	});
	afterEach(async () => await env.sim.stop());

	it('a description whose kept copy would overflow the state field: refused, nothing written, a short message', async () => {
		// 20,000 characters in CRM; each quote takes two in the state's JSON.
		const long = '"'.repeat(20_000);
		kit.editCrm(TASKS.design, { Description: long });
		const stateBefore = kit.crm(TASKS.design.crmId)[FIELDS.syncState];
		env.mark();
		const r = await env.run(FROM_CRM, [{ id: TASKS.design.crmId }]);
		expect(r.errors).toHaveLength(1);
		expect(String(r.errors[0].error)).toMatch(new RegExp(`^The values to keep for CRM task ${TASKS.design.crmId} need about \\d+ characters; its field ${FIELDS.syncState} holds 32000\\. Nothing was written$`));
		expect(String(r.errors[0].message)).toContain('The longest is the description (20000 characters)');
		expect(JSON.stringify(r.errors[0]).length).toBeLessThan(1_000);
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
		expect(kit.crm(TASKS.design.crmId)[FIELDS.syncState]).toBe(stateBefore);
	});

	it('a long description that fits is synced as before', async () => {
		kit.editCrm(TASKS.design, { Description: 'x'.repeat(20_000) });
		const r = await env.run(FROM_CRM, [{ id: TASKS.design.crmId }]);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ changes: [expect.objectContaining({ field: 'description' })] });
	});
});
