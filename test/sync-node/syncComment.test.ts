import { PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

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

	it('skips notes of unlinked tasks', async () => {
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.kickoff.crmId, 'unlinked');
		const r = await env.run(fromCrm, [{ id: note.id }]);
		expect(r.skipped[0]).toMatchObject({ reason: 'notLinked' });
	});
});
