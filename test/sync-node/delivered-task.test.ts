/**
 * Issue 11: Projects → CRM decides on the task the Projects trigger delivered (0 Projects calls) when
 * the item carries every key a decision reads; the echo of the sync's own Projects write costs no
 * Projects call either. An item that carries less is read; a Projects write the decision still makes
 * is preceded by a fresh look, since the delivered task's age is unknown.
 */
import type { IDataObject } from 'n8n-workflow';

import { withCalendarDates } from '../../nodes/shared/projects';
import { FIELDS, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, pairKit, projectsItem, syncEnv, type SeedTask, type SyncEnv } from './helpers';

const website = PROJECTS.website.id;
const path = (t: SeedTask) => `/projects/${website}/tasks/${t.zpId}`;

describe('Zoho Task Sync: the task the Projects trigger delivered', () => {
	let env: SyncEnv;
	const kit = pairKit(() => env, 60_000);
	beforeEach(async () => {
		env = await syncEnv();
		await kit.prime(TASKS.design);
	});
	afterEach(async () => await env.sim.stop());

	/** The item the Projects trigger's polling outputs for a task (its listing, dates as calendar dates). */
	const polled = (t: SeedTask): IDataObject => ({ event: 'taskUpdated', portal_id: PORTAL_ID, project_id: website, ...withCalendarDates(kit.projects(t.zpId) as IDataObject) });
	const run = async (parameters: IDataObject, item: IDataObject) => {
		env.mark();
		const r = await env.run(parameters, [item]);
		expect(r.errors).toEqual([]);
		return r;
	};

	it('a Projects edit reaches CRM without a Projects call', async () => {
		kit.editProjects(TASKS.design, { name: 'Mock-ups v2' });
		const r = await run(FROM_PROJECTS, polled(TASKS.design));
		expect(r.synced[0]).toMatchObject({ changes: [expect.objectContaining({ field: 'subject', to: 'crm', value: 'Mock-ups v2' })] });
		expect(env.projectsRequests()).toEqual([]);
		expect(kit.crm(TASKS.design.crmId).Subject).toBe('Mock-ups v2');
		// Nothing waited for the Projects budget: no hint.
		expect(r.hints).toEqual([]);
	});

	it("the echo of the sync's own Projects write: skipped, no Projects call", async () => {
		kit.editCrm(TASKS.design, { Subject: 'Renamed in CRM' });
		await run(FROM_CRM, { id: TASKS.design.crmId });
		// The trigger then sees the task the sync wrote.
		const echo = await run(FROM_PROJECTS, polled(TASKS.design));
		expect(echo.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.projectsRequests()).toEqual([]);
	});

	it('a decision that writes Projects too looks at the task first (the delivered copy may be old)', async () => {
		kit.editProjects(TASKS.design, { name: 'Mock-ups v2' });
		const item = polled(TASKS.design);
		// Meanwhile, a CRM user changes the priority: the merge writes it to Projects.
		kit.editCrm(TASKS.design, { Priority: 'High' });
		const r = await run(FROM_PROJECTS, item);
		expect(r.synced[0]).toMatchObject({ written: { projects: ['priority'], crm: expect.arrayContaining(['Subject']) } });
		// Projects was written since the last sync and a CRM change is to go there: its history is read (who
		// wrote what), then the task itself right before the write.
		expect(env.projectsRequests()).toEqual([
			`GET /restapi/portal/${PORTAL_ID}${path(TASKS.design)}/activities`,
			`GET ${path(TASKS.design)}`,
			`PATCH ${path(TASKS.design)}`,
		]);
		expect(kit.projects(TASKS.design.zpId)).toMatchObject({ name: 'Mock-ups v2', priority: 'high' });
	});

	it('a delivered task older than the last sync is not decided on: a CRM edit carried over since is not undone', async () => {
		kit.editProjects(TASKS.design, { name: 'Mock-ups v2' });
		const stale = polled(TASKS.design);
		// Before that item is processed, the Projects edit reaches CRM, then a CRM user renames the task and
		// that reaches Projects: the delivered copy (v2) is now older than the last sync.
		await run(FROM_PROJECTS, polled(TASKS.design));
		kit.editCrm(TASKS.design, { Subject: 'Final name' });
		await run(FROM_CRM, { id: TASKS.design.crmId });
		const r = await run(FROM_PROJECTS, stale);
		expect(r.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.projectsRequests()).toEqual([`GET ${path(TASKS.design)}`]);
		expect(kit.crm(TASKS.design.crmId).Subject).toBe('Final name');
		expect(kit.projects(TASKS.design.zpId).name).toBe('Final name');
	});

	it('an item that lacks a key the decision reads (a webhook\'s chosen parameters) is not trusted: the task is read', async () => {
		kit.editProjects(TASKS.design, { name: 'Mock-ups v2' });
		const partial = polled(TASKS.design);
		delete partial.description;
		await run(FROM_PROJECTS, partial);
		expect(env.projectsRequests()).toEqual([`GET ${path(TASKS.design)}`]);
		const webhook = { ...projectsItem(TASKS.design), name: 'Mock-ups v3', [FIELDS.projectsCrmTaskId]: TASKS.design.crmId };
		await run(FROM_PROJECTS, webhook);
		expect(env.projectsRequests()).toEqual([`GET ${path(TASKS.design)}`]);
	});
});
