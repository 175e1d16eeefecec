import '../../test/setup-env';
import { runSeed } from './driver';
(async () => {
	const run = await runSeed({ seed: 2, pairs: 15, steps: 6, faults: true });
	const pair = run.world.pairs[14];
	for (const e of run.world.sim.crm.timeline.of('Tasks', pair.crmId)) console.log('TL', new Date(e.time).toISOString(), e.userId, JSON.stringify((e.fields ?? []).map((f) => [f.def.api_name, f.old, f.new])).slice(0, 300));
	for (const a of run.world.sim.projects.taskActivities(pair.zpId)) console.log('ACT', JSON.stringify(a).slice(0, 400));
})();
