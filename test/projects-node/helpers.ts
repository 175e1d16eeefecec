/** Shared set-up for the Zoho Projects node tests: simulator, engine harness, workflows, clock. */
import { LoadOptionsContext } from 'n8n-core';
import type { IDataObject, INode, INodeExecutionData, INodeListSearchResult, INodePropertyOptions, ILoadOptionsFunctions } from 'n8n-workflow';

import { resetProjectsBudget, setProjectsClock } from '../../nodes/shared/projects';
import { Harness, type WorkflowSpec } from '../harness/engine';
import { CREDENTIAL_REF, simCredential, startSim } from '../harness/sim';
import type { ZohoSim } from '../zoho-sim/server';
import { PORTAL_ID } from '../zoho-sim/seed-data';

export const PROJECTS = 'n8n-nodes-zoho-task-sync.zohoProjects';
/** The Zoho Projects Trigger: Polling mode (default) and Webhook mode. */
export const TRIGGER = 'n8n-nodes-zoho-task-sync.zohoProjectsTrigger';

export const rl = (value: string, mode: 'id' | 'url' | 'list' = 'id') => ({ __rl: true, mode, value });
export const portal = rl(PORTAL_ID);

/**
 * Start a seeded simulator and run the Projects transport on its clock: the pacer's waits and the
 * retry backoff advance the simulator's time instead of the test's.
 */
export async function startProjectsSim(options: Parameters<typeof startSim>[0] = {}): Promise<ZohoSim> {
	const sim = await startSim({ now: '2026-11-25T03:00:00Z', ...options });
	setProjectsClock({ now: () => sim.clock.now(), sleep: async (ms) => sim.clock.advance(ms) });
	return sim;
}

export async function stopProjectsSim(sim: ZohoSim): Promise<void> {
	setProjectsClock();
	await sim.stop();
}

/** A fresh harness (fresh token) with the simulator's throttle and the pacer's memory cleared. */
export function freshHarness(sim: ZohoSim): Harness {
	resetProjectsBudget();
	sim.projects.throttle.clear();
	sim.log.clear();
	return new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
}

/** Start → Zoho Projects with the given parameters (portal and budget defaulted). */
export function projectsWorkflow(parameters: IDataObject, node: Partial<INode> = {}): WorkflowSpec {
	return {
		nodes: [
			{ id: 's', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
			{
				id: 'p',
				name: 'Zoho Projects',
				type: PROJECTS,
				typeVersion: 1,
				position: [200, 0],
				parameters: { portalId: portal, ...parameters },
				credentials: CREDENTIAL_REF,
				...node,
			} as INode,
		],
		connections: { Start: { main: [[{ node: 'Zoho Projects', type: 'main', index: 0 }]] } },
	};
}

/** Run one Zoho Projects node over `input` items; its success and error outputs. */
export async function runProjects(harness: Harness, parameters: IDataObject, input: IDataObject[] = [{}], node: Partial<INode> = {}, timezone?: string) {
	const spec = { ...projectsWorkflow(parameters, node), ...(timezone ? { settings: { timezone } } : {}) };
	const result = await harness.run(spec, input.map((json) => ({ json })));
	const out = (index = 0): INodeExecutionData[] => (result.error ? [] : result.output('Zoho Projects', index));
	return { result, items: out(0), errors: node.onError === 'continueErrorOutput' ? out(1) : [], json: out(0).map((i) => i.json) };
}

/** Call a `methods.loadOptions` or `methods.listSearch` function of a node as the editor would. */
export async function callMethod(
	harness: Harness,
	type: string,
	parameters: IDataObject,
	kind: 'loadOptions' | 'listSearch',
	method: string,
	filter?: string,
): Promise<INodePropertyOptions[] | INodeListSearchResult> {
	const spec = projectsWorkflow(parameters, { type });
	const workflow = harness.workflow(spec);
	const node = workflow.getNode('Zoho Projects')!;
	const additional = harness.additionalData(undefined, { currentNodeParameters: node.parameters } as never);
	const context = new LoadOptionsContext(workflow, node, additional, 'parameters') as unknown as ILoadOptionsFunctions;
	const nodeType = harness.nodeTypes.getByNameAndVersion(type, 1);
	const fn = (nodeType.methods?.[kind] as Record<string, (this: ILoadOptionsFunctions, filter?: string) => Promise<unknown>>)[method];
	return (await fn.call(context, filter)) as INodePropertyOptions[] | INodeListSearchResult;
}

/** The simulator's stored record of a task (including trashed ones). */
export function storedTask(sim: ZohoSim, id: string) {
	return sim.projects.store.tasks.get(id);
}
