import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest, withCalendarDates } from '../../../shared/projects';
import { idOf, settingsOf, taskIdField } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['task'], operation: ['get'] } }, [taskIdField]);

/** GET /api/v3/portal/{portal}/projects/{project}/tasks/{task} */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const taskId = idOf.call(this, 'taskId', 'Task ID', i);
	return withCalendarDates((await projectsRequest.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks/${taskId}` })) as IDataObject);
}
