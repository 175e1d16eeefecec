/**
 * Issue 11: Reconcile at its floor. A run after one that wrote pairs lists, and reads nothing else:
 * the sync's own writes hold what was last synced, which the listings show; a pair changed on the
 * Projects side is decided on the task as the listing returned it.
 */
import { PORTAL_ID, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import { pairKit, syncEnv, type SyncEnv } from './helpers';

const reconcile = { operation: 'reconcile', portalId: PORTAL_ID, commentPairsPerRun: 0 };
/** The run's Projects calls beyond its listings (the projects, each one's tasks) and its field check. */
const listingsOnly = (requests: string[]) => requests.filter((r) => !/^GET \/(projects(\/\d+\/tasks)?|settings\/fields)$/.test(r));

describe('Zoho Task Sync: Reconcile at its floor', () => {
	let env: SyncEnv;
	const kit = pairKit(() => env, 60_000);
	beforeEach(async () => {
		env = await syncEnv();
		await kit.prime(TASKS.design, TASKS.plan);
		// The node's first run sets its cursor.
		expect((await env.run(reconcile, [{}])).errors).toEqual([]);
	});
	afterEach(async () => await env.sim.stop());

	const run = async () => {
		env.sim.clock.advance(60_000);
		env.mark();
		const r = await env.run(reconcile, [{}]);
		expect(r.errors).toEqual([]);
		return r;
	};
	const crmReads = () => env.sim.log.entries.filter((e) => e.product === 'crm' && /^\/crm\/v8\/Tasks\/\d+$/.test(e.path)).length;

	it('the run after the sync wrote both sides of two pairs: listings only, no task read on either side', async () => {
		kit.editCrm(TASKS.design, { Subject: 'Renamed in CRM' });
		kit.editProjects(TASKS.plan, { name: '移行計画 (改訂)' });
		const first = await run();
		expect(first.synced[0]).toMatchObject({ counts: { synced: 2 } });

		// Those writes are in both listings now, holding what was last synced.
		const readsBefore = crmReads();
		const second = await run();
		expect(second.synced[0]).toMatchObject({ counts: { pairs: 0, synced: 0 } });
		expect(listingsOnly(env.projectsRequests())).toEqual([]);
		expect(crmReads()).toBe(readsBefore);
	});

	it('a Projects change is decided on the listed task: no read of it before the CRM write', async () => {
		kit.editProjects(TASKS.plan, { name: '移行計画 (改訂)' });
		const r = await run();
		expect(r.synced[0]).toMatchObject({ counts: { synced: 1 } });
		expect(listingsOnly(env.projectsRequests())).toEqual([]);
		expect(kit.crm(TASKS.plan.crmId).Subject).toBe('移行計画 (改訂)');
	});

	it('a CRM change still reads its Projects task once (the look before the write), then writes it', async () => {
		kit.editCrm(TASKS.design, { Subject: 'Renamed in CRM' });
		await run();
		const task = `/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}`;
		expect(listingsOnly(env.projectsRequests())).toEqual([`GET ${task}`, `PATCH ${task}`]);
	});
});
