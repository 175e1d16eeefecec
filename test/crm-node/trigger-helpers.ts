/**
 * Trigger workflows (Zoho CRM Tasks Trigger → a pass-through node) and two clocks that move
 * together: the simulator's (Zoho's) and the host's (n8n's `Date`), as they do in production.
 * Only `Date` is faked; timers, sockets and retries stay real.
 */
import { HookContext } from 'n8n-core';
import type { INode, INodeParameters, IWebhookData } from 'n8n-workflow';

import type { Harness, WorkflowSpec } from '../harness/engine';
import { CREDENTIAL_REF } from '../harness/sim';
import type { ZohoSim } from '../zoho-sim/server';
import { TRIGGER_TYPE } from './helpers';

export const WEBHOOK_ID = '5f0c3a1e-7d2b-4c4e-9a61-crmtasks0001';

export function triggerWorkflow(parameters: INodeParameters, webhookId = WEBHOOK_ID): WorkflowSpec {
	return {
		nodes: [
			{ id: 't', name: 'Trigger', type: TRIGGER_TYPE, typeVersion: 1, position: [0, 0], parameters, credentials: CREDENTIAL_REF, webhookId },
			{ id: 'a', name: 'After', type: 'test.start', typeVersion: 1, position: [200, 0], parameters: {} },
		] as INode[],
		connections: { Trigger: { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
	};
}

const REAL_TIMERS = [
	'hrtime',
	'nextTick',
	'performance',
	'queueMicrotask',
	'requestAnimationFrame',
	'cancelAnimationFrame',
	'requestIdleCallback',
	'cancelIdleCallback',
	'setImmediate',
	'clearImmediate',
	'setInterval',
	'clearInterval',
	'setTimeout',
	'clearTimeout',
] as const;

/** Start both clocks at the simulator's time; `advance` moves both. */
export function sharedClock(sim: ZohoSim) {
	jest.useFakeTimers({ doNotFake: [...REAL_TIMERS], now: sim.clock.now() });
	return {
		advance(ms: number) {
			sim.clock.advance(ms);
			jest.setSystemTime(sim.clock.now());
		},
		stop() {
			jest.useRealTimers();
		},
	};
}

export const HOUR = 3600_000;
export const DAY = 24 * HOUR;

/**
 * A webhook lifecycle call as n8n makes it for "Listen for Test Event": mode 'manual' and the test
 * URL (the harness's own `hook` always acts as an activation).
 */
export async function testListen(harness: Harness, spec: WorkflowSpec, nodeName: string, method: 'checkExists' | 'create' | 'delete'): Promise<boolean> {
	const workflow = harness.workflow(spec);
	const node = workflow.getNode(nodeName)!;
	const type = harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
	const description = type.description.webhooks![0];
	const webhookData = {
		httpMethod: description.httpMethod,
		node: node.name,
		path: `${node.webhookId}/webhook`,
		webhookDescription: description,
		workflowId: workflow.id,
		isTest: true,
	} as unknown as IWebhookData;
	const context = new HookContext(workflow, node, harness.additionalData(), 'manual', 'manual', webhookData);
	return await type.webhookMethods!.default![method]!.call(context);
}
