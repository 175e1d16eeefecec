import type { INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { budgetProperty, portalLocator, projectLocator } from './actions/common';
import { searchPortals, searchProjects } from './methods/listSearch';
import { pollOptions } from './trigger/options';
import { samplePoll, triggerPoll } from './trigger/poll';
import type { PollState } from './trigger/state';

export class ZohoProjectsTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Zoho Projects Trigger',
		name: 'zohoProjectsTrigger',
		icon: { light: 'file:zohoProjects.svg', dark: 'file:zohoProjects.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when tasks of a Zoho Projects project are created or updated, or get comments (polling; every plan)',
		defaults: { name: 'Zoho Projects Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'zohoTaskSyncOAuth2Api', required: true }],
		properties: [
			portalLocator,
			projectLocator,
			{
				displayName: 'Events',
				name: 'events',
				type: 'multiOptions',
				required: true,
				default: ['taskCreated', 'taskUpdated'],
				options: [
					{ name: 'Comment Added', value: 'commentAdded', description: 'A comment was added to a task of the project' },
					{ name: 'Task Created', value: 'taskCreated' },
					{ name: 'Task Updated', value: 'taskUpdated', description: 'Any change, including closing and reopening' },
				],
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Tasks Checked for Comments per Poll',
						name: 'commentTasksPerPoll',
						type: 'number',
						default: 10,
						typeOptions: { minValue: 1 },
						description:
							'Zoho has no list of new comments, so each poll reads the comments of this many tasks: the ones that just changed, then the others in turn. One call each.',
					},
				],
			},
			budgetProperty,
		],
	};

	methods = { listSearch: { searchPortals, searchProjects } };

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const options = await pollOptions.call(this);
		if (this.getMode() === 'manual') return await samplePoll.call(this, options);
		return await triggerPoll.call(this, this.getWorkflowStaticData('node') as PollState, options);
	}
}
