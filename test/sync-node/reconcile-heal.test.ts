/**
 * Reconcile as the safety net for what events miss (issue 9): comments whose mirror failed, a
 * deleted task whose counterpart stays untouched, a change in the cursor's own second, and a pair
 * that fails on every run.
 */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

// The comment check (reconcile-comments.test.ts) off: these tests measure the listings and healing alone.
const reconcile = { operation: 'reconcile', portalId: PORTAL_ID, commentPairsPerRun: 0 };
const where = { portalId: PORTAL_ID, projectId: PROJECTS.website.id, taskId: TASKS.design.zpId };

describe('Zoho Task Sync: Reconcile heals what events missed', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const prime = async () => {
		const r = await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: TASKS.design.crmId }, { id: TASKS.plan.crmId }]);
		expect(r.errors).toEqual([]);
		// The first run of the node sets its cursor; later runs start from it.
		const first = await env.run(reconcile, [{}]);
		expect(first.errors).toEqual([]);
		env.sim.clock.advance(60_000);
	};
	const comments = () => (env.sim.projects.snapshot().comments as { taskId: string; comment: string }[]).filter((c) => c.taskId === TASKS.design.zpId);
	const notes = () => (env.sim.crm.snapshot().Notes as { Note_Content: string; Parent_Id: { id: string } }[]).filter((n) => n.Parent_Id?.id === TASKS.design.crmId);
	const projectsName = (t: { zpId: string }) => (env.sim.projects.task(t.zpId) as { name: string }).name;

	it('item 7: mirrors a CRM note whose mirror write failed, once, at one Projects read', async () => {
		await prime();
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'note whose mirror failed');
		env.sim.faults.add({ product: 'projects', method: 'POST', path: `/tasks/${TASKS.design.zpId}/comments$`, status: 500 });
		const failed = await env.run({ operation: 'syncComment', source: 'crm' }, [{ id: note.id }]);
		expect(failed.errors).toHaveLength(1);
		const tag = `[zts:crm:${String(note.id)}]`;
		expect(comments().filter((c) => c.comment.includes(tag))).toHaveLength(0);

		env.sim.clock.advance(60_000);
		env.mark();
		const r = await env.run(reconcile, [{}]);
		expect(r.errors).toEqual([]);
		expect(comments().filter((c) => c.comment.includes(tag))).toHaveLength(1);
		expect(r.synced[0]).toMatchObject({ counts: { commentsMirrored: 1 } });
		// Cost: the portal's projects, one page of tasks per project, the task's comments, the mirror, the comments again (the twin check).
		const path = `/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}/comments`;
		expect(env.projectsRequests().filter((x) => x.includes('/comments'))).toEqual([`GET ${path}`, `POST ${path}`, `GET ${path}`]);

		env.sim.clock.advance(60_000);
		const again = await env.run(reconcile, [{}]);
		expect(again.errors).toEqual([]);
		expect(comments().filter((c) => c.comment.includes(tag))).toHaveLength(1);
		// The mirror itself is never mirrored back.
		expect(notes().filter((n) => n.Note_Content.includes('[zts:'))).toHaveLength(0);
	});

	it('item 7: mirrors a Projects comment whose mirror write failed (recorded on the CRM task), once', async () => {
		await prime();
		const comment = env.sim.projects.addComment(TASKS.design.zpId, '<div>comment whose mirror failed</div>', 'emily');
		env.sim.faults.add({ product: 'crm', method: 'POST', path: '/Notes$', status: 500 });
		const failed = await env.run({ operation: 'syncComment', source: 'projects' }, [{ ...where, commentId: comment.id }]);
		expect(failed.errors).toHaveLength(1);
		const tag = `[zts:projects:${String(comment.id)}]`;
		expect(notes().filter((n) => n.Note_Content.includes(tag))).toHaveLength(0);

		env.sim.clock.advance(60_000);
		const r = await env.run(reconcile, [{}]);
		expect(r.errors).toEqual([]);
		expect(notes().filter((n) => n.Note_Content.includes(tag))).toHaveLength(1);
		env.sim.clock.advance(60_000);
		await env.run(reconcile, [{}]);
		expect(notes().filter((n) => n.Note_Content.includes(tag))).toHaveLength(1);
		expect(comments().filter((c) => c.comment.includes('[zts:'))).toHaveLength(0);
	});

	it('item 7: a pending Projects comment survives a Sync Task state write before Reconcile, and is cleared once mirrored', async () => {
		await prime();
		const comment = env.sim.projects.addComment(TASKS.design.zpId, '<div>mirror failed, then the task changed</div>', 'emily');
		env.sim.faults.add({ product: 'crm', method: 'POST', path: '/Notes$', status: 500 });
		expect((await env.run({ operation: 'syncComment', source: 'projects' }, [{ ...where, commentId: comment.id }])).errors).toHaveLength(1);
		const state = () => JSON.parse(String((env.sim.crm.getRecord('Tasks', TASKS.design.crmId) as Record<string, unknown>)[FIELDS.syncState])) as { pendingComments?: string[] };
		expect(state().pendingComments).toEqual([String(comment.id)]);

		env.sim.clock.advance(10_000);
		env.sim.projects.editTask(TASKS.design.zpId, { name: 'Renamed before Reconcile' }, 'emily');
		const synced = await env.run({ operation: 'syncTask', source: 'projects' }, [where]);
		expect(synced.errors).toEqual([]);
		expect(state().pendingComments).toEqual([String(comment.id)]);

		env.sim.clock.advance(60_000);
		expect((await env.run(reconcile, [{}])).errors).toEqual([]);
		expect(notes().filter((n) => n.Note_Content.includes(`[zts:projects:${String(comment.id)}]`))).toHaveLength(1);
		expect(state().pendingComments).toBeUndefined();
	});

	it('item 8: a CRM task deleted while its Projects task stays untouched is unlinked and reported', async () => {
		await prime();
		env.sim.crm.deleteAsUser('Tasks', TASKS.design.crmId);
		env.sim.clock.advance(60_000);
		env.mark();
		const r = await env.run(reconcile, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', deletedSide: 'crm', crmTaskId: TASKS.design.crmId })]);
		expect((env.sim.projects.task(TASKS.design.zpId) as Record<string, unknown>)[FIELDS.projectsCrmTaskId] ?? '').toBe('');
		expect(env.sim.log.count({ method: 'DELETE' })).toBe(0);
		// Cost: the field check, the portal's projects, each project listed completely (one page of 200 here), the unlink write.
		expect(env.calls('projects')).toBe(2 + Object.keys(PROJECTS).length + 1);
	});

	it('item 8: a Projects task deleted while its CRM task stays untouched is unlinked by the full sweep', async () => {
		await prime();
		env.sim.projects.deleteTask(TASKS.plan.zpId);
		env.sim.clock.advance(60_000);
		const quiet = await env.run(reconcile, [{}]);
		expect(quiet.rejected).toEqual([]);
		env.mark();
		const r = await env.run({ ...reconcile, fullSweepEvery: 1 }, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', deletedSide: 'projects', crmTaskId: TASKS.plan.crmId })]);
		expect(env.sim.crm.getRecord('Tasks', TASKS.plan.crmId)?.[FIELDS.taskLink] ?? null).toBeNull();
		expect(r.synced[0]).toMatchObject({ fullSweep: true });
		// Cost: the field check, the portal's projects, each project listed completely, one read of the missing task
		// and, to tell a deletion from a link naming the wrong project, of that task in each other project; the unlink is a CRM write.
		expect(env.calls('projects')).toBe(2 + Object.keys(PROJECTS).length + 1 + (Object.keys(PROJECTS).length - 1));
	});

	it('a note on a CRM task whose Projects task was deleted unseen: the pair is unlinked and reported, not failed run after run', async () => {
		await prime();
		env.sim.projects.deleteTask(TASKS.plan.zpId);
		env.sim.crm.addNoteAsUser('Tasks', TASKS.plan.crmId, 'a note after the Projects task was deleted');
		env.sim.clock.advance(60_000);
		const r = await env.run(reconcile, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', deletedSide: 'projects', crmTaskId: TASKS.plan.crmId })]);
		expect(env.sim.crm.getRecord('Tasks', TASKS.plan.crmId)?.[FIELDS.taskLink] ?? null).toBeNull();
	});

	it('a full sweep walks a pair a listing named for its comments only', async () => {
		await prime();
		env.sim.projects.deleteTask(TASKS.plan.zpId);
		env.sim.crm.addNoteAsUser('Tasks', TASKS.plan.crmId, 'a note after the Projects task was deleted');
		env.sim.clock.advance(60_000);
		const r = await env.run({ ...reconcile, fullSweepEvery: 1 }, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'COUNTERPART_DELETED', deletedSide: 'projects', crmTaskId: TASKS.plan.crmId })]);
		expect(r.synced[0]).toMatchObject({ counts: { failed: 0 } });
	});

	it("item 9: a change in the cursor's own second is walked by the next run, and only once", async () => {
		await prime();
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'first edit' });
		const r1 = await env.run(reconcile, [{}]);
		expect(projectsName(TASKS.design)).toBe('first edit');
		// Same second (the clock is frozen): Zoho gives it the same modified time as the one just walked.
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'second edit, same second' });
		expect(String(env.sim.crm.getRecord('Tasks', TASKS.design.crmId)?.Modified_Time)).toBe(String(r1.synced[0].cursor).replace('.000Z', '+00:00'));
		await env.run(reconcile, [{}]);
		expect(projectsName(TASKS.design)).toBe('second edit, same second');
		// The echo of its own writes is walked once more; after that nothing is walked again.
		await env.run(reconcile, [{}]);
		env.mark();
		const quiet = await env.run(reconcile, [{}]);
		expect(quiet.synced[0]).toMatchObject({ counts: { pairs: 0 } });
		expect(env.projectsRequests().filter((x) => /\/tasks\/\d+$/.test(x))).toEqual([]);
	});

	it('item 1: the cursor moves past a pair that fails on every run; the pair is retried and reported each time', async () => {
		await prime();
		env.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'plan edit' });
		const fault = env.sim.faults.add({ product: 'projects', method: 'GET', path: `/tasks/${TASKS.plan.zpId}$`, status: 403, times: Infinity });
		const r1 = await env.run(reconcile, [{}]);
		expect(r1.errors).toEqual([expect.objectContaining({ error: 'Reconcile: 1 of 1 linked pairs failed' })]);
		const cursor1 = env.harness.nodeStaticData('Sync').reconcileCursor;
		expect(cursor1).toBe(r1.synced[0].cursor);

		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'design edit' });
		env.mark();
		const r2 = await env.run(reconcile, [{}]);
		expect(r2.synced[0]).toMatchObject({ counts: { pairs: 2, synced: 1, failed: 1, retried: 1 } });
		expect(r2.synced[0].retry).toEqual([{ crmTaskId: TASKS.plan.crmId, attempts: 2 }]);
		expect(String(r2.errors[0]?.message)).toContain(TASKS.plan.crmId);
		expect(projectsName(TASKS.design)).toBe('design edit');
		expect(env.harness.nodeStaticData('Sync').reconcileCursor).not.toBe(cursor1);

		fault.remaining = 0;
		env.sim.clock.advance(60_000);
		const r3 = await env.run(reconcile, [{}]);
		expect(r3.errors).toEqual([]);
		expect(projectsName(TASKS.plan)).toBe('plan edit');
		expect(r3.synced[0].retry).toEqual([]);
	});
});
