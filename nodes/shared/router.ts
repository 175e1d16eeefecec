import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

export type OperationResult = IDataObject | IDataObject[];

/** One operation file: its UI properties and what it does for one input item. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, itemIndex: number): Promise<OperationResult>;
}

export type ResourceMap = Record<string, Record<string, OperationModule>>;

/** The error item n8n's "continue" / error output carries: what failed and what to do. */
export function errorItem(error: Error & { description?: string | null }, itemIndex: number): INodeExecutionData {
	return {
		json: { error: error.message, ...(error.description ? { description: error.description } : {}) },
		pairedItem: { item: itemIndex },
	};
}

/**
 * The one item loop of an action node: resolves resource and operation per item, pairs every
 * output item with its input, and turns a failure into an error item under continueOnFail so the
 * other items go on.
 */
export async function routeItems(this: IExecuteFunctions, resources: ResourceMap): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const out: INodeExecutionData[] = [];
	for (let i = 0; i < items.length; i++) {
		try {
			const resource = this.getNodeParameter('resource', i) as string;
			const operation = this.getNodeParameter('operation', i) as string;
			const module = resources[resource]?.[operation];
			if (!module) {
				throw new NodeOperationError(this.getNode(), `The operation "${operation}" of "${resource}" is not supported`, { itemIndex: i });
			}
			const result = await module.execute.call(this, i);
			out.push(...this.helpers.constructExecutionMetaData(this.helpers.returnJsonArray(result), { itemData: { item: i } }));
		} catch (error) {
			if (this.continueOnFail()) {
				out.push(errorItem(error as Error, i));
				continue;
			}
			if (error instanceof NodeApiError || error instanceof NodeOperationError) {
				error.context.itemIndex ??= i;
				throw error;
			}
			throw new NodeOperationError(this.getNode(), error as Error, { itemIndex: i });
		}
	}
	return [out];
}
