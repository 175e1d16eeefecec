/**
 * Look-ups the nodes share, each memoised per execution: portal by name, a project, its task
 * statuses, portal users, owners by e-mail.
 */
import type { IAllExecuteFunctions, IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { cached } from '../cache';
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

/** The portal's task statuses (`settings/global-statuses`, documented): ids and names, in Zoho's order. */
export async function globalStatuses(this: IAllExecuteFunctions, settings: ProjectsSettings): Promise<IDataObject[]> {
	return await cached(this, `globalStatuses:${settings.portalId}`, async () =>
		await projectsRequestAll.call(this, settings, { method: 'GET', path: '/settings/global-statuses', qs: { module: 'tasks' } }, undefined),
	);
}

/**
 * A project's task statuses with `is_closed_type`. Zoho documents only the portal's
 * `settings/global-statuses` list, whose items carry ids and names but not whether a status closes a
 * task; the statuses embedded in tasks do carry it. So the list is the global one, classified by the
 * statuses the project's newest tasks are in, and — while no closed-type (or no open-type) status is
 * known, as in a project none of whose tasks was closed yet — by the tasks of up to two other projects
 * of the portal that have such tasks, filtered to the statuses still unknown. A status no task uses
 * stays unclassified (`classified: false`): offered, never chosen on its own as a close or reopen target.
 */
export async function projectStatuses(this: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string): Promise<TaskStatus[]> {
	return await cached(this, `statuses:${settings.portalId}:${projectId}`, async () => {
		const global = await globalStatuses.call(this, settings);
		const closedType = new Map<string, boolean>();
		const learn = (tasks: IDataObject[]) => {
			for (const t of tasks) {
				const status = t.status as IDataObject | undefined;
				if (status?.id !== undefined && status.is_closed_type !== undefined) closedType.set(String(status.id), status.is_closed_type === true || status.is_closed_type === 'true');
			}
		};
		learn(await tasksOf.call(this, settings, projectId));
		for (const other of await otherProjectsToAsk.call(this, settings, projectId, closedType)) {
			const unknown = global.map((s) => String(s.id)).filter((id) => !closedType.has(id));
			if (!unknown.length || knowsBothTypes(closedType)) break;
			learn(await tasksOf.call(this, settings, other, unknown));
		}
		return global.map((s) => {
			const closed = closedType.get(String(s.id));
			return closed === undefined ? { ...toStatus(s, false), classified: false } : toStatus(s, closed);
		});
	});
}

const knowsBothTypes = (closedType: Map<string, boolean>) => [...closedType.values()].includes(true) && [...closedType.values()].includes(false);

/** A project's newest tasks (one page), or those in the given statuses (Zoho's documented `filter` on `status`). */
async function tasksOf(this: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string, statusIds?: string[]): Promise<IDataObject[]> {
	const qs: IDataObject = { sort_by: 'DESC(last_modified_time)' };
	if (statusIds) qs.filter = JSON.stringify({ criteria: [{ field_name: 'status', criteria_condition: 'is', value: statusIds }], pattern: '1' });
	return await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks`, qs }, 'tasks', { limit: 200 });
}

/** The portal's projects (every page), memoised per execution. */
export async function portalProjects(this: IAllExecuteFunctions, settings: ProjectsSettings): Promise<IDataObject[]> {
	return await cached(this, `projects:${settings.portalId}`, async () =>
		await projectsRequestAll.call(this, settings, { method: 'GET', path: '/projects' }, undefined),
	);
}

/** Up to two other projects whose task counts show a task of the type not yet known (none when both are). */
async function otherProjectsToAsk(this: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string, closedType: Map<string, boolean>): Promise<string[]> {
	if (knowsBothTypes(closedType)) return [];
	const wantClosed = ![...closedType.values()].includes(true);
	const projects = await portalProjects.call(this, settings);
	return projects
		// Ids from Zoho's answer still go into a URL: only plain numeric ids are followed.
		.filter((p) => /^\d{1,30}$/.test(String(p.id)) && String(p.id) !== projectId && Number((p.tasks as IDataObject | undefined)?.[wantClosed ? 'closed_count' : 'open_count'] ?? 0) > 0)
		.slice(0, 2)
		.map((p) => String(p.id));
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

export interface TaskFieldDef {
	apiName: string;
	label: string;
	/** True for Zoho's own task fields, false for the portal's custom ones, undefined when Zoho did not say. */
	builtIn?: boolean;
}

/**
 * The task fields of a portal: `GET …/settings/fields?module=tasks` (Zoho Projects V3 "Module Fields",
 * scope ZohoProjects.custom_fields.READ). The route is documented; its response shape is not in any
 * source we hold (the simulator's ASSUMPTIONS.md says what is assumed), so rows without an API name
 * are ignored and the caller treats an empty answer as "cannot tell", never as "no such field".
 */
export async function taskFieldDefs(this: IAllExecuteFunctions, settings: ProjectsSettings): Promise<TaskFieldDef[]> {
	return await cached(this, `taskFields:${settings.portalId}`, async () => {
		const rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: '/settings/fields', qs: { module: 'tasks' } }, 'fields');
		return rows
			.filter((f) => typeof f.api_name === 'string' && f.api_name !== '')
			.map((f) => ({
				apiName: String(f.api_name),
				label: String(f.display_name ?? f.label ?? f.api_name),
				builtIn: typeof f.is_default === 'boolean' ? f.is_default : undefined,
			}));
	});
}
