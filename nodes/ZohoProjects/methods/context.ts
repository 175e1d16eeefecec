/** Portal and project of the node being edited, for list searches and option lists. */
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_BUDGET, type ProjectsSettings, resolvePortalId } from '../../shared/projects';

export async function currentSettings(this: ILoadOptionsFunctions): Promise<ProjectsSettings> {
	const portal = String(this.getCurrentNodeParameter('portalId', { extractValue: true }) ?? '').trim();
	if (!portal) throw new NodeOperationError(this.getNode(), 'Choose a portal first');
	const budget = (this.getCurrentNodeParameter('apiBudget') as number | undefined) ?? DEFAULT_BUDGET;
	return { portalId: await resolvePortalId.call(this, portal, budget), budget };
}

export function currentProjectId(this: ILoadOptionsFunctions): string {
	const project = String(this.getCurrentNodeParameter('projectId', { extractValue: true }) ?? '').trim();
	if (!project) throw new NodeOperationError(this.getNode(), 'Choose a project first');
	return project;
}
