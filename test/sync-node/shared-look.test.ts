/**
 * Issue 11: in a burst of CRM changes the look at the Projects side is shared — a listing of the
 * project's recent changes serves the looks made soon after it (nodes/shared/projects/feed.ts) — and
 * sharing it never costs a user's edit: an edit the listing shows is merged, a task deleted since the
 * process last saw it is unlinked and reported, and a Projects event is always decided on a fresh read.
 */
import { linkedPair, type LinkedPair as Pair } from '../zoho-sim/pairs';
import { FIELDS, PORTAL_ID, PROJECTS, TASKLISTS, USERS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, syncEnv, type SyncEnv } from './helpers';

const PROJECT = PROJECTS.website;

describe('Zoho Task Sync: one look shared by a burst of CRM changes', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	/** Linked pairs whose sides agree, made as people make them (no API call). */
	function pairs(count: number): Pair[] {
		return Array.from({ length: count }, (_, i) => linkedPair(env.sim, PROJECT.id, TASKLISTS.websiteGeneral.id, `Shared look ${i}`));
	}

	async function primeAndEdit(list: Pair[], edit: (p: Pair, i: number) => Record<string, unknown>): Promise<void> {
		const prime = await env.run(FROM_CRM, list.map((p) => ({ id: p.crmId })));
		expect(prime.errors).toEqual([]);
		env.sim.clock.advance(60_000);
		list.forEach((p, i) => env.sim.crm.editAsUser('Tasks', p.crmId, edit(p, i), USERS.ichiro.crmId));
		env.sim.clock.advance(1000);
	}

	const projectsGets = () => env.projectsRequests().filter((r) => r.startsWith('GET'));

	it('one execution per change: the first reads its task, the second lists the project, the rest write only', async () => {
		const list = pairs(8);
		await primeAndEdit(list, (_, i) => ({ Subject: `Shared look ${i} (edited)` }));
		env.mark();
		for (const p of list) {
			const r = await env.run(FROM_CRM, [{ id: p.crmId }]);
			expect(r.errors).toEqual([]);
			expect(r.synced).toHaveLength(1);
		}
		expect(projectsGets()).toEqual([`GET /projects/${PROJECT.id}/tasks/${list[0].zpId}`, `GET /projects/${PROJECT.id}/tasks`]);
		expect(env.calls('projects', true)).toBe(8);
		list.forEach((p, i) => expect(env.sim.projects.task(p.zpId)?.name).toBe(`Shared look ${i} (edited)`));
	});

	it('a Projects edit the shared listing shows is merged, not overwritten', async () => {
		const [first, second] = pairs(2);
		await primeAndEdit([first, second], (_, i) => ({ Subject: `Shared look ${i} (CRM)` }));
		await env.run(FROM_CRM, [{ id: first.crmId }]);
		// Later than the CRM edit: under the default "most recent wins" the Projects name stays; its new due date comes to CRM.
		env.sim.clock.advance(1000);
		env.sim.projects.editTask(second.zpId, { name: 'Shared look 1 (Projects)', end_date: '2026-12-09' }, 'emily');
		env.mark();
		const r = await env.run(FROM_CRM, [{ id: second.crmId }]);
		expect(r.errors).toEqual([]);
		// The listing is the look; the conflict on the name reads who wrote it when (the task's activity).
		expect(projectsGets()).toEqual([`GET /projects/${PROJECT.id}/tasks`, `GET /restapi/portal/${PORTAL_ID}/projects/${PROJECT.id}/tasks/${second.zpId}/activities`]);
		expect(env.sim.projects.task(second.zpId)?.name).toBe('Shared look 1 (Projects)');
		expect(env.sim.crm.getRecord('Tasks', second.crmId)).toMatchObject({ Subject: 'Shared look 1 (Projects)', Due_Date: '2026-12-09' });
	});

	it('a task deleted since the process last saw it: the write is answered 404, the task read, the pair unlinked and reported', async () => {
		const [first, second] = pairs(2);
		await primeAndEdit([first, second], (_, i) => ({ Subject: `Shared look ${i} (CRM)` }));
		await env.run(FROM_CRM, [{ id: first.crmId }]);
		env.sim.projects.deleteTask(second.zpId, 'emily');
		env.mark();
		const r = await env.run(FROM_CRM, [{ id: second.crmId }]);
		expect(r.errors).toEqual([]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED' })]);
		expect(env.projectsRequests()).toContain(`GET /projects/${PROJECT.id}/tasks/${second.zpId}`);
		expect(env.sim.crm.getRecord('Tasks', second.crmId)?.[FIELDS.taskLink]).toBeFalsy();
	});

	it('a Projects event is decided on a fresh read, even right after the sync wrote the task', async () => {
		const [pair] = pairs(1);
		await primeAndEdit([pair], () => ({ Subject: 'Shared look 0 (CRM)' }));
		await env.run(FROM_CRM, [{ id: pair.crmId }]);
		// Within the moment the sync's own write is still its freshest knowledge of the task.
		env.sim.projects.editTask(pair.zpId, { end_date: '2026-12-11' }, 'emily');
		env.mark();
		const r = await env.run(FROM_PROJECTS, [{ portalId: PORTAL_ID, projectId: PROJECT.id, taskId: pair.zpId }]);
		expect(r.errors).toEqual([]);
		expect(projectsGets()).toEqual([`GET /projects/${PROJECT.id}/tasks/${pair.zpId}`]);
		expect(env.sim.crm.getRecord('Tasks', pair.crmId)?.Due_Date).toBe('2026-12-11');
	});
});
