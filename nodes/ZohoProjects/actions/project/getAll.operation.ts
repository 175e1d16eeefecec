import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll, withCalendarDates } from '../../../shared/projects';
import { readLimit, returnAllOrLimit, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['project'], operation: ['getAll'] } }, returnAllOrLimit);

/** GET /api/v3/portal/{portal}/projects: a bare array without page_info. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: '/projects' }, undefined, { limit: readLimit.call(this, i) });
	return rows.map(withCalendarDates);
}
