import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[];

/** One item made ready for a batched write: what to send, and what it may be batched with. */
export interface PreparedWrite {
	itemIndex: number;
	/** Items are only sent together when their keys are equal (same options, same endpoint). */
	key: string;
	payload: IDataObject;
}

/**
 * An operation that writes many items in few calls: `prepare` checks one item (throwing its own
 * error), `send` writes up to `size` prepared items in one request and answers one result or one
 * error per item, in order.
 */
export interface BatchWriter {
	size?: number;
	prepare(this: IExecuteFunctions, itemIndex: number): Promise<PreparedWrite>;
	send(this: IExecuteFunctions, batch: PreparedWrite[]): Promise<Array<OperationResult | Error>>;
}

/** One operation file: its UI properties and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
	/** When set, the router batches this operation's items through it instead of calling `execute`. */
	batch?: BatchWriter;
}

export type ResourceMap = Record<string, Record<string, OperationModule>>;

/**
 * The error item n8n's "continue" / error output carries: what failed (`error`) and what to do
 * (`message`). n8n 1.x moves an item to the error output only when its json is `{error}` or
 * `{error, message}` exactly (2.x also takes `details`), so no other key may be added.
 */
export function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { message: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/** The error to stop the node with: n8n's own error types keep their text; the item index is added. */
function failure(this: IExecuteFunctions, error: Error, itemIndex: number): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		error.context.itemIndex ??= itemIndex;
		return error;
	}
	return new NodeOperationError(this.getNode(), error, { itemIndex });
}

/** `execute` for a batched operation: one item through `prepare` and `send`. */
export async function executeOne(this: IExecuteFunctions, writer: BatchWriter, itemIndex: number): Promise<OperationResult> {
	const [result] = await writer.send.call(this, [await writer.prepare.call(this, itemIndex)]);
	if (result instanceof Error) throw failure.call(this, result, itemIndex);
	return result;
}

/**
 * The one item loop of an action node: resolves resource and operation per item, pairs every
 * output item with its input, and turns a failure into an error item under continueOnFail so the
 * other items go on. Operations with a `batch` writer are prepared item by item (a bad item fails
 * before anything is written) and then sent in groups of at most `size`; output keeps input order.
 */
export async function routeItems(this: IExecuteFunctions, resources: ResourceMap): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const results: Array<INodeExecutionData[] | Error> = new Array(items.length);
	const groups = new Map<BatchWriter, Map<string, PreparedWrite[]>>();
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const module = resources[resource]?.[operation];
			if (!module) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: i });
			}
			if (module.batch) {
				const prepared = await module.batch.prepare.call(this, i);
				const byKey = groups.get(module.batch) ?? new Map<string, PreparedWrite[]>();
				groups.set(module.batch, byKey);
				byKey.set(prepared.key, [...(byKey.get(prepared.key) ?? []), prepared]);
				continue;
			}
			results[i] = paired.call(this, await module.execute.call(this, i), i);
		} catch (error) {
			if (!this.continueOnFail()) throw failure.call(this, error as Error, i);
			results[i] = error as Error;
		}
	}
	for (const [writer, byKey] of groups) {
		const size = writer.size ?? 100;
		for (const prepared of byKey.values()) {
			for (let start = 0; start < prepared.length; start += size) {
				const chunk = prepared.slice(start, start + size);
				let answers: Array<OperationResult | Error>;
				try {
					answers = await writer.send.call(this, chunk);
				} catch (error) {
					answers = chunk.map(() => error as Error);
				}
				chunk.forEach((p, k) => {
					const answer = answers[k];
					results[p.itemIndex] = answer instanceof Error ? answer : paired.call(this, answer, p.itemIndex);
				});
			}
		}
	}
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < results.length; i++) {
		const result = results[i];
		if (!(result instanceof Error)) {
			out.push(...(result ?? []));
			continue;
		}
		if (!this.continueOnFail()) throw failure.call(this, result, i);
		out.push(errorItem(result, i));
	}
	return [out];
}

function paired(this: IExecuteFunctions, result: OperationResult, itemIndex: number): INodeExecutionData[] {
	return this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: itemIndex } });
}
