import { PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { setClaimClock } from '../../nodes/ZohoTaskSync/claim';
import { shortClaimClock, syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncComment', source: 'crm' };
const fromProjects = { operation: 'syncComment', source: 'projects' };
const where = { portalId: PORTAL_ID, projectId: PROJECTS.website.id, taskId: TASKS.design.zpId };

describe('Zoho Task Sync: Sync Comment', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const projectsComments = () => (env.sim.projects.snapshot().comments as { taskId: string; id: string; comment: string }[]).filter((c) => c.taskId === TASKS.design.zpId);
	const crmNotes = () => (env.sim.crm.snapshot().Notes as { id: string; Note_Content: string; Parent_Id: { id: string } }[]).filter((n) => n.Parent_Id?.id === TASKS.design.crmId);

	it('mirrors a CRM note to Projects with an attribution line, once, and never back', async () => {
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, '見積もりを送付しました\n金額 < 100万円 & 税別', USERS.ichiro.crmId);
		const before = projectsComments().length;
		const r = await env.run(fromCrm, [{ id: note.id }]);
		expect(r.synced[0]).toMatchObject({ direction: 'crmToProjects', crmNoteId: note.id });
		const mirrored = projectsComments();
		expect(mirrored).toHaveLength(before + 1);
		const html = mirrored.at(-1)!.comment;
		expect(html).toContain('見積もりを送付しました<br>金額 &lt; 100万円 &amp; 税別');
		expect(html).toContain(`— ${USERS.ichiro.name} (Zoho CRM, `);
		expect(html).toContain(`[zts:crm:${note.id}]`);

		// A duplicate event finds the mirror; the mirror itself is never mirrored back.
		const again = await env.run(fromCrm, [{ id: note.id }]);
		expect(again.skipped[0]).toMatchObject({ reason: 'alreadyMirrored' });
		const back = await env.run(fromProjects, [{ ...where, commentId: mirrored.at(-1)!.id }]);
		expect(back.skipped[0]).toMatchObject({ reason: 'mirror' });
		expect(projectsComments()).toHaveLength(before + 1);
		expect(crmNotes().filter((n) => n.Note_Content.includes('[zts:'))).toHaveLength(0);
	});

	it('mirrors a Projects comment to a CRM note, once, and never back', async () => {
		const comment = env.sim.projects.addComment(TASKS.design.zpId, '<div>デザイン案を <b>2 つ</b> 追加しました</div>', 'emily');
		const r = await env.run(fromProjects, [{ ...where, commentId: comment.id }]);
		expect(r.synced[0]).toMatchObject({ direction: 'projectsToCrm' });
		const note = crmNotes().find((n) => n.Note_Content.includes(`[zts:projects:${comment.id}]`))!;
		expect(note.Note_Content).toMatch(/^デザイン案を 2 つ 追加しました\n\n— Emily Clark \(Zoho Projects, /);

		const again = await env.run(fromProjects, [{ ...where, commentId: comment.id }]);
		expect(again.skipped[0]).toMatchObject({ reason: 'alreadyMirrored' });
		const back = await env.run(fromCrm, [{ id: note.id }]);
		expect(back.skipped[0]).toMatchObject({ reason: 'mirror' });
	});

	it('two executions of one CRM note at once leave exactly one mirror (the twin removes its own)', async () => {
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'delivered twice', USERS.ichiro.crmId);
		const tag = `[zts:crm:${note.id}]`;
		env.mark();
		const runs = await Promise.all([env.run(fromCrm, [{ id: note.id }]), env.run(fromCrm, [{ id: note.id }])]);
		expect(runs.flatMap((r) => r.errors)).toEqual([]);
		expect(projectsComments().filter((c) => c.comment.includes(tag))).toHaveLength(1);
		const synced = runs.flatMap((r) => r.synced);
		const skipped = runs.flatMap((r) => r.skipped);
		expect(synced).toHaveLength(1);
		expect(skipped).toEqual([expect.objectContaining({ reason: 'mirroredByTwin', crmNoteId: note.id, mirrorId: synced[0].projectsCommentId })]);
		// Cost per execution that wrote a mirror: one more listing of the task's comments; the twin also deletes its own.
		const comments = `/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}/comments`;
		expect(env.projectsRequests().filter((x) => x.includes('/comments')).sort()).toEqual(
			[`GET ${comments}`, `GET ${comments}`, `GET ${comments}`, `GET ${comments}`, `POST ${comments}`, `POST ${comments}`, `DELETE ${comments}/${String(skipped[0].removedMirrorId)}`].sort(),
		);
	});

	it('two executions of one Projects comment at once leave exactly one mirror (the twin removes its own)', async () => {
		const comment = env.sim.projects.addComment(TASKS.design.zpId, '<div>delivered twice</div>', 'emily');
		const tag = `[zts:projects:${comment.id}]`;
		const runs = await Promise.all([env.run(fromProjects, [{ ...where, commentId: comment.id }]), env.run(fromProjects, [{ ...where, commentId: comment.id }])]);
		expect(runs.flatMap((r) => r.errors)).toEqual([]);
		expect(crmNotes().filter((n) => n.Note_Content.includes(tag))).toHaveLength(1);
		expect(runs.flatMap((r) => r.synced)).toHaveLength(1);
		expect(runs.flatMap((r) => r.skipped)).toEqual([expect.objectContaining({ reason: 'mirroredByTwin', projectsCommentId: comment.id })]);
		// Nothing was recorded as pending: the twin's removal is not a failure.
		expect(String(env.sim.crm.getRecord('Tasks', TASKS.design.crmId)?.Zoho_Projects_Sync_State ?? '')).not.toContain('pendingComments');
	});

	it('a twin whose removal fails reports both mirrors on the error output', async () => {
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'delivered twice, removal refused', USERS.ichiro.crmId);
		env.sim.faults.add({ product: 'projects', method: 'DELETE', path: '/comments/', status: 400 });
		const runs = await Promise.all([env.run(fromCrm, [{ id: note.id }]), env.run(fromCrm, [{ id: note.id }])]);
		const mirrors = projectsComments().filter((c) => c.comment.includes(`[zts:crm:${note.id}]`));
		expect(mirrors).toHaveLength(2);
		const errors = runs.flatMap((r) => r.errors);
		expect(errors).toHaveLength(1);
		expect(`${String(errors[0].error)} ${String(errors[0].message)}`).toContain(mirrors[0].id);
		expect(`${String(errors[0].error)} ${String(errors[0].message)}`).toContain(mirrors[1].id);
		expect(runs.flatMap((r) => r.synced)).toHaveLength(1);
	});

	it('a mirror whose twin check cannot list stays, and the error output says so', async () => {
		const comment = env.sim.projects.addComment(TASKS.design.zpId, '<div>check fails</div>', 'emily');
		// During the settle wait (after the mirror was written), the notes listing starts failing.
		setClaimClock({ now: () => Date.now(), sleep: async () => void env.sim.faults.add({ product: 'crm', method: 'GET', path: '/Notes', status: 400, times: Infinity }) });
		try {
			const r = await env.run(fromProjects, [{ ...where, commentId: comment.id }]);
			expect(r.synced).toEqual([expect.objectContaining({ direction: 'projectsToCrm', projectsCommentId: comment.id })]);
			expect(r.errors).toEqual([expect.objectContaining({ error: expect.stringContaining(`Projects comment ${comment.id}`) })]);
			expect(String(r.errors[0].message)).toContain(String(r.synced[0].crmNoteId));
		} finally {
			shortClaimClock();
		}
		expect(crmNotes().filter((n) => n.Note_Content.includes(`[zts:projects:${comment.id}]`))).toHaveLength(1);
	});

	it('skips notes of unlinked tasks', async () => {
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.kickoff.crmId, 'unlinked');
		const r = await env.run(fromCrm, [{ id: note.id }]);
		expect(r.skipped[0]).toMatchObject({ reason: 'notLinked' });
	});
});
