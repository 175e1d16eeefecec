import '../../test/setup-env';
import { runSeed } from './driver';
(async () => {
	const run = await runSeed({ seed: 1, pairs: 15, steps: 6, faults: true });
	const pair = run.world.pairs[0];
	const notes = run.world.sim.crm.store.all('Notes').filter((n) => (n.Parent_Id as { id: string }).id === pair.crmId);
	for (const n of notes) console.log('NOTE', n.id, n.Created_Time, JSON.stringify(n.Note_Content));
	for (const c of run.journal.comments.filter((c) => c.pair === 0)) console.log('USER', c.side, c.id, c.time);
	const log = run.world.sim.log.entries.filter((e) => e.path.includes('Notes') && e.method !== 'GET');
	for (const e of log) console.log('LOG', e.time, e.method, e.path, e.status);
	for (const e of run.executions.list.filter((x) => x.kind === 'projectsComments' || x.kind === 'reconcile')) {
		if (e.errors.length || e.synced.some((s) => JSON.stringify(s).includes('Note'))) console.log('EXEC', e.kind, e.phase, e.time, JSON.stringify(e.errors).slice(0, 300), JSON.stringify(e.synced).slice(0, 600));
	}
	console.log(run.faultsInjected.join(', '));
})();
