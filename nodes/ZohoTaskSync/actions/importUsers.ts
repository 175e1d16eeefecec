/**
 * Import Users: CRM users become Projects portal users, and the contacts of mapped accounts become
 * client users of their client company — matched by e-mail, so a second run creates nobody.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { projectsRequest, projectsRequestAll } from '../../shared/projects';
import { planImport, type PersonRecord } from '../../shared/sync/users';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { idParameter } from '../ids';

type Plan = ReturnType<typeof planImport<PersonRecord>>;

function report(kind: string, plan: Plan, created: Map<string, string>, extra: IDataObject = {}): SyncItem[] {
	return [
		...plan.create.map((p) => ({ outlet: 'synced' as const, json: { kind, email: p.email, name: p.name, crmId: p.id, projectsId: created.get(p.id) ?? null, ...extra } })),
		...plan.existing.map((e) => ({ outlet: 'skipped' as const, json: { kind, reason: 'exists', email: e.source.email, name: e.source.name, crmId: e.source.id, projectsId: e.target.id, ...extra } })),
		...plan.skipped.map((s) => ({ outlet: 'skipped' as const, json: { kind, reason: s.reason, name: s.source.name, crmId: s.source.id, ...extra } })),
	];
}

async function importPortalUsers(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, portalId: string): Promise<SyncItem[]> {
	const crmUsers = await crmList.call(this, { path: '/users', qs: { type: 'ActiveUsers' }, key: 'users', what: 'list the CRM users' });
	const portal = await projectsRequestAll.call(this, gw.projectsSettings(portalId), { method: 'GET', path: '/users', api: 'v3.1' }, 'users');
	const plan = planImport(
		crmUsers.map((u) => ({ id: String(u.id), email: (u.email as string) ?? null, name: String(u.full_name ?? ''), firstName: u.first_name as string, lastName: u.last_name as string })),
		portal.map((u) => ({ id: String(u.zpuid ?? u.id), email: (u.email as string) ?? null, name: String(u.name ?? '') })),
	);
	const created = new Map<string, string>();
	if (!settings.dryRun) {
		for (const person of plan.create) {
			const body = { email: person.email, first_name: person.firstName, last_name: person.lastName, role: 'member' };
			const user = (await projectsRequest.call(this, gw.projectsSettings(portalId), { method: 'POST', path: '/users', api: 'v3.1', body })) as IDataObject;
			created.set(person.id, String(user.zpuid ?? user.id));
		}
	}
	return report('portalUser', plan, created, { dryRun: settings.dryRun });
}

async function importClientUsers(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, portalId: string, accountId: string): Promise<SyncItem[]> {
	const field = settings.fields.accountClient;
	await gw.requireCrmField('Accounts', field, 'Single Line');
	const accounts = accountId
		? [await gw.crmRecord('Accounts', accountId)].filter((a): a is IDataObject => !!a)
		: await crmList.call(this, { path: '/Accounts', qs: { fields: `Account_Name,${field}` }, what: 'list the accounts' });
	const mapped = accounts.filter((a) => a[field]);
	if (!mapped.length) return [{ outlet: 'skipped', json: { kind: 'clientUser', reason: 'noMappedAccount', accountId } }];
	const existing = await projectsRequestAll.call(this, gw.projectsSettings(portalId), { method: 'GET', path: '/contacts' }, 'contacts');
	const targets = existing.map((c) => ({ id: String(c.id), email: (c.email as string) ?? null, name: String(c.name ?? '') }));
	const items: SyncItem[] = [];
	for (const account of mapped) {
		const contacts = await crmList.call(this, { path: `/Accounts/${String(account.id)}/Contacts`, qs: { fields: 'First_Name,Last_Name,Email' }, what: 'list the contacts of the account' });
		const plan = planImport(
			contacts.map((c) => ({ id: String(c.id), email: (c.Email as string) ?? null, name: `${String(c.Last_Name ?? '')} ${String(c.First_Name ?? '')}`.trim(), firstName: c.First_Name as string, lastName: c.Last_Name as string })),
			targets,
		);
		const created = new Map<string, string>();
		if (!settings.dryRun) {
			for (const person of plan.create) {
				const body = { email: person.email, first_name: person.firstName, last_name: person.lastName, client_company: { id: String(account[field]) } };
				const user = (await projectsRequest.call(this, gw.projectsSettings(portalId), { method: 'POST', path: '/contacts', body })) as IDataObject;
				created.set(person.id, String(user.id));
				targets.push({ id: String(user.id), email: person.email, name: person.name });
			}
		}
		items.push(...report('clientUser', plan, created, { accountId: String(account.id), clientCompanyId: String(account[field]), dryRun: settings.dryRun }));
	}
	return items;
}

export async function importUsers(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	const portalId = idParameter.call(this, 'portalId', itemIndex);
	const what = this.getNodeParameter('importWhat', itemIndex) as 'users' | 'contacts' | 'both';
	const items: SyncItem[] = [];
	if (what !== 'contacts') items.push(...(await importPortalUsers.call(this, gw, settings, portalId)));
	if (what !== 'users') {
		const accountId = String(this.getNodeParameter('importAccountId', itemIndex, '') || '');
		items.push(...(await importClientUsers.call(this, gw, settings, portalId, accountId)));
	}
	return items;
}
