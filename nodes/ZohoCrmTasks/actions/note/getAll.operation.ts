import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { fieldsParam } from '../../../shared/crm/fields';
import { crmList } from '../../../shared/crm/paging';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { readLimit, recordId, returnAllOrLimit, taskLocator } from '../common';

const properties: INodeProperties[] = [taskLocator('The task whose notes to get'), ...returnAllOrLimit];

export const description = updateDisplayOptions({ show: { resource: ['note'], operation: ['getAll'] } }, properties);

// https://www.zoho.com/crm/developer/docs/api/v8/get-related-records.html — GET /Tasks/{id}/Notes
export async function execute(this: IExecuteFunctions, i: number) {
	const taskId = recordId.call(this, 'taskId', i, 'Task');
	return await crmList.call(this, {
		path: `/Tasks/${taskId}/Notes`,
		qs: { fields: await fieldsParam.call(this, 'Notes'), sort_by: 'Created_Time', sort_order: 'asc' },
		limit: readLimit.call(this, i),
		what: `list the notes of task ${taskId}`,
	});
}
