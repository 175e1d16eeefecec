/**
 * Look-ups the nodes share, each memoised per execution: portal by name, a project, its task
 * statuses, portal users, owners by e-mail.
 */
import type { IAllExecuteFunctions, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cached } from '../cache';
import { asNodeError, isThrottle, zohoErrorOf } from './errors';
import { type ProjectsSettings, projectsRequest, projectsRequestAll } from './transport';

export interface TaskStatus {
	id: string;
	name: string;
	is_closed_type: boolean;
	is_default?: boolean;
	/** False when Zoho did not say whether the status is closed-type (see projectStatuses). */
	classified?: boolean;
}

/** A portal given by name (from a portal URL) → its numeric id; ids pass through. */
export async function resolvePortalId(this: IAllExecuteFunctions, value: string, budget?: number): Promise<string> {
	const wanted = value.trim();
	if (/^\d+$/.test(wanted)) return wanted;
	const portals = await cached(this, 'portals', async () =>
		(await projectsRequest.call(this, { portalId: '-', budget }, { method: 'GET', path: '/api/v3/portals', api: 'root' })) as IDataObject[],
	);
	const found = (Array.isArray(portals) ? portals : []).find(
		(p) => String(p.name ?? '').toLowerCase() === wanted.toLowerCase() || String(p.id) === wanted,
	);
	if (!found) throw new NodeOperationError(this.getNode(), `Portal "${wanted}" is not one of the portals this Zoho user can open`);
	return String(found.id);
}

export async function getProject(this: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string): Promise<IDataObject> {
	return await cached(this, `project:${settings.portalId}:${projectId}`, async () =>
		(await projectsRequest.call(this, settings, { method: 'GET', path: `/projects/${projectId}` })) as IDataObject,
	);
}

function toStatus(s: IDataObject, closed?: unknown): TaskStatus {
	const flag = closed ?? s.is_closed_type;
	return {
		id: String(s.id),
		name: String(s.name ?? ''),
		is_closed_type: flag === true || flag === 'true',
		is_default: s.is_default === true || s.is_default === 'true',
	};
}

/**
 * A project's task statuses with `is_closed_type`. The per-project route is not in Zoho's stored
 * docs (the simulator's ASSUMPTIONS.md lists it as inferred); when Zoho refuses it, the portal's
 * global-statuses list (ids and names only) is combined with the statuses embedded in the
 * project's tasks, which do carry `is_closed_type`. Statuses no task uses then stay unclassified.
 */
export async function projectStatuses(this: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string): Promise<TaskStatus[]> {
	return await cached(this, `statuses:${settings.portalId}:${projectId}`, async () => {
		try {
			const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/statuses` }, 'statuses');
			return rows.map((s) => toStatus(s));
		} catch (error) {
			const zoho = zohoErrorOf(error);
			if (!zoho || isThrottle(zoho) || zoho.status >= 500 || zoho.status === 401) throw asNodeError(this.getNode(), error);
			return await statusesFromTasks.call(this, settings, projectId);
		}
	});
}

async function statusesFromTasks(this: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string): Promise<TaskStatus[]> {
	const global = await projectsRequestAll.call(this, settings, { method: 'GET', path: '/settings/global-statuses', qs: { module: 'tasks' } }, undefined);
	const tasks = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks` }, 'tasks', { limit: 200 });
	const embedded = new Map<string, IDataObject>();
	for (const t of tasks) {
		const status = t.status as IDataObject | undefined;
		if (status?.id !== undefined && status.is_closed_type !== undefined) embedded.set(String(status.id), status);
	}
	return global.map((s) => {
		const seen = embedded.get(String(s.id));
		return seen ? toStatus(s, seen.is_closed_type) : { ...toStatus(s, false), classified: false };
	});
}

/**
 * The status to close (`closed`) or reopen a task with: the chosen one, which must be of that
 * type, else the first closed-type status, or the default open one.
 */
export async function statusFor(
	this: IAllExecuteFunctions,
	settings: ProjectsSettings,
	projectId: string,
	closed: boolean,
	chosenId: string,
	itemIndex: number,
): Promise<TaskStatus> {
	const statuses = await projectStatuses.call(this, settings, projectId);
	const kind = closed ? 'closed-type' : 'open-type';
	if (chosenId) {
		const chosen = statuses.find((s) => s.id === chosenId);
		if (!chosen) {
			throw new NodeOperationError(this.getNode(), `Status "${chosenId}" is not a task status of project ${projectId}`, { itemIndex });
		}
		if (chosen.classified !== false && chosen.is_closed_type !== closed) {
			throw new NodeOperationError(this.getNode(), `Status "${chosen.name}" (${chosen.id}) is not a ${kind} status`, { itemIndex });
		}
		return chosen;
	}
	const known = statuses.filter((s) => s.classified !== false);
	const fallback = closed
		? known.find((s) => s.is_closed_type)
		: (known.find((s) => s.is_default && !s.is_closed_type) ?? known.find((s) => !s.is_closed_type));
	if (!fallback) {
		throw new NodeOperationError(this.getNode(), `No ${kind} task status is known for project ${projectId}; choose one in the node`, { itemIndex });
	}
	return fallback;
}

export async function portalUsers(this: IAllExecuteFunctions, settings: ProjectsSettings): Promise<IDataObject[]> {
	return await cached(this, `users:${settings.portalId}`, async () =>
		await projectsRequestAll.call(this, settings, { method: 'GET', path: '/users', api: 'v3.1' }, 'users'),
	);
}

/** Owners given as zpuids or e-mails → zpuids; one that is not a portal user is an error naming it. */
export async function resolveOwners(
	this: IAllExecuteFunctions,
	settings: ProjectsSettings,
	refs: string[],
	field: string,
	itemIndex: number,
): Promise<string[]> {
	if (!refs.length) return [];
	const users = await portalUsers.call(this, settings);
	return refs.map((ref) => {
		const wanted = ref.trim().toLowerCase();
		const user = users.find((u) => String(u.zpuid ?? u.id) === ref.trim() || String(u.email ?? '').toLowerCase() === wanted);
		if (!user) {
			throw new NodeOperationError(this.getNode(), `${field}: "${ref}" is not a user of portal ${settings.portalId}`, {
				itemIndex,
				description: 'Give a zpuid or the e-mail address of a user of this Zoho Projects portal (add them to the portal first).',
			});
		}
		return String(user.zpuid ?? user.id);
	});
}
