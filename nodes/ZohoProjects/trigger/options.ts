import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_BUDGET, resolvePortalId } from '../../shared/projects';
import type { PollOptions } from './poll';

/** The trigger's parameters, checked. */
export async function pollOptions(this: IPollFunctions): Promise<PollOptions> {
	const budget = this.getNodeParameter('apiBudget', DEFAULT_BUDGET) as number;
	const portal = String(this.getNodeParameter('portalId', '', { extractValue: true }) ?? '').trim();
	const projectId = String(this.getNodeParameter('projectId', '', { extractValue: true }) ?? '').trim();
	if (!portal || !projectId) throw new NodeOperationError(this.getNode(), 'Choose a portal and a project');
	const events = this.getNodeParameter('events', []) as string[];
	if (!events.length) throw new NodeOperationError(this.getNode(), 'Choose at least one event');
	const options = this.getNodeParameter('options', {}) as IDataObject;
	return {
		settings: { portalId: await resolvePortalId.call(this, portal, budget), budget },
		projectId,
		events,
		commentTasksPerPoll: Math.max(1, Number(options.commentTasksPerPoll ?? 10)),
	};
}
