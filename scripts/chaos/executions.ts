/**
 * Runs the template flows through the harness and records what each Sync node execution put on
 * its outputs (Synced, Skipped, Rejected, error), at which simulated time, in which phase.
 */
import type { IDataObject, INodeExecutionData, IPairedItemData } from 'n8n-workflow';

import type { Harness, RunResult } from '../../test/harness/engine';
import type { ZohoSim } from '../../test/zoho-sim/server';
import type { SyncFlow } from './workflows';
import type { ExecKind, Execution, Phase } from './types';

const pairedIndexes = (item: INodeExecutionData): number[] => {
	const paired = item.pairedItem;
	if (paired === undefined) return [];
	const list: (number | IPairedItemData)[] = Array.isArray(paired) ? paired : [paired];
	return list.map((p) => (typeof p === 'number' ? p : p.item));
};

export class Executions {
	readonly list: Execution[] = [];
	phase: Phase = 'chaos';
	/** Trigger polls that failed (n8n reports those as trigger errors; the cursor stays). */
	pollErrors: string[] = [];
	private seenWebhookRuns = 0;

	constructor(
		private harness: Harness,
		private sim: ZohoSim,
	) {}

	/** Read one finished run of `flow`. */
	record(kind: ExecKind, flow: SyncFlow, result: RunResult): Execution {
		const runData = result.run.data.resultData.runData;
		const inputs = runData[flow.start]?.[0]?.data?.main?.[0]?.length ?? 0;
		const outputs = runData[flow.sync]?.[0]?.data?.main ?? [];
		const out = (i: number) => (outputs[i] ?? []).map((x) => x.json);
		const answered = new Set<number>();
		let unpaired = 0;
		for (const items of outputs) {
			for (const item of items ?? []) {
				const indexes = pairedIndexes(item);
				if (!indexes.length) unpaired++;
				indexes.forEach((i) => answered.add(i));
			}
		}
		const failure = result.error?.message ?? (inputs > 0 && !runData[flow.sync] ? `the Sync node "${flow.sync}" did not run` : undefined);
		const execution: Execution = {
			kind,
			phase: this.phase,
			time: this.sim.clock.now(),
			inputs,
			synced: out(0),
			skipped: out(1),
			rejected: out(2),
			errors: out(3),
			unanswered: Math.max(0, inputs - answered.size - unpaired),
			failure,
		};
		this.list.push(execution);
		return execution;
	}

	/** Run `flow` from its start node with these items (a trigger's output, or one item for Start). */
	async run(kind: ExecKind, flow: SyncFlow, items: INodeExecutionData[]): Promise<Execution> {
		const mode = flow.start === 'Run now' ? 'manual' : 'trigger';
		const result = await this.harness.run(flow.spec, items, { startNode: flow.start, mode, workflowId: flow.workflowId });
		return this.record(kind, flow, result);
	}

	/** One poll of a polling trigger of `flow`; null when it emitted nothing or failed. */
	async poll(flow: SyncFlow): Promise<INodeExecutionData[] | null> {
		try {
			const out = await this.harness.poll(flow.spec, flow.start, 'trigger', flow.workflowId);
			return out?.[0]?.length ? out[0] : null;
		} catch (error) {
			this.pollErrors.push(`${flow.workflowId}: ${(error as Error).message}`);
			return null;
		}
	}

	/** Record the executions the webhook receiver started since the last call. */
	collectWebhookRuns(flow: SyncFlow): void {
		const runs = this.harness.webhookRuns;
		for (; this.seenWebhookRuns < runs.length; this.seenWebhookRuns++) this.record('crmEvent', flow, runs[this.seenWebhookRuns]);
	}

	rejected(): { item: IDataObject; execution: Execution }[] {
		return this.list.flatMap((execution) => execution.rejected.map((item) => ({ item, execution })));
	}
}
