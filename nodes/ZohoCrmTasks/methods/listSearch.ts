/** Searchable "From List" modes of the record locators. */
import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { crmPage } from '../../shared/crm/paging';
import { criterion } from '../../shared/crm/values';

async function searchModule(
	this: ILoadOptionsFunctions,
	module: 'Tasks' | 'Accounts' | 'Deals',
	nameField: string,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const page = paginationToken ? Number(paginationToken) : 1;
	const text = filter?.trim();
	const { rows, more } = text
		? await crmPage.call(this, { path: `/${module}/search`, qs: { criteria: criterion(nameField, 'starts_with', text) }, page, what: `search ${module}` })
		: await crmPage.call(this, {
				path: `/${module}`,
				qs: { fields: `${nameField},Modified_Time`, sort_by: 'Modified_Time', sort_order: 'desc' },
				page,
				what: `list ${module}`,
			});
	return {
		results: rows.map((row: IDataObject) => ({ name: String(row[nameField] ?? row.id), value: String(row.id) })),
		paginationToken: more ? String(page + 1) : undefined,
	};
}

export async function searchTasks(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchModule.call(this, 'Tasks', 'Subject', filter, token);
}

export async function searchAccounts(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchModule.call(this, 'Accounts', 'Account_Name', filter, token);
}

export async function searchDeals(this: ILoadOptionsFunctions, filter?: string, token?: string) {
	return await searchModule.call(this, 'Deals', 'Deal_Name', filter, token);
}

/** Active users, filtered by name or e-mail on our side (the users API has no text search). */
export async function searchUsers(this: ILoadOptionsFunctions, filter?: string, token?: string): Promise<INodeListSearchResult> {
	const page = token ? Number(token) : 1;
	const { rows, more } = await crmPage.call(this, { path: '/users', qs: { type: 'ActiveUsers' }, key: 'users', page, perPage: 200, what: 'list users' });
	const text = filter?.trim().toLowerCase();
	const users = rows.filter((u) => !text || `${String(u.full_name ?? '')} ${String(u.email ?? '')}`.toLowerCase().includes(text));
	return {
		results: users.map((u) => ({ name: `${String(u.full_name ?? u.id)} (${String(u.email ?? '')})`, value: String(u.id) })),
		paginationToken: more ? String(page + 1) : undefined,
	};
}
