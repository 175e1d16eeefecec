/** The node's parameters, read once per item into the plain settings the engine and gateway use. */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_CONFIG } from '../shared/sync/defaults';
import type { Language } from '../shared/sync/messages';
import type { CustomFieldPair, Direction, ProjectsPriority, SyncConfig, SyncField } from '../shared/sync/types';
import { DATA_CENTERS } from '../shared/dataCenters';
import { ZOHO_CREDENTIAL, type ZohoCredential } from '../shared/zohoRequest';

export interface LinkFields {
	/** CRM task: `portal:project:task` of the counterpart. */
	link: string;
	/** CRM task: the sync state (base). */
	state: string;
	/** Projects task: the CRM task id. */
	projectsCrmId: string;
	/** Account: mapped client company id. */
	accountClient: string;
	/** Deal: `portal:project`. */
	dealProject: string;
}

export interface SyncSettings {
	config: SyncConfig;
	fields: LinkFields;
	language: Language;
	dryRun: boolean;
	budget: number;
	crmWebUrl: string;
	projectsWebUrl: string;
}

function parseJsonMap(this: IExecuteFunctions, raw: unknown, name: string, itemIndex: number): Record<string, string> | undefined {
	if (raw === undefined || raw === '') return undefined;
	if (typeof raw === 'object') return raw as Record<string, string>;
	try {
		return JSON.parse(String(raw)) as Record<string, string>;
	} catch {
		throw new NodeOperationError(this.getNode(), `The setting "${name}" is not valid JSON: ${String(raw)}`, {
			itemIndex,
			description: 'Write it as an object of value pairs, e.g. {"High":"high","Normal":"medium"}.',
		});
	}
}

/** "Completed, Deferred" → the list; empty keeps the default (Completed). */
function closedStatuses(raw: unknown): string[] {
	const list = String(raw ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
	return list.length ? list : DEFAULT_CONFIG.crmClosedStatuses;
}

/** Web addresses for links in e-mails: derived from the data centre unless set. */
async function webUrls(this: IExecuteFunctions, settings: IDataObject): Promise<{ crm: string; projects: string }> {
	const credential = (await this.getCredentials(ZOHO_CREDENTIAL)) as unknown as ZohoCredential;
	const dc = DATA_CENTERS[credential.dataCenter];
	const domain = dc?.accounts ? dc.accounts.replace('https://accounts.', '') : '';
	return {
		crm: String(settings.crmWebUrl || (domain ? `https://crm.${domain}/crm` : `${credential.customCrmUrl ?? ''}/crm`)).replace(/\/+$/, ''),
		projects: String(settings.projectsWebUrl || (domain ? `https://projects.${domain}` : (credential.customProjectsUrl ?? ''))).replace(/\/+$/, ''),
	};
}

export async function readSettings(this: IExecuteFunctions, itemIndex: number): Promise<SyncSettings> {
	const s = this.getNodeParameter('settings', itemIndex, {}) as IDataObject;
	const directions = this.getNodeParameter('directions', itemIndex, {}) as Partial<Record<SyncField, Direction>>;
	const pairs = ((s.customFields as IDataObject | undefined)?.pair ?? []) as CustomFieldPair[];
	const crmMap = parseJsonMap.call(this, s.crmPriorityMap, 'CRM Priority → Projects', itemIndex);
	const projectsMap = parseJsonMap.call(this, s.projectsPriorityMap, 'Projects Priority → CRM', itemIndex);
	const config: SyncConfig = {
		...DEFAULT_CONFIG,
		directions: { ...DEFAULT_CONFIG.directions, ...directions },
		crmPriorityToProjects: (crmMap as Record<string, ProjectsPriority>) ?? DEFAULT_CONFIG.crmPriorityToProjects,
		projectsPriorityToCrm: { ...DEFAULT_CONFIG.projectsPriorityToCrm, ...projectsMap },
		crmClosedStatuses: closedStatuses(s.crmClosedStatuses),
		crmReopenStatus: String(s.crmReopenStatus || DEFAULT_CONFIG.crmReopenStatus),
		projectsClosedStatusId: (s.projectsClosedStatusId as string) || undefined,
		projectsOpenStatusId: (s.projectsOpenStatusId as string) || undefined,
		conflictPolicy: (s.conflictPolicy as SyncConfig['conflictPolicy']) ?? DEFAULT_CONFIG.conflictPolicy,
		onRejection: (s.onRejection as SyncConfig['onRejection']) ?? DEFAULT_CONFIG.onRejection,
		customFields: pairs.filter((p) => p.crm && p.projects),
		unassignedOwner: String(s.unassignedOwner ?? '').trim() || undefined,
		fallbackRecipient: String(s.fallbackRecipient ?? '').trim() || undefined,
	};
	const urls = await webUrls.call(this, s);
	return {
		config,
		fields: {
			link: String(s.linkField || 'Zoho_Projects_Task'),
			state: String(s.stateField || 'Zoho_Projects_Sync_State'),
			projectsCrmId: String(s.projectsCrmIdField || 'CRM_Task_ID'),
			accountClient: String(s.accountClientField || 'Zoho_Projects_Client'),
			dealProject: String(s.dealProjectField || 'Zoho_Projects_Project'),
		},
		language: (s.language as Language) ?? 'ja',
		dryRun: this.getNodeParameter('dryRun', itemIndex, false) as boolean,
		budget: Number(s.projectsBudget ?? 90),
		crmWebUrl: urls.crm,
		projectsWebUrl: urls.projects,
	};
}
