/**
 * Which projects a portal-wide trigger watches. Research (issue 11): Zoho's V3 reference
 * (https://projects.zoho.com/api-docs, as parsed into 523 operations by a public ADR, source P29
 * in the Zoho API reference) does document a portal-level "Get Tasks" (`GET /tasks`) whose sortable
 * fields include `last_modified_time`, but its response example carries no project for a task, and
 * every task route (read, comments) needs the project id. Project listings carry `modified_time`,
 * yet nothing documented says it moves when one of the project's tasks changes. No activity feed
 * route is documented in V3 (the task activities route is legacy and per task). So the trigger is
 * built only on routes whose behaviour is documented: the portal's project list (a bare array,
 * up to 200 per page) and each project's task list sorted newest-change first.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { type ProjectsSettings, projectsRequest } from '../../shared/projects';

export type WatchScope = 'project' | 'portal' | 'mappedClients' | 'chosenProjects';

/** Zoho ids are long digit strings; anything else never reaches a URL. */
export const isZohoId = (value: unknown): value is string => typeof value === 'string' && /^\d{1,30}$/.test(value);

const PROJECT_PAGE = 200;

/** Every project of the portal the user sees, one call per 200; `onCall` counts the calls. */
export async function listPortalProjects(this: IPollFunctions, settings: ProjectsSettings, onCall: () => void): Promise<IDataObject[]> {
	const out: IDataObject[] = [];
	for (let page = 1; ; page++) {
		onCall();
		const body = await projectsRequest.call(this, settings, { method: 'GET', path: '/projects', qs: { page, per_page: PROJECT_PAGE } });
		const rows = Array.isArray(body) ? (body as IDataObject[]) : [];
		out.push(...rows);
		// The list is a bare array without page_info: only a full page can have a successor.
		if (rows.length < PROJECT_PAGE) return out;
	}
}

/**
 * The client company ids CRM accounts are mapped to: the account field the sync's "Match Accounts"
 * writes (`Zoho_Projects_Client` unless renamed). CRM calls, outside the Projects budget.
 */
export async function mappedClientIds(this: IPollFunctions, accountField: string): Promise<Set<string>> {
	if (!/^[A-Za-z][A-Za-z0-9_]{0,99}$/.test(accountField)) {
		throw new NodeOperationError(this.getNode(), `"${accountField}" is not a CRM field API name`);
	}
	const accounts = await crmList.call(this, { path: '/Accounts', qs: { fields: `Account_Name,${accountField}` }, what: 'list the accounts' });
	const ids = new Set<string>();
	for (const a of accounts) {
		const value = a[accountField];
		const id = typeof value === 'number' ? String(value) : value;
		if (isZohoId(id)) ids.add(id);
	}
	return ids;
}

/** The ids the scope selects from a project listing. */
export function selectProjects(projects: IDataObject[], scope: WatchScope, clients?: Set<string>): string[] {
	const out: string[] = [];
	for (const p of projects) {
		const id = String(p.id ?? '');
		if (!isZohoId(id)) continue;
		if (scope === 'mappedClients') {
			const client = String((p.client_company as IDataObject | undefined)?.id ?? '');
			if (!clients?.has(client)) continue;
		}
		out.push(id);
	}
	return out;
}
