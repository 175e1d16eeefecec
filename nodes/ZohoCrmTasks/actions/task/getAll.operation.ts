import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldsParam } from '../../../shared/crm/fields';
import { crmList } from '../../../shared/crm/paging';
import { allOf, criterion, parseZohoTime, toZohoDateTime } from '../../../shared/crm/values';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { checkedId, nestedLocatorId, readLimit, returnAllOrLimit, userLocator } from '../common';
import { fieldsOption, sortOptions } from './read';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Criteria',
				name: 'criteria',
				type: 'string',
				default: '',
				placeholder: '(Subject:starts_with:Review)',
				description: "Zoho CRM search criteria, combined with the other filters by 'and'",
			},
			{
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only tasks created or changed after this time',
			},
			{ ...userLocator('owner', 'Owner', 'Only tasks owned by this user'), required: false },
			{
				displayName: 'Related Record ID',
				name: 'relatedId',
				type: 'string',
				default: '',
				description: 'Only tasks related to this account or deal (What_Id)',
			},
			{
				displayName: 'Status Name or ID',
				name: 'status',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTaskStatuses' },
				default: '',
				description:
					'Only tasks with this status. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [fieldsOption, ...sortOptions] },
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getAll'] } }, properties);

interface Filters {
	criteria?: string;
	modifiedSince?: string;
	owner?: unknown;
	relatedId?: string;
	status?: string;
}

/**
 * Without field filters: the list API, with `If-Modified-Since` for Modified Since. With them: the
 * search API (which has no modified-since), and Modified Since is applied to what it returns.
 * https://www.zoho.com/crm/developer/docs/api/v8/get-records.html, .../search-records.html
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const filters = this.getNodeParameter('filters', i, {}) as Filters;
	const options = this.getNodeParameter('options', i, {}) as { fields?: string[]; sortBy?: string; sortOrder?: string };
	const limit = readLimit.call(this, i);
	const fields = await fieldsParam.call(this, 'Tasks', options.fields);
	let since: string | undefined;
	if (filters.modifiedSince) {
		since = toZohoDateTime(filters.modifiedSince, this.getTimezone());
		if (!since) {
			throw new NodeOperationError(this.getNode(), `Modified Since ${JSON.stringify(filters.modifiedSince)} is not a date and time`, { itemIndex: i });
		}
	}
	const ownerSet = filters.owner !== undefined && filters.owner !== '' && (filters.owner as IDataObject)?.value !== '';
	const criteria = allOf([
		ownerSet ? criterion('Owner', 'equals', nestedLocatorId.call(this, filters.owner, 'owner', 'Owner', i)) : undefined,
		filters.status ? criterion('Status', 'equals', filters.status) : undefined,
		filters.relatedId ? criterion('What_Id', 'equals', checkedId.call(this, filters.relatedId, 'Related Record', i)) : undefined,
		filters.criteria,
	]);
	if (!criteria) {
		return await crmList.call(this, {
			path: '/Tasks',
			qs: { fields, sort_by: options.sortBy ?? 'Modified_Time', sort_order: options.sortOrder ?? 'desc' },
			headers: since ? { 'If-Modified-Since': since } : undefined,
			limit,
			what: 'list tasks',
		});
	}
	const sinceMs = since ? Date.parse(since) : undefined;
	return await crmList.call(this, {
		path: '/Tasks/search',
		qs: { criteria, fields },
		limit,
		keep: sinceMs === undefined ? undefined : (task) => (parseZohoTime(task.Modified_Time) ?? 0) > sinceMs,
		what: 'search tasks',
	});
}
