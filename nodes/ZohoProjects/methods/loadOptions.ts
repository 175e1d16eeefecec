import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { portalUsers, projectStatuses, projectsRequestAll, taskFieldDefs } from '../../shared/projects';
import { currentProjectId, currentSettings } from './context';

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

const userOption = (u: IDataObject): INodePropertyOptions => ({
	name: `${String(u.name ?? u.email)} (${String(u.email ?? '')})`,
	value: String(u.zpuid ?? u.id),
});

export async function getTasklists(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const settings = await currentSettings.call(this);
	const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${currentProjectId.call(this)}/tasklists` }, 'tasklists');
	return rows.map((l) => ({ name: String(l.name), value: String(l.id) })).sort(byName);
}

async function statuses(this: ILoadOptionsFunctions, closed?: boolean): Promise<INodePropertyOptions[]> {
	const list = await projectStatuses.call(this, await currentSettings.call(this), currentProjectId.call(this));
	// A status no task uses yet cannot be classified (see projectStatuses): offered for either use, and said so.
	return list
		.filter((s) => closed === undefined || s.classified === false || s.is_closed_type === closed)
		.map((s) => ({ name: s.name, value: s.id, description: s.classified === false ? 'Type not known yet (no task is in it)' : s.is_closed_type ? 'Closed type' : 'Open type' }));
}

export async function getStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await statuses.call(this);
}

export async function getClosedStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await statuses.call(this, true);
}

export async function getOpenStatuses(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return await statuses.call(this, false);
}

export async function getProjectUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const settings = await currentSettings.call(this);
	const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${currentProjectId.call(this)}/users` }, 'users');
	return rows.map(userOption).sort(byName);
}

export async function getPortalUsers(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	return (await portalUsers.call(this, await currentSettings.call(this))).map(userOption).sort(byName);
}

export async function getClientCompanies(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectsRequestAll.call(this, await currentSettings.call(this), { method: 'GET', path: '/clients' }, 'clients');
	return rows.map((c) => ({ name: String(c.name), value: String(c.id) })).sort(byName);
}

/** The portal's task custom fields (Zoho's own fields left out), offered by label with the API name a write uses. */
export async function getCustomFields(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const fields = await taskFieldDefs.call(this, await currentSettings.call(this));
	return fields
		.filter((f) => f.builtIn !== true)
		.map((f) => ({ name: f.label, value: f.apiName, description: f.apiName }))
		.sort(byName);
}

/** Every project of the chosen portal (the trigger's "Chosen Projects"). */
export async function getProjects(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const rows = await projectsRequestAll.call(this, await currentSettings.call(this), { method: 'GET', path: '/projects' }, undefined);
	return rows.filter((p) => /^\d{1,30}$/.test(String(p.id))).map((p) => ({ name: String(p.name ?? p.id), value: String(p.id) })).sort(byName);
}
