import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequestAll } from '../../../shared/projects';
import { readLimit, returnAllOrLimit, settingsOf } from '../common';

export const description = updateDisplayOptions(
	{ show: { resource: ['clientCompany'], operation: ['getAll'] } },
	returnAllOrLimit,
);

/** GET /api/v3/portal/{portal}/clients → `{clients, page_info}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: '/clients' }, 'clients', { limit: readLimit.call(this, i) });
}
