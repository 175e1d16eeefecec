/**
 * Match Accounts: CRM accounts and Projects client companies paired by name (case, spaces and
 * full-/half-width forms ignored). With "Write Mapping", each unambiguous unmapped pair is mapped;
 * ambiguous names are reported for a person to decide, never guessed.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { projectsRequestAll } from '../../shared/projects';
import { matchAccounts as match } from '../../shared/sync/accounts';
import { gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { idParameter } from '../ids';

export async function matchAccounts(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	const portalId = idParameter.call(this, 'portalId', itemIndex);
	const write = (this.getNodeParameter('writeMapping', itemIndex, false) as boolean) && !settings.dryRun;
	const field = settings.fields.accountClient;
	await gw.requireCrmField('Accounts', field, 'Single Line');
	const accounts = await crmList.call(this, { path: '/Accounts', qs: { fields: `Account_Name,${field}` }, what: 'list the accounts' });
	const companies = await projectsRequestAll.call(this, gw.projectsSettings(portalId), { method: 'GET', path: '/clients' }, 'clients');
	const matches = match(
		accounts.map((a) => ({ id: String(a.id), name: String(a.Account_Name ?? ''), clientId: (a[field] as string) || null })),
		companies.map((c) => ({ id: String(c.id), name: String(c.name ?? '') })),
	);
	const items: SyncItem[] = [];
	for (const m of matches) {
		const json: IDataObject = {
			status: m.status,
			name: m.name,
			accounts: m.accounts.map((a) => ({ id: a.id, name: a.name })),
			clientCompanies: m.companies.map((c) => ({ id: c.id, name: c.name })),
		};
		if (m.status === 'unmapped' && write) {
			await gw.writeCrm('Accounts', 'PUT', { id: m.accounts[0].id, [field]: m.companies[0].id });
			items.push({ outlet: 'synced', json: { ...json, status: 'mapped', mappedNow: true } });
		} else if (m.status === 'ambiguous') {
			items.push({ outlet: 'rejected', json: { ...json, rule: 'AMBIGUOUS_NAME', reason: 'Several records share this name; map them by hand.' } });
		} else {
			items.push({ outlet: 'skipped', json });
		}
	}
	return items;
}
