import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll } from '../../../shared/projects';
import { readLimit, returnAllOrLimit, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['clientUser'], operation: ['getAll'] } }, returnAllOrLimit);

/** GET /api/v3/portal/{portal}/contacts → `{contacts, page_info}` (client users). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: '/contacts' }, 'contacts', { limit: readLimit.call(this, i) });
}
