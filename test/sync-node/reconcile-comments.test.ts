/**
 * Reconcile's comment check: a comment whose event was never handled (a dropped poll batch) is
 * mirrored by the rotation over all linked pairs, once, at a bounded Projects cost per run; and a
 * mirror Reconcile writes while Sync Comment writes the same one is resolved to exactly one.
 */
import { PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const PER_RUN = 1;
const reconcile = { operation: 'reconcile', portalId: PORTAL_ID, commentPairsPerRun: PER_RUN };
/** The seed's linked pairs: plan, verify, verifyReport, design. */
const LINKED = 4;

interface Rotation {
	checked: number;
	of: number;
	position: number;
	wrapped: boolean;
}

describe('Zoho Task Sync: Reconcile checks the comments of every linked pair in turn', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	type Row = { id: string; taskId?: string; comment?: string; Note_Content?: string; Parent_Id?: { id: string } };
	const comments = () => env.sim.projects.snapshot().comments as Row[];
	const notes = () => env.sim.crm.snapshot().Notes as Row[];
	const tagged = (rows: Row[], tag: string) => rows.filter((r) => String(r.comment ?? r.Note_Content ?? '').includes(tag));

	const prime = async () => {
		// Their first sync writes the pairs' state, and with it when their sync began.
		const r = await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: TASKS.design.crmId }, { id: TASKS.plan.crmId }]);
		expect(r.errors).toEqual([]);
		expect((await env.run(reconcile, [{}])).errors).toEqual([]);
		env.sim.clock.advance(60_000);
	};

	it('mirrors a Projects comment no Sync Comment ever ran for, once, within a round of the rotation, one Projects read per run', async () => {
		await prime();
		// A note mirrored by Sync Comment (and seen by a Reconcile): the check finds its mirror and writes nothing.
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.plan.crmId, 'mirrored by its event', USERS.ichiro.crmId);
		expect((await env.run({ operation: 'syncComment', source: 'crm' }, [{ id: note.id }])).synced).toHaveLength(1);
		expect((await env.run(reconcile, [{}])).errors).toEqual([]);
		env.sim.clock.advance(60_000);
		const lost = env.sim.projects.addComment(TASKS.plan.zpId, '<div>its poll batch was dropped</div>', 'ichiro');
		const lostTag = `[zts:projects:${String(lost.id)}]`;

		const rotations: Rotation[] = [];
		let runs = 0;
		const bound = Math.ceil(LINKED / PER_RUN) + 1;
		while (runs < bound && !tagged(notes(), lostTag).length) {
			runs++;
			env.sim.clock.advance(60_000);
			env.mark();
			const r = await env.run(reconcile, [{}]);
			expect(r.errors).toEqual([]);
			rotations.push(r.synced[0].commentRotation as Rotation);
			// Per run: the field check, the portal's projects, one page of tasks per project, and the comments of one pair.
			expect(env.projectsRequests().filter((x) => x.includes('/comments'))).toHaveLength(PER_RUN);
			expect(env.calls('projects')).toBe(2 + Object.keys(PROJECTS).length + PER_RUN);
		}
		expect(runs).toBeLessThanOrEqual(bound);
		// The rotation had passed the pair just before the comment: it was found after the round wrapped.
		expect(runs).toBeGreaterThan(1);
		expect(rotations.some((x) => x.wrapped)).toBe(true);
		expect(tagged(notes(), lostTag)).toHaveLength(1);
		expect(rotations.every((x) => x.of === LINKED && x.checked === PER_RUN)).toBe(true);

		// Another full round: nothing more is written, nothing is mirrored back, the history from before the sync stays as it was.
		env.sim.clock.advance(60_000);
		env.mark();
		for (let i = 0; i < LINKED; i++) {
			env.sim.clock.advance(60_000);
			const r = await env.run(reconcile, [{}]);
			expect(r.errors).toEqual([]);
			expect(r.synced[0]).toMatchObject({ counts: { commentsMirrored: 0 } });
		}
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
		expect(tagged(notes(), lostTag)).toHaveLength(1);
		expect(tagged(comments(), `[zts:crm:${String(note.id)}]`)).toHaveLength(1);
		expect(tagged(comments(), '[zts:projects:')).toHaveLength(0);
		expect(tagged(notes(), '[zts:crm:')).toHaveLength(0);
		// The seed's Projects comments (days old, before the pairs' first sync) have no mirrors.
		for (const id of ['2000000101001', '2000000101002']) expect(tagged(notes(), `[zts:projects:${id}]`)).toHaveLength(0);
	});

	it('reports where the rotation is; a Full Sweep adds no comment reads', async () => {
		await prime();
		env.sim.clock.advance(60_000);
		const first = (await env.run(reconcile, [{}])).synced[0].commentRotation as Rotation;
		env.mark();
		const r = await env.run({ ...reconcile, commentPairsPerRun: LINKED }, [{}]);
		// A whole round from where the previous run stopped: past the last pair, round again to the same place.
		expect(r.synced[0].commentRotation).toEqual({ checked: LINKED, of: LINKED, position: first.position, wrapped: true });
		expect(env.projectsRequests().filter((x) => x.includes('/comments'))).toHaveLength(LINKED);
		env.mark();
		const sweep = await env.run({ ...reconcile, fullSweepEvery: 1 }, [{}]);
		expect(sweep.synced[0]).toMatchObject({ fullSweep: true, commentRotation: { checked: PER_RUN, of: LINKED } });
		expect(env.projectsRequests().filter((x) => x.includes('/comments'))).toHaveLength(PER_RUN);
		// Off: no listing of the linked tasks, no comment reads, nothing reported.
		env.mark();
		const off = await env.run({ ...reconcile, commentPairsPerRun: 0 }, [{}]);
		expect(off.synced[0].commentRotation).toBeNull();
		expect(env.projectsRequests().filter((x) => x.includes('/comments'))).toEqual([]);
	});

	it('Reconcile and Sync Comment mirroring the same note at once leave exactly one mirror', async () => {
		await prime();
		const note = env.sim.crm.addNoteAsUser('Tasks', TASKS.design.crmId, 'healed and synced at once', USERS.ichiro.crmId);
		env.sim.clock.advance(1_000);
		// Both have listed the comments before either write lands.
		env.sim.faults.add({ product: 'projects', method: 'POST', path: '/comments$', latencyMs: 400, times: 2 });
		env.mark();
		const [healed, synced] = await Promise.all([env.run(reconcile, [{}]), env.run({ operation: 'syncComment', source: 'crm' }, [{ id: note.id }])]);
		expect([...healed.errors, ...synced.errors]).toEqual([]);
		expect(tagged(comments(), `[zts:crm:${String(note.id)}]`)).toHaveLength(1);
		expect(env.projectsRequests().filter((x) => x.startsWith('POST'))).toHaveLength(2);
		expect(Number((healed.synced[0].counts as { commentsMirrored: number }).commentsMirrored) + synced.synced.length).toBe(1);
		expect(synced.synced.length + synced.skipped.length).toBe(1);
	});
});
