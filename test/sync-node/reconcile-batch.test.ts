/**
 * Issue 11, Reconcile at its floor: the pairs of a run read their CRM tasks and write them (patch and
 * new sync state) 100 per call, not one call each; a record CRM refuses fails its pair alone, which is
 * reported on every run at the same cost; a refusal is still reported once; the next run only lists.
 */
import { setProjectsClock } from '../../nodes/shared/projects';
import { stopProjectsSim } from '../projects-node/helpers';
import { FIELDS, PORTAL_ID, PROJECTS, TASKS, USERS, taskLinkValue } from '../zoho-sim/seed-data';
import { FROM_CRM, pairKit, syncEnv, type SyncEnv } from './helpers';

const reconcile = { operation: 'reconcile', portalId: PORTAL_ID, commentPairsPerRun: 0 };
const PROJECT = PROJECTS.website.id;

/** The run's calls that are not the field checks or listings a run with nothing changed makes. */
const LISTINGS = /^(\/crm\/v8\/(settings\/fields|Tasks|Notes|Tasks\/deleted)|\/api\/v3\/portal\/\d+\/(settings\/fields|projects(\/\d+\/tasks)?))$/;

describe('Zoho Task Sync: Reconcile reads and writes CRM tasks in batches', () => {
	let env: SyncEnv;
	afterEach(async () => await stopProjectsSim(env.sim));

	/** `count` linked pairs made in each UI, their base stored by Sync Task, then the node's first Reconcile run (it sets the cursor). */
	async function pairs(count: number, options: Parameters<typeof syncEnv>[0] = {}): Promise<{ crmId: string; zpId: string }[]> {
		env = await syncEnv(options);
		// The pacer on the simulator's clock: a batch's hold time (10 s) passes only as the simulated run does.
		setProjectsClock({ now: () => env.sim.clock.now(), sleep: async (ms) => env.sim.clock.advance(ms) });
		const made = Array.from({ length: count }, (_, i) => {
			// Every key a decision reads, so the task as listed serves it (a Projects task lists no empty field).
			const task = env.sim.projects.createTask(PROJECT, {
				name: `Batch task ${i}`,
				description: `<div>Batch task ${i}</div>`,
				end_date: '2026-12-20',
				priority: 'medium',
				owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] },
			});
			const zpId = String(task.id);
			const record = env.sim.crm.createAsUser('Tasks', {
				Subject: `Batch task ${i}`,
				Description: `Batch task ${i}`,
				Due_Date: '2026-12-20',
				Owner: { id: USERS.emily.crmId },
				[FIELDS.taskLink]: taskLinkValue(PROJECT, zpId),
			});
			env.sim.projects.editTask(zpId, { [FIELDS.projectsCrmTaskId]: String(record.id) });
			return { crmId: String(record.id), zpId };
		});
		const primed = await env.run(FROM_CRM, made.map((p) => ({ id: p.crmId })));
		expect(primed.errors).toEqual([]);
		env.sim.clock.advance(60_000);
		expect((await env.run(reconcile, [{}])).errors).toEqual([]);
		env.sim.clock.advance(60_000);
		return made;
	}

	let from = 0;
	const run = async () => {
		env.sim.clock.advance(60_000);
		env.mark();
		from = env.sim.log.entries.length;
		return await env.run(reconcile, [{}]);
	};
	/** The requests of the run since `env.mark()`, to Zoho CRM and Projects. */
	const requests = () => env.sim.log.entries.slice(from).filter((e) => e.product === 'crm' || e.product === 'projects');

	it('120 pairs changed in Projects: their CRM tasks are read in 2 calls and written in 2; the next run only lists', async () => {
		const made = await pairs(120);
		made.forEach((p, i) => env.sim.projects.editTask(p.zpId, { name: `Renamed in Projects ${i}` }, 'emily'));
		const r = await run();
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ counts: { pairs: 120, synced: 120, failed: 0 } });
		const crm = requests().filter((e) => e.product === 'crm');
		expect(crm.filter((e) => e.method === 'PUT').map((e) => e.path)).toEqual(['/crm/v8/Tasks', '/crm/v8/Tasks']);
		expect(crm.filter((e) => /^\/crm\/v8\/Tasks\/\d+$/.test(e.path))).toEqual([]);
		expect(crm.filter((e) => e.path === '/crm/v8/Tasks' && /(^|&)ids=/.test(e.query))).toHaveLength(2);
		made.forEach((p, i) => expect(env.sim.crm.getRecord('Tasks', p.crmId)?.Subject).toBe(`Renamed in Projects ${i}`));

		const next = await run();
		expect(next.errors).toEqual([]);
		expect(next.synced[0]).toMatchObject({ counts: { pairs: 0 } });
		expect(requests().filter((e) => !(e.method === 'GET' && LISTINGS.test(e.path)))).toEqual([]);
	});

	it('a record CRM refuses fails its pair alone: the others are written in the same call; it is reported on every run, each run costing the same', async () => {
		// Projects takes longer names than CRM's Subject (255): that one record is refused by CRM.
		const made = await pairs(30, { projects: { nameMaxLength: 400 } });
		const [bad, ...others] = made;
		env.sim.projects.editTask(bad.zpId, { name: 'x'.repeat(300) }, 'emily');
		others.slice(0, 20).forEach((p, i) => env.sim.projects.editTask(p.zpId, { name: `Renamed ${i}` }, 'emily'));
		const first = await run();
		expect(first.synced[0]).toMatchObject({ counts: { synced: 20, failed: 1 }, retry: [{ crmTaskId: bad.crmId, attempts: 1 }] });
		expect(String(first.errors[0]?.message)).toContain(`CRM task ${bad.crmId}`);
		expect(env.calls('crm', true)).toBe(1);
		others.slice(0, 20).forEach((p, i) => expect(env.sim.crm.getRecord('Tasks', p.crmId)?.Subject).toBe(`Renamed ${i}`));

		const costs: number[] = [];
		for (let round = 0; round < 3; round++) {
			// Each run: two other pairs changed in Projects, one in CRM.
			const batch = others.slice(20 + round * 3, 23 + round * 3);
			env.sim.projects.editTask(batch[0].zpId, { name: `Round ${round} a` }, 'emily');
			env.sim.projects.editTask(batch[1].zpId, { name: `Round ${round} b` }, 'emily');
			env.sim.crm.editAsUser('Tasks', batch[2].crmId, { Subject: `Round ${round} c` }, USERS.ichiro.crmId);
			const r = await run();
			expect(r.synced[0]).toMatchObject({ counts: { synced: 3, failed: 1, retried: 1 }, retry: [{ crmTaskId: bad.crmId, attempts: round + 2 }] });
			expect(String(r.errors[0]?.message)).toContain(`CRM task ${bad.crmId}`);
			// The failing pair and the three changed ones: one CRM write call for all four records, after the Projects write.
			expect(env.calls('crm', true)).toBe(1);
			const order = requests().filter((e) => e.method !== 'GET').map((e) => `${e.product} ${e.method}`);
			expect(order.slice(-2)).toEqual(['projects PATCH', 'crm PUT']);
			costs.push(env.calls('crm') + env.calls('projects'));
		}
		expect(new Set(costs).size).toBe(1);
		expect(env.sim.projects.task(bad.zpId)?.name).toBe('x'.repeat(300));
	});

	it('a refusal among batched pairs is reported once, to its author, and its pair keeps the CRM value', async () => {
		env = await syncEnv();
		setProjectsClock({ now: () => env.sim.clock.now(), sleep: async (ms) => env.sim.clock.advance(ms) });
		const kit = pairKit(() => env, 60_000);
		await kit.prime(TASKS.plan, TASKS.design);
		expect((await env.run(reconcile, [{}])).errors).toEqual([]);
		// The strict project ends 2026-12-25: this due date is refused; the other pair's edit goes through.
		kit.editCrm(TASKS.plan, { Due_Date: '2027-01-15' });
		kit.editProjects(TASKS.design, { name: 'Design mock-ups (final)' });
		const r = await run();
		expect(r.errors).toEqual([]);
		expect(r.rejected).toEqual([expect.objectContaining({ rule: 'STRICT_PROJECT_DATE', crmTaskId: TASKS.plan.crmId, recipient: USERS.ichiro.email })]);
		expect(kit.crm(TASKS.design.crmId).Subject).toBe('Design mock-ups (final)');
		// Both pairs' CRM records (the refused one's new state and claim, the other's patch) in one call.
		expect(env.calls('crm', true)).toBe(1);
		expect(String(kit.projects(TASKS.plan.zpId).end_date)).toMatch(/^2026-12-10/);

		const again = await run();
		expect(again.rejected).toEqual([]);
		expect(again.errors).toEqual([]);
	});

	it('a batch call that fails (the connection drops) fails its pairs, Projects already written; the next run writes only the sync state', async () => {
		const made = await pairs(6);
		made.slice(0, 3).forEach((p, i) => env.sim.crm.editAsUser('Tasks', p.crmId, { Subject: `CRM edit ${i}` }, USERS.ichiro.crmId));
		made.slice(3).forEach((p, i) => env.sim.projects.editTask(p.zpId, { name: `Projects edit ${i}` }, 'emily'));
		env.sim.faults.add({ product: 'crm', method: 'PUT', path: '/Tasks$', reset: true });
		const failed = await run();
		expect(failed.synced[0]).toMatchObject({ counts: { pairs: 6, synced: 0, failed: 6 } });
		expect(String(failed.errors[0]?.error)).toBe('Reconcile: 6 of 6 linked pairs failed');
		made.slice(0, 3).forEach((p, i) => expect(env.sim.projects.task(p.zpId)?.name).toBe(`CRM edit ${i}`));

		const repaired = await run();
		expect(repaired.errors).toEqual([]);
		expect(repaired.synced[0]).toMatchObject({ counts: { failed: 0 }, retry: [] });
		made.slice(3).forEach((p, i) => expect(env.sim.crm.getRecord('Tasks', p.crmId)?.Subject).toBe(`Projects edit ${i}`));
		// Nothing written to Projects again; one CRM call for the six records.
		expect(requests().filter((e) => e.method !== 'GET').map((e) => `${e.product} ${e.method}`)).toEqual(['crm PUT']);
		const quiet = await run();
		expect(quiet.synced[0]).toMatchObject({ counts: { pairs: 0 } });
	});

	it('a CRM write carrying field values is not held past 10 s while later pairs wait for the Projects budget', async () => {
		const made = await pairs(6);
		const [first, ...rest] = made;
		rest.forEach((p, i) => env.sim.crm.editAsUser('Tasks', p.crmId, { Subject: `CRM edit ${i}` }, USERS.ichiro.crmId));
		// Changed on both sides, newest in CRM (walked first): its CRM record carries the Projects description.
		env.sim.projects.editTask(first.zpId, { description: '<div>Projects edit</div>' }, 'emily');
		env.sim.clock.advance(1000);
		env.sim.crm.editAsUser('Tasks', first.crmId, { Subject: 'CRM edit first' }, USERS.ichiro.crmId);
		// 10 Projects calls per 2 minutes: the listings and three pairs fill the window, the fourth waits for it.
		env.sim.clock.advance(60_000);
		from = env.sim.log.entries.length;
		const r = await env.run({ ...reconcile, settings: { projectsBudget: 10 } }, [{}]);
		expect(r.errors).toEqual([]);
		expect(r.synced[0]).toMatchObject({ counts: { synced: 6, failed: 0 } });
		expect(env.sim.crm.getRecord('Tasks', first.crmId)?.Description).toBe('Projects edit');
		// Sent once the wait made it older than 10 s, before the last pairs' Projects writes; the rest at the end.
		const writes = requests().filter((e) => e.method !== 'GET').map((e) => `${e.product} ${e.method}`);
		expect(writes.filter((w) => w === 'crm PUT')).toHaveLength(2);
		expect(writes.indexOf('crm PUT')).toBeLessThan(writes.lastIndexOf('projects PATCH'));
	});
});
