import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectsRequest } from '../../../shared/projects';
import { first, idOf, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['tasklist'], operation: ['create'] } }, [
	{ displayName: 'Name', name: 'name', type: 'string', default: '', required: true, placeholder: 'e.g. Verification' },
]);

/** POST …/projects/{project}/tasklists with `{name}`. */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const body = { name: this.getNodeParameter('name', i) as string };
	return first(await projectsRequest.call(this, settings, { method: 'POST', path: `/projects/${projectId}/tasklists`, body }));
}
