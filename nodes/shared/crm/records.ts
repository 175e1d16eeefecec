/**
 * Record-level CRM calls the nodes share: read one record by id (with a clear "not found"), and
 * write many records in one call with one result or error per record.
 */
import type { IAllExecuteFunctions, IDataObject, IHttpRequestMethods, JsonObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { bodyOf, crmRequest, settleRecords } from './transport';
import type { CrmListBody, CrmModule, CrmResultItem } from './types';

export const MAX_RECORDS_PER_WRITE = 100;

const LABELS: Record<CrmModule, string> = { Tasks: 'task', Notes: 'note', Accounts: 'account', Deals: 'deal', Contacts: 'contact' };
export const recordLabel = (module: CrmModule): string => LABELS[module];

function notFound(this: IAllExecuteFunctions, module: CrmModule, id: string, body: unknown): NodeApiError {
	return new NodeApiError(this.getNode(), (body ?? {}) as JsonObject, {
		message: `No ${LABELS[module]} with ID ${JSON.stringify(id)} exists in Zoho CRM`,
		description: 'It may have been deleted, or the ID belongs to another module or org.',
		httpCode: '404',
	});
}

/** One record by id. Zoho answers an unknown id with 204, or 400 INVALID_DATA; both are "not found". */
export async function getRecord(this: IAllExecuteFunctions, module: CrmModule, id: string, qs: IDataObject = {}): Promise<IDataObject> {
	let response;
	try {
		response = await crmRequest.call(this, { method: 'GET', path: `/${module}/${id}`, qs, what: `read the ${LABELS[module]} ${id}` });
	} catch (error) {
		const api = error as NodeApiError;
		if (api instanceof NodeApiError && (api.httpCode === '404' || /INVALID_DATA|the id given seems to be invalid/.test(api.message))) {
			throw notFound.call(this, module, id, api.context?.data);
		}
		throw new NodeApiError(this.getNode(), error as JsonObject);
	}
	const record = bodyOf<CrmListBody>(response)?.data?.[0];
	if (!record) throw notFound.call(this, module, id, response.body);
	return record;
}

export interface WriteCall {
	method: IHttpRequestMethods;
	/** Path below `/crm/v8`: `/Tasks`, `/Tasks/upsert`, `/Notes`. */
	path: string;
	records: IDataObject[];
	/** Other body keys (`trigger`, `duplicate_check_fields`). */
	extra?: IDataObject;
	what: string;
	module: CrmModule;
	/** Upserts may be repeated safely; plain creates may not. */
	retryServerErrors?: boolean;
}

/** Write up to 100 records in one call; one success item or one error per record, in order. */
export async function writeRecords(this: IAllExecuteFunctions, call: WriteCall): Promise<Array<CrmResultItem | NodeApiError>> {
	const response = await crmRequest.call(this, {
		method: call.method,
		path: call.path,
		body: { data: call.records, ...call.extra },
		what: call.what,
		recordsKey: 'data',
		retryServerErrors: call.retryServerErrors,
	});
	return settleRecords.call(this, response, call.records, LABELS[call.module]);
}

/** Delete up to 100 records by id in one call; one result or error per id. */
export async function deleteRecords(
	this: IAllExecuteFunctions,
	module: CrmModule,
	ids: string[],
	qs: IDataObject = {},
): Promise<Array<CrmResultItem | NodeApiError>> {
	const response = await crmRequest.call(this, {
		method: 'DELETE',
		path: `/${module}`,
		qs: { ...qs, ids: ids.join(',') },
		what: `delete ${LABELS[module]}s`,
		recordsKey: 'data',
	});
	return settleRecords.call(this, response, ids.map((id) => ({ id })), LABELS[module]);
}

/** A success item as node output: the record id first, then what Zoho reported. */
export function resultJson(item: CrmResultItem): IDataObject {
	const out: IDataObject = { id: item.details?.id, ...item.details };
	if (item.action) out.action = item.action;
	if (item.duplicate_field) out.duplicate_field = item.duplicate_field;
	return out;
}
