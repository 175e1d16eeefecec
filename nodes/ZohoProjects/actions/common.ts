/** Properties and item helpers every Zoho Projects operation uses. */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_BUDGET, type ProjectsSettings, resolvePortalId } from '../../shared/projects';

export const portalLocator: INodeProperties = {
	displayName: 'Portal',
	name: 'portalId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The Zoho Projects portal (organisation)',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchPortals', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 700000001',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A portal ID is a number' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://projects.zoho.com/portal/myportal#allprojects',
			extractValue: { type: 'regex', regex: '/portal/([^/#?]+)' },
			validation: [
				{ type: 'regex', properties: { regex: '.*/portal/[^/#?]+.*', errorMessage: 'Not a Zoho Projects portal URL' } },
			],
		},
	],
};

export const projectLocator: INodeProperties = {
	displayName: 'Project',
	name: 'projectId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	// The list is the chosen portal's projects.
	typeOptions: { loadOptionsDependsOn: ['portalId.value'] },
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchProjects', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 2000000041001',
			validation: [{ type: 'regex', properties: { regex: '^[0-9]+$', errorMessage: 'A project ID is a number' } }],
		},
		{
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: 'e.g. https://projects.zoho.com/portal/myportal#project/2000000041001/tasks',
			extractValue: { type: 'regex', regex: 'projects?/([0-9]+)' },
			validation: [
				{ type: 'regex', properties: { regex: '.*projects?/[0-9]+.*', errorMessage: 'Not a Zoho Projects project URL' } },
			],
		},
	],
};

export const budgetProperty: INodeProperties = {
	displayName: 'API Budget (Calls per 2 Minutes)',
	name: 'apiBudget',
	type: 'number',
	default: DEFAULT_BUDGET,
	typeOptions: { minValue: 1 },
	description:
		'Most Zoho Projects calls per 2 minutes for this credential and portal, in this n8n process. Zoho locks an API for up to 30 minutes after about 100; calls beyond the budget wait for the window instead.',
};

export const taskIdField: INodeProperties = {
	displayName: 'Task ID',
	name: 'taskId',
	type: 'string',
	default: '',
	required: true,
	placeholder: 'e.g. 2000000081001',
};

export { readLimit, returnAllOrLimit } from '../../shared/descriptions';

/** The portal and budget of an item. */
export async function settingsOf(this: IExecuteFunctions, itemIndex: number): Promise<ProjectsSettings> {
	const budget = this.getNodeParameter('apiBudget', itemIndex, DEFAULT_BUDGET) as number;
	const portal = String(this.getNodeParameter('portalId', itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!portal) throw new NodeOperationError(this.getNode(), 'Choose a portal', { itemIndex });
	return { portalId: await resolvePortalId.call(this, portal, budget), budget };
}

/** A required id parameter (a resource locator or a string), trimmed; empty is an error naming the field. */
export function idOf(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = String(this.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? '').trim();
	if (!value) throw new NodeOperationError(this.getNode(), `${label} is empty`, { itemIndex });
	if (!/^\d+$/.test(value)) throw new NodeOperationError(this.getNode(), `${label} "${value}" is not a Zoho Projects ID (digits only)`, { itemIndex });
	return value;
}

/** A V3 list row or write answer that should be one object. */
export function first(body: unknown): IDataObject {
	if (Array.isArray(body)) return (body[0] ?? {}) as IDataObject;
	return (body ?? {}) as IDataObject;
}

/** A list field given as an array or as comma-separated text. */
export function listOf(value: unknown): string[] {
	const items = Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [];
	return items.map((v) => String(v).trim()).filter(Boolean);
}
