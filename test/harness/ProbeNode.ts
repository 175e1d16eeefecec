import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { zohoRequest, type ZohoProduct } from '../../nodes/shared/zohoRequest';

/** Test-only node: one GET through the shared Zoho request function per item. */
export class ZohoProbe implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Probe',
		name: 'zohoProbe',
		group: ['transform'],
		version: 1,
		description: 'Calls Zoho through the shared request function',
		defaults: { name: 'Probe' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zohoTaskSyncOAuth2Api', required: true }],
		properties: [
			{ displayName: 'Product', name: 'product', type: 'string', default: 'crm' },
			{ displayName: 'Path', name: 'path', type: 'string', default: '' },
		],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const out: INodeExecutionData[] = [];
		for (let i = 0; i < this.getInputData().length; i++) {
			const product = this.getNodeParameter('product', i) as ZohoProduct;
			const path = this.getNodeParameter('path', i) as string;
			const response = await zohoRequest.call(this, product, { method: 'GET', path });
			out.push({ json: { statusCode: response.statusCode, body: response.body as IDataObject }, pairedItem: { item: i } });
		}
		return [out];
	}
}
