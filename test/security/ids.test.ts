/**
 * Issue 12 item 2: every id the Sync node puts into a Zoho URL is checked first — from its parameters,
 * trigger items and the Projects task's CRM Task ID field. A bad one is a per-item error naming the
 * field and the value; no Zoho call is made with it; the other items go on.
 */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, syncEnv, type SyncEnv } from '../sync-node/helpers';

describe('Zoho Task Sync: ids are checked before they reach a URL', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const item = (over: Record<string, string>) => ({ portalId: PORTAL_ID, projectId: PROJECTS.website.id, taskId: TASKS.design.zpId, ...over });
	/** Requests that reached the simulator whose path or query carries the injected text. */
	const reached = (text: string) => env.sim.log.entries.filter((e) => decodeURIComponent(`${e.path}?${e.query}`).includes(text));

	it.each([
		['Project ID', { projectId: `${PROJECTS.website.id}/../../../999999999/projects/1` }, '/../'],
		['Projects Task ID', { taskId: `${TASKS.design.zpId}?view_type=all` }, 'view_type'],
		['Portal ID', { portalId: '700000001/../700000002' }, '700000002'],
		['Projects Task ID', { taskId: '9'.repeat(10_000) }, '9'.repeat(100)],
	])('%s with a path, a query or 10,000 characters is refused per item', async (label, over, marker) => {
		const r = await env.run(FROM_PROJECTS, [item(over), item({})]);
		expect(r.errors).toHaveLength(1);
		expect(String(r.errors[0].error)).toMatch(new RegExp(`^${label}: ".{1,41}" is not a Zoho ID$`));
		expect(reached(marker)).toEqual([]);
		// The good item went on.
		expect(r.skipped.length + r.synced.length).toBe(1);
	});

	it('a CRM Task ID parameter that names another module is refused', async () => {
		const r = await env.run(FROM_CRM, [{ id: `../Deals/${TASKS.design.crmId}` }, { id: TASKS.design.crmId }]);
		expect(r.errors.map((e) => e.error)).toEqual([`CRM Task ID: "../Deals/${TASKS.design.crmId}" is not a Zoho ID`]);
		expect(reached('Deals')).toEqual([]);
	});

	it("a Projects task whose CRM Task ID field holds a path is refused, naming the value", async () => {
		env.sim.projects.editTask(TASKS.contentPlan.zpId, { [FIELDS.projectsCrmTaskId]: `../Deals/${TASKS.design.crmId}` });
		const r = await env.run(FROM_PROJECTS, [item({ taskId: TASKS.contentPlan.zpId })]);
		expect(r.errors.map((e) => e.error)).toEqual([`CRM Task ID: "../Deals/${TASKS.design.crmId}" is not a Zoho ID`]);
		expect(reached('Deals')).toEqual([]);
	});
});
