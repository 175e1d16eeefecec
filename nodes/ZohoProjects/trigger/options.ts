import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_BUDGET, resolvePortalId } from '../../shared/projects';
import type { PollOptions } from './poll';
import type { PortalOptions } from './portal';
import { type WatchScope, isZohoId } from './scope';

/** Default of "Max Projects Calls per Poll": 240 calls an hour at one poll a minute (see portal.ts). */
export const DEFAULT_CALLS_PER_POLL = 4;

export type TriggerOptions = { scope: 'project'; poll: PollOptions } | { scope: Exclude<WatchScope, 'project'>; portal: PortalOptions };

/** The trigger's parameters, checked. */
export async function pollOptions(this: IPollFunctions): Promise<TriggerOptions> {
	const budget = this.getNodeParameter('apiBudget', DEFAULT_BUDGET) as number;
	// Absent in workflows saved before the parameter existed: they watch their one project, as before.
	const scope = this.getNodeParameter('watch', 'project') as WatchScope;
	const portal = String(this.getNodeParameter('portalId', '', { extractValue: true }) ?? '').trim();
	if (!portal) throw new NodeOperationError(this.getNode(), 'Choose a portal');
	const events = this.getNodeParameter('events', []) as string[];
	if (!events.length) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
	const options = this.getNodeParameter('options', {}) as IDataObject;
	const settings = { portalId: await resolvePortalId.call(this, portal, budget), budget };
	if (scope === 'project') {
		const projectId = String(this.getNodeParameter('projectId', '', { extractValue: true }) ?? '').trim();
		if (!projectId) throw new NodeOperationError(this.getNode(), 'Choose a project');
		return { scope, poll: { settings, projectId, events, commentTasksPerPoll: Math.max(1, Number(options.commentTasksPerPoll ?? 10)) } };
	}
	if (!['portal', 'mappedClients', 'chosenProjects'].includes(scope)) {
		throw new NodeOperationError(this.getNode(), `Unknown choice for "Watch": ${String(scope)}`);
	}
	let projectIds: string[] = [];
	if (scope === 'chosenProjects') {
		projectIds = (this.getNodeParameter('projectIds', []) as unknown[]).map((id) => String(id).trim());
		const bad = projectIds.find((id) => !isZohoId(id));
		if (bad !== undefined) throw new NodeOperationError(this.getNode(), `"${bad}" is not a project ID (digits only)`);
		if (!projectIds.length) throw new NodeOperationError(this.getNode(), 'Choose at least one project');
	}
	const cap = Math.floor(Number(options.maxCallsPerPoll ?? DEFAULT_CALLS_PER_POLL));
	return {
		scope,
		portal: {
			settings,
			scope,
			projectIds: [...new Set(projectIds)],
			events,
			maxCallsPerPoll: Number.isFinite(cap) && cap >= 1 ? cap : DEFAULT_CALLS_PER_POLL,
			crmIdField: String(options.crmTaskIdField || 'CRM_Task_ID'),
			accountClientField: String(options.accountClientField || 'Zoho_Projects_Client'),
		},
	};
}
