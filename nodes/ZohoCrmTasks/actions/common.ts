/**
 * Parameters several operations share: record locators (list / URL / ID), Return All + Limit,
 * the Zoho automation option, and reading a locator's id.
 */
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

interface LocatorSpec {
	name: string;
	displayName: string;
	searchListMethod: string;
	/** Path segments of the record's page in the Zoho CRM web UI. */
	urlSegments: string[];
	placeholderUrl: string;
	description?: string;
}

const ID_REGEX = '[0-9]{6,25}';

/** URL regex per locator parameter, for reading ids out of locators nested in collections. */
export const URL_REGEX: Record<string, string> = {};

export function locator(spec: LocatorSpec): INodeProperties {
	const url = `(?:${spec.urlSegments.join('|')})/(${ID_REGEX})`;
	URL_REGEX[spec.name] = url;
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: spec.description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: spec.placeholderUrl,
				extractValue: { type: 'regex', regex: url },
				validation: [
					{
						type: 'regex',
						properties: { regex: `.*${url}.*`, errorMessage: `Not a Zoho CRM ${spec.displayName.toLowerCase()} URL` },
					},
				],
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. 4876876000000081001',
				validation: [
					{ type: 'regex', properties: { regex: `^\\s*${ID_REGEX}\\s*$`, errorMessage: 'A Zoho CRM ID is a long number' } },
				],
			},
		],
	};
}

export const taskLocator = (description?: string): INodeProperties =>
	locator({
		name: 'taskId',
		displayName: 'Task',
		searchListMethod: 'searchTasks',
		urlSegments: ['Tasks', 'Activities'],
		placeholderUrl: 'https://crm.zoho.com/crm/org123/tab/Tasks/4876876000000081001',
		description,
	});

export const accountLocator = (description?: string): INodeProperties =>
	locator({
		name: 'accountId',
		displayName: 'Account',
		searchListMethod: 'searchAccounts',
		urlSegments: ['Accounts'],
		placeholderUrl: 'https://crm.zoho.com/crm/org123/tab/Accounts/4876876000000021001',
		description,
	});

export const dealLocator = (description?: string): INodeProperties =>
	locator({
		name: 'dealId',
		displayName: 'Deal',
		searchListMethod: 'searchDeals',
		urlSegments: ['Deals', 'Potentials'],
		placeholderUrl: 'https://crm.zoho.com/crm/org123/tab/Potentials/4876876000000061001',
		description,
	});

export const userLocator = (name: string, displayName: string, description?: string): INodeProperties =>
	locator({
		name,
		displayName,
		searchListMethod: 'searchUsers',
		urlSegments: ['users'],
		placeholderUrl: 'https://crm.zoho.com/crm/org123/settings/users/4876876000000011001',
		description,
	});

/** The id of a top-level locator parameter, checked to be a Zoho id. */
export function recordId(this: IExecuteFunctions, name: string, itemIndex: number, label: string): string {
	const value = this.getNodeParameter(name, itemIndex, '', { extractValue: true }) as string;
	return checkedId.call(this, value, label, itemIndex);
}

/** The id of a locator value found inside a collection (where n8n does not extract it). */
export function nestedLocatorId(this: IExecuteFunctions, value: unknown, name: string, label: string, itemIndex: number): string {
	let raw = value;
	if (typeof value === 'object' && value !== null && 'value' in value) {
		const rl = value as { mode?: string; value?: unknown };
		raw = rl.value;
		if (rl.mode === 'url' && typeof raw === 'string') {
			const match = new RegExp(URL_REGEX[name] ?? `(${ID_REGEX})`).exec(raw);
			raw = match?.[1] ?? raw;
		}
	}
	return checkedId.call(this, String(raw ?? ''), label, itemIndex);
}

export function checkedId(this: IExecuteFunctions, value: string, label: string, itemIndex: number): string {
	const id = String(value ?? '').trim();
	if (!new RegExp(`^${ID_REGEX}$`).test(id)) {
		throw new NodeOperationError(this.getNode(), `${label} ID ${JSON.stringify(id)} is not a Zoho CRM ID`, {
			itemIndex,
			description: 'A Zoho CRM record ID is a long number, e.g. 4876876000000081001.',
		});
	}
	return id;
}

export { readLimit, returnAllOrLimit } from '../../shared/descriptions';

export const automationOption: INodeProperties = {
	displayName: 'Zoho Automation',
	name: 'automation',
	type: 'options',
	default: 'zohoDefault',
	description: 'Which Zoho CRM automation this write may set off',
	options: [
		{ name: "Zoho's Default", value: 'zohoDefault', description: 'Send nothing; Zoho runs what it runs for API writes' },
		{ name: 'None', value: 'none', description: 'No workflow rules, approvals or blueprints (what the sync uses, to avoid loops)' },
		{ name: 'All', value: 'all', description: 'Workflow rules, approvals and blueprints' },
	],
};

/** The `trigger` body key for the automation option (undefined = leave it to Zoho). */
export function triggerKey(automation: unknown): IDataObject {
	if (automation === 'none') return { trigger: [] };
	if (automation === 'all') return { trigger: ['workflow', 'approval', 'blueprint'] };
	return {};
}
