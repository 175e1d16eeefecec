/**
 * The batched task writes (create, update, upsert): items become records, up to 100 go out in one
 * call, and each item gets its own record's result or error back.
 */
import type { IDataObject, IExecuteFunctions, IHttpRequestMethods } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { resultJson, writeRecords } from '../../../shared/crm/records';
import type { OperationResult, PreparedWrite } from '../../../shared/router';

/** A batch key carrying the body keys every record of the batch shares. */
export const batchKey = (extra: IDataObject): string => JSON.stringify(extra);

export async function sendTasks(
	this: IExecuteFunctions,
	batch: PreparedWrite[],
	call: { method: IHttpRequestMethods; path: string; what: string; retryServerErrors?: boolean },
): Promise<Array<OperationResult | Error>> {
	const results = await writeRecords.call(this, {
		...call,
		module: 'Tasks',
		records: batch.map((p) => p.payload),
		extra: JSON.parse(batch[0].key) as IDataObject,
	});
	return results.map((result, k) => {
		if (result instanceof NodeApiError) {
			result.context.itemIndex = batch[k].itemIndex;
			return result;
		}
		return resultJson(result);
	});
}
