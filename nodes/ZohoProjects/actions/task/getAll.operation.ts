import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { DateTime } from 'luxon';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll, withCalendarDates } from '../../../shared/projects';
import { idOf, readLimit, returnAllOrLimit, settingsOf } from '../common';

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
				displayName: 'Modified Since',
				name: 'modifiedSince',
				type: 'dateTime',
				default: '',
				description: 'Only tasks changed at or after this time (newest first)',
			},
			{
				displayName: 'Parent Task ID',
				name: 'parentTaskId',
				type: 'string',
				default: '',
				description: 'Only the subtasks of this task',
			},
			{
				displayName: 'Tasklist Name or ID',
				name: 'tasklistId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTasklists', loadOptionsDependsOn: ['portalId.value', 'projectId.value'] },
				default: '',
				description:
					'Only tasks of this tasklist. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['getAll'] } }, properties);

/** Zoho's JSON `filter` query parameter: every criterion must hold. */
export function taskFilter(criteria: Array<[string, string]>): string | undefined {
	if (!criteria.length) return undefined;
	return JSON.stringify({
		criteria: criteria.map(([field_name, value]) => ({ field_name, criteria_condition: 'is', value: [value] })),
		pattern: criteria.map((_, n) => n + 1).join(' AND '),
	});
}

/**
 * GET …/projects/{project}/tasks. "Modified since" has no Zoho filter: the list is read newest
 * first (`sort_by=DESC(last_modified_time)`) and paging stops at the first older task.
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const filters = this.getNodeParameter('filters', i, {}) as IDataObject;
	const criteria: Array<[string, string]> = [];
	if (filters.parentTaskId) criteria.push(['parent_task', String(filters.parentTaskId).trim()]);
	if (filters.tasklistId) criteria.push(['tasklist', String(filters.tasklistId).trim()]);
	let since: number | undefined;
	if (filters.modifiedSince) {
		const parsed = DateTime.fromISO(String(filters.modifiedSince), { zone: this.getTimezone() });
		if (!parsed.isValid) {
			throw new NodeOperationError(this.getNode(), `Modified Since: "${String(filters.modifiedSince)}" is not a date and time`, { itemIndex: i });
		}
		since = parsed.toMillis();
	}
	const qs: IDataObject = {};
	const filter = taskFilter(criteria);
	if (filter) qs.filter = filter;
	if (since !== undefined) qs.sort_by = 'DESC(last_modified_time)';
	const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks`, qs }, 'tasks', {
		limit: readLimit.call(this, i),
		stopAt: since === undefined ? undefined : (task) => Date.parse(String(task.last_modified_time)) < since,
	});
	return rows.map(withCalendarDates);
}
