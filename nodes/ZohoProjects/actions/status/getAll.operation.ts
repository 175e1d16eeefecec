import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll } from '../../../shared/projects';
import { idOf, readLimit, returnAllOrLimit, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['status'], operation: ['getAll'] } }, returnAllOrLimit);

/**
 * GET …/projects/{project}/statuses: the project's task statuses with `is_closed_type` (the
 * portal's global-statuses list lacks it; see the simulator's ASSUMPTIONS.md).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/statuses` }, 'statuses', {
		limit: readLimit.call(this, i),
	});
}
