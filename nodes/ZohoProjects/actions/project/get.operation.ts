import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest, withCalendarDates } from '../../../shared/projects';
import { idOf, projectLocator, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['get'] } }, [projectLocator]);

/** GET /api/v3/portal/{portal}/projects/{project}: dates, is_strict_project, client company, status. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	return withCalendarDates((await projectsRequest.call(this, settings, { method: 'GET', path: `/projects/${projectId}` })) as IDataObject);
}
