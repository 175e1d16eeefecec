/**
 * Workflows for the CRM node tests: Start → Zoho CRM Tasks (one node, parameters per test), run
 * through the engine harness against a seeded simulator.
 */
import type { IDataObject, INode, INodeExecutionData, INodeParameters } from 'n8n-workflow';

import { setCrmClock } from '../../nodes/shared/crm/clock';
import { Harness, type RunResult, type WorkflowSpec } from '../harness/engine';
import { CREDENTIAL_REF, simCredential, startSim } from '../harness/sim';
import type { ZohoSim } from '../zoho-sim/server';

export const CRM_TYPE = 'n8n-nodes-zoho-task-sync.zohoCrmTasks';
export const TRIGGER_TYPE = 'n8n-nodes-zoho-task-sync.zohoCrmTasksTrigger';

export interface NodeOptions {
	/** n8n's "On Error" node setting: 'continueErrorOutput' adds the error output. */
	onError?: INode['onError'];
	continueOnFail?: boolean;
	/** The workflow's time zone (Settings → Timezone). */
	timezone?: string;
}

export function crmWorkflow(parameters: INodeParameters, options: NodeOptions = {}): WorkflowSpec {
	return {
		nodes: [
			{ id: 's', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'c',
				name: 'CRM',
				type: CRM_TYPE,
				typeVersion: 1,
				position: [200, 0],
				parameters,
				credentials: CREDENTIAL_REF,
				...(options.onError ? { onError: options.onError } : {}),
				...(options.continueOnFail ? { continueOnFail: true } : {}),
			},
		] as INode[],
		connections: { Start: { main: [[{ node: 'CRM', type: 'main', index: 0 }]] } },
		...(options.timezone ? { settings: { timezone: options.timezone } } : {}),
	};
}

export const items = (...list: IDataObject[]): INodeExecutionData[] => list.map((json) => ({ json }));

/** A resource locator value by id, as the editor stores it. */
export const byId = (value: string) => ({ __rl: true, mode: 'id', value });
export const byUrl = (value: string) => ({ __rl: true, mode: 'url', value });

export interface CrmContext {
	sim: ZohoSim;
	harness: Harness;
	run(parameters: INodeParameters, input?: INodeExecutionData[], options?: NodeOptions): Promise<RunResult>;
}

/** A seeded simulator and a harness for a test file; call in `beforeAll`, stop in `afterAll`. */
export async function crmContext(): Promise<CrmContext> {
	const sim = await startSim();
	const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
	return {
		sim,
		harness,
		run: async (parameters, input = [{ json: {} }], options = {}) => await harness.run(crmWorkflow(parameters, options), input),
	};
}

/** The json of a run's output (default: main output 0). */
export const jsonOf = (result: RunResult, output = 0): IDataObject[] => result.output('CRM', output).map((i) => i.json);

/**
 * Every wait the CRM transport asks for in a test, in ms, spent on the simulator's clock (counted,
 * never timed). Each test starts with an empty request log, no faults and no waits.
 */
export function recordWaits(ctx: () => CrmContext): number[] {
	const waits: number[] = [];
	beforeEach(() => {
		ctx().sim.log.clear();
		ctx().sim.faults.clear();
		waits.length = 0;
		setCrmClock({
			now: () => ctx().sim.clock.now(),
			sleep: async (ms) => {
				waits.push(ms);
				ctx().sim.clock.advance(ms);
			},
		});
	});
	afterAll(() => setCrmClock());
	return waits;
}
