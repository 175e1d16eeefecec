import { NodeConnectionTypes } from 'n8n-workflow';
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import { resetProjectsBudget, setProjectsClock } from '../../nodes/shared/projects';
import { setClaimClock } from '../../nodes/ZohoTaskSync/claim';
import { Harness } from '../harness/engine';
import { CREDENTIAL_REF, simCredential, startSim } from '../harness/sim';
import { PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';

export const SYNC_TYPE = 'n8n-nodes-zoho-task-sync.zohoTaskSync';

export interface SyncRun {
	synced: IDataObject[];
	skipped: IDataObject[];
	rejected: IDataObject[];
	errors: IDataObject[];
	error?: Error;
	/** The execution hints the node left (n8n shows them above its output). */
	hints: string[];
}

export function syncWorkflow(parameters: IDataObject) {
	return {
		nodes: [
			{ id: '1', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
			{ id: '2', name: 'Sync', type: SYNC_TYPE, typeVersion: 1, position: [200, 0], parameters, credentials: CREDENTIAL_REF, onError: 'continueErrorOutput' },
		] as INode[],
		connections: { Start: { main: [[{ node: 'Sync', type: NodeConnectionTypes.Main, index: 0 }]] } },
	};
}

export interface SyncEnv {
	sim: ZohoSim;
	harness: Harness;
	run(parameters: IDataObject, items: Record<string, unknown>[]): Promise<SyncRun>;
	/** Projects / CRM requests logged since the last `mark()`. */
	mark(): void;
	calls(product: 'crm' | 'projects', writes?: boolean): number;
	/** Projects requests since the last `mark()`, as `METHOD path` with the `/api/v3/portal/{id}` prefix cut. */
	projectsRequests(): string[];
}

/** The refusal claim's wait, shortened: the simulator answers in-process within milliseconds. */
export const CLAIM_WAIT_MS = 150;
/** The shortened wait (tests that replace the clock put this one back). */
export const shortClaimClock = (): void =>
	setClaimClock({ now: () => Date.now(), sleep: async (ms) => await new Promise((resolve) => setTimeout(resolve, Math.min(ms, CLAIM_WAIT_MS))) });
shortClaimClock();

export async function syncEnv(options: Parameters<typeof startSim>[0] = {}): Promise<SyncEnv> {
	const sim = await startSim(options);
	// Each test has its own simulated portal: the pacer's window (module memory) starts empty too,
	// or a long test file would pace in real time once it passes the budget.
	resetProjectsBudget();
	// The simulator's time is the world's: how old a look at a Projects task is, and the pacer's waits, go by it.
	setProjectsClock({ now: () => sim.clock.now(), sleep: async (ms) => sim.clock.advance(ms) });
	const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
	let from = 0;
	return {
		sim,
		harness,
		async run(parameters, items) {
			const result = await harness.run(syncWorkflow(parameters), items.map((json) => ({ json }) as INodeExecutionData));
			const out = (i: number) => (result.error ? [] : result.output('Sync', i).map((x) => x.json));
			const hints = (result.run.data.resultData.runData.Sync?.[0]?.hints ?? []).map((h) => h.message);
			return { synced: out(0), skipped: out(1), rejected: out(2), errors: out(3), error: result.error, hints };
		},
		mark() {
			from = sim.log.entries.length;
		},
		calls(product, writes = false) {
			return sim.log.entries.slice(from).filter((e) => e.product === product && (!writes || e.method !== 'GET')).length;
		},
		projectsRequests() {
			return sim.log.entries
				.slice(from)
				.filter((e) => e.product === 'projects')
				.map((e) => `${e.method} ${e.path.replace(/^\/api\/v3(\.1)?\/portal\/\d+/, '')}`);
		},
	};
}

export const FROM_CRM = { operation: 'syncTask', source: 'crm' };
export const FROM_PROJECTS = { operation: 'syncTask', source: 'projects' };
export type SeedTask = (typeof TASKS)[keyof typeof TASKS];
/** A Sync Task item naming a seeded pair's Projects task. */
export const projectsItem = (t: SeedTask) => ({ portalId: PORTAL_ID, projectId: PROJECTS[t.project as keyof typeof PROJECTS].id, taskId: t.zpId });

/** A seeded pair's two tasks read straight from the simulator, edits made as people make them (each `stepMs` later), and the base stored. */
export function pairKit(env: () => SyncEnv, stepMs: number) {
	return {
		crm: (id: string) => env().sim.crm.getRecord('Tasks', id) as Record<string, unknown>,
		projects: (id: string) => env().sim.projects.task(id) as Record<string, unknown>,
		editCrm(t: SeedTask, changes: Record<string, unknown>, user: string = USERS.ichiro.crmId) {
			env().sim.clock.advance(stepMs);
			env().sim.crm.editAsUser('Tasks', t.crmId, changes, user);
		},
		editProjects(t: SeedTask, body: Record<string, unknown>, user = 'emily') {
			env().sim.clock.advance(stepMs);
			env().sim.projects.editTask(t.zpId, body, user);
		},
		/** Store the base of seeded pairs (their values agree in the seed). */
		async prime(...tasks: SeedTask[]) {
			const r = await env().run(FROM_CRM, tasks.map((t) => ({ id: t.crmId })));
			expect(r.errors).toEqual([]);
		},
	};
}
