/**
 * What a Projects task can be related to in CRM, as Zoho's "Add to Zoho CRM" dialog offers it:
 * accounts mapped to the project's client company, unmapped accounts with the same name, and the
 * deals associated with the project.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { criterion } from '../../shared/crm/values';
import { formatProjectLink } from '../../shared/sync/links';
import { nameKey } from '../../shared/sync/text';
import type { Gateway } from '../gateway';
import type { SyncSettings } from '../settings';

export interface CrmTarget {
	type: 'mappedAccount' | 'unmappedAccount' | 'deal';
	module: 'Accounts' | 'Deals';
	id: string;
	name: string;
}

export interface ProjectClient {
	id: string;
	name: string;
}

export async function projectClient(gw: Gateway, portalId: string, projectId: string): Promise<ProjectClient | null> {
	const project = await gw.projectRaw(portalId, projectId);
	const client = project.client_company as IDataObject | undefined;
	return client?.id ? { id: String(client.id), name: String(client.name ?? '') } : null;
}

export async function crmTargets(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, portalId: string, projectId: string): Promise<CrmTarget[]> {
	const client = await projectClient(gw, portalId, projectId);
	const targets: CrmTarget[] = [];
	if (client) {
		const field = settings.fields.accountClient;
		await gw.requireCrmField('Accounts', field, 'Single Line');
		const accounts = await crmList.call(this, { path: '/Accounts', qs: { fields: `Account_Name,${field}` }, what: 'list the accounts' });
		for (const a of accounts) {
			const mapped = String(a[field] ?? '') === client.id;
			const sameName = !a[field] && nameKey(a.Account_Name as string) === nameKey(client.name);
			if (mapped || sameName) targets.push({ type: mapped ? 'mappedAccount' : 'unmappedAccount', module: 'Accounts', id: String(a.id), name: String(a.Account_Name) });
		}
	}
	await gw.requireCrmField('Deals', settings.fields.dealProject, 'Single Line');
	const deals = await crmList.call(this, {
		path: '/Deals/search',
		qs: { criteria: criterion(settings.fields.dealProject, 'equals', formatProjectLink({ portalId, projectId })) },
		what: "search the project's deals",
	});
	for (const d of deals) targets.push({ type: 'deal', module: 'Deals', id: String(d.id), name: String(d.Deal_Name) });
	return targets.sort((a, b) => ['mappedAccount', 'unmappedAccount', 'deal'].indexOf(a.type) - ['mappedAccount', 'unmappedAccount', 'deal'].indexOf(b.type));
}
