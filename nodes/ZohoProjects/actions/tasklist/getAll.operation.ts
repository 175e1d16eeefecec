import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll } from '../../../shared/projects';
import { idOf, readLimit, returnAllOrLimit, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['tasklist'], operation: ['getAll'] } }, returnAllOrLimit);

/** GET …/projects/{project}/tasklists → `{tasklists, page_info}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasklists` }, 'tasklists', {
		limit: readLimit.call(this, i),
	});
}
