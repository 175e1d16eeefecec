import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { projectStatuses } from '../../../shared/projects';
import { idOf, readLimit, returnAllOrLimit, settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['status'], operation: ['getAll'] } }, returnAllOrLimit);

/**
 * A project's task statuses: the portal's documented global-statuses list, each with `is_closed_type`
 * where a task of the project shows it and null where no task does yet (see projectStatuses).
 */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject[]> {
	const settings = await settingsOf.call(this, i);
	const projectId = idOf.call(this, 'projectId', 'Project', i);
	const statuses = await projectStatuses.call(this, settings, projectId);
	const limit = readLimit.call(this, i);
	return statuses
		.slice(0, limit ?? statuses.length)
		.map((s) => ({ id: s.id, name: s.name, is_closed_type: s.classified === false ? null : s.is_closed_type }));
}
