/**
 * The Task Sync item loop: every operation answers per input item with items for the Synced,
 * Skipped and Rejected outputs; a failure becomes an item of n8n's error output (continueOnFail)
 * so the other items go on.
 */
import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { asNodeError } from '../shared/errors';
import { budgetWaitHint } from '../shared/projects';
import { errorItem } from '../shared/router';
import { readSettings, type SyncSettings } from './settings';

/** `failed`: part of an item's work failed (a reconcile pair); it goes to n8n's error output. */
export type Outlet = 'synced' | 'skipped' | 'rejected' | 'failed';

export interface SyncItem {
	outlet: Outlet;
	json: IDataObject;
}

export type SyncOperation = (this: IExecuteFunctions, itemIndex: number, settings: SyncSettings) => Promise<SyncItem[]>;

const OUTLETS: Outlet[] = ['synced', 'skipped', 'rejected'];

export async function routeSync(this: IExecuteFunctions, operations: Record<string, SyncOperation>): Promise<INodeExecutionData[][]> {
	const outputs: INodeExecutionData[][] = [[], [], []];
	const items = this.getInputData();
	let budget: number | undefined;
	for (let i = 0; i < items.length; i++) {
		try {
			const operation = this.getNodeParameter('operation', i) as string;
			const run = operations[operation];
			if (!run) throw new NodeOperationError(this.getNode(), `The operation "${operation}" is not supported`, { itemIndex: i });
			const settings = await readSettings.call(this, i);
			budget = settings.budget;
			for (const result of await run.call(this, i, settings)) {
				if (result.outlet === 'failed') {
					// Shaped like errorItem, so n8n (1.x and 2.x) routes it to the error output.
					outputs[0].push({ json: { error: String(result.json.error), message: String(result.json.message ?? '') }, pairedItem: { item: i } });
					continue;
				}
				outputs[OUTLETS.indexOf(result.outlet)].push({ json: result.json, pairedItem: { item: i } });
			}
		} catch (error) {
			if (this.continueOnFail()) {
				// n8n moves error items of the first output to the error output.
				outputs[0].push(errorItem(error as Error, i));
				continue;
			}
			throw asNodeError(this.getNode(), error, i);
		}
	}
	const hint = budgetWaitHint(this, budget);
	if (hint) this.addExecutionHints({ message: hint, location: 'outputPane' });
	return outputs;
}
