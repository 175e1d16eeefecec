/**
 * One poll of the Projects trigger over many projects (scopes "All projects of the portal",
 * "Projects of mapped client companies", "Chosen projects").
 *
 * Zoho documents no change feed that names the project of a changed task (see scope.ts), so each
 * project's tasks are listed newest-change first and read only down to that project's watermark:
 * one call per project when nothing changed. Listing every project on every poll would cost
 * 50 calls a minute for 50 projects, 3,000 an hour, more than Zoho's whole allowance for one user
 * (about 100 per 2 minutes). So a poll spends at most "Max Projects Calls per Poll" calls (default 4:
 * 240 an hour at one poll a minute, under 10 % of the default budget of 2,700 an hour) and chooses
 * which projects to look at: those never looked at first, then by how long they have waited,
 * a project that changed in the last hour counting as waiting twenty times longer — work
 * clusters, so a project just edited is likely to be edited again soon, while a quiet one can
 * wait its turn. Nothing is missed by waiting: each project keeps its own watermark, so a
 * postponed project reports everything since its last look.
 *
 * Comments: Zoho has no "comments since" list and a comment leaves its task's modified time alone,
 * so comments are read per task. Only tasks linked to a CRM task (their CRM task id field set) are
 * read — the comment sync has nothing to do with the others — the ones that just changed first,
 * then in turn, within the same per-poll cap (half of it when tasks are watched too).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { NEWEST_FIRST, type ProjectsSettings, asNodeError, hasNextPage, projectsClock, projectsRequest, withCalendarDates, zohoErrorOf } from '../../shared/projects';
import { newComments } from './comments';
import { type WatchScope, isZohoId, listPortalProjects, mappedClientIds, selectProjects } from './scope';
import { type CommentScan, advance, instant, isPast } from './state';

export interface PortalOptions {
	settings: ProjectsSettings;
	scope: Exclude<WatchScope, 'project'>;
	/** Chosen projects (scope chosenProjects). */
	projectIds: string[];
	events: string[];
	maxCallsPerPoll: number;
	/** Task custom field holding the CRM task id: a task with it set is linked. */
	crmIdField: string;
	/** CRM account field holding the mapped client company id (scope mappedClients). */
	accountClientField: string;
}

export interface ProjectWatch {
	/** Newest `last_modified_time` seen in this project (or when watching began), and the ids at it. */
	mark: string;
	ids?: string[];
	/** When the project's tasks were last listed (ms, Projects clock). */
	polled?: number;
	/** When a change was last seen in it (ms). */
	changed?: number;
	comments?: CommentScan;
	/** When its comments were last read (ms), for taking turns. */
	commented?: number;
}

export interface PortalState {
	projects: Record<string, ProjectWatch>;
	/** When the watched set was last worked out (ms). */
	listed?: number;
	/** What it was worked out for (scope, chosen ids, account field): a change is applied at once. */
	basis?: string;
	/** Calls a poll spent beyond the cap (a long listing finishes), taken from the next polls. */
	debt?: number;
	/** Polls made, for alternating the fair turn when a poll has room for one look only. */
	polls?: number;
}

/** The project set is worked out again this often: a new project is noticed within 15 minutes. */
export const REFRESH_MS = 15 * 60_000;
/** A project that changed this recently counts as busy (work clusters: it is likely to change again). */
const BUSY_MS = 60 * 60_000;
const BUSY_WEIGHT = 20;
/** Bounds the static data: a portal larger than this is watched on its first 1,000 projects. */
export const MAX_WATCHED = 1000;
const TASK_PAGE = 200;

const seconds = (ms: number) => new Date(Math.floor(ms / 1000) * 1000).toISOString();

function linked(task: IDataObject, field: string): boolean {
	const value = task[field];
	return value !== undefined && value !== null && String(value).trim() !== '';
}

/** Bring the watched set up to date; `count` is told of each Projects call. */
async function refreshScope(this: IPollFunctions, state: PortalState, o: PortalOptions, now: number, count: () => void): Promise<void> {
	let ids: string[];
	if (o.scope === 'chosenProjects') {
		ids = o.projectIds;
	} else {
		const clients = o.scope === 'mappedClients' ? await mappedClientIds.call(this, o.accountClientField) : undefined;
		ids = selectProjects(await listPortalProjects.call(this, o.settings, count), o.scope, clients);
	}
	ids = ids.slice(0, MAX_WATCHED);
	const first = state.listed === undefined;
	// A project that appeared since the last look may have got its tasks in between: report from then.
	const since = seconds(first ? now : state.listed!);
	const keep = new Set(ids);
	for (const id of Object.keys(state.projects)) if (!keep.has(id)) delete state.projects[id];
	for (const id of ids) state.projects[id] ??= { mark: since };
	state.listed = now;
	state.basis = basisOf(o);
}

const basisOf = (o: PortalOptions) => JSON.stringify([o.scope, o.projectIds, o.scope === 'mappedClients' ? o.accountClientField : '']);

/**
 * The order projects are looked at. The first look of a poll goes to the project that has waited
 * longest, whatever its history, so a quiet project is never starved by busy ones: with N projects
 * each is looked at within N polls of its last look (2N when a poll has room for one look only,
 * as the fair turn then alternates with the busy one). The other looks go by weighted wait, a
 * project changed in the last hour counting its wait twenty times.
 */
function lookOrder(state: PortalState, now: number, fairFirst: boolean): string[] {
	const never = (w: ProjectWatch) => w.polled === undefined;
	const wait = (w: ProjectWatch) => (never(w) ? Number.POSITIVE_INFINITY : now - w.polled! + 1);
	const weighted = (w: ProjectWatch) => wait(w) * (w.changed !== undefined && now - w.changed < BUSY_MS ? BUSY_WEIGHT : 1);
	const ids = Object.keys(state.projects);
	const byWeight = [...ids].sort((a, b) => weighted(state.projects[b]) - weighted(state.projects[a]));
	if (!fairFirst || !ids.length) return byWeight;
	const oldest = ids.reduce((a, b) => (wait(state.projects[b]) > wait(state.projects[a]) ? b : a));
	return [oldest, ...byWeight.filter((id) => id !== oldest)];
}

interface Listing {
	tasks: IDataObject[];
	/** Whether the whole list was read (so every linked task is known). */
	full: boolean;
}

/** A project's tasks newest-change first, down to its watermark (or all of them when `full`). */
async function listProject(this: IPollFunctions, o: PortalOptions, projectId: string, w: ProjectWatch, full: boolean, count: () => void): Promise<Listing> {
	const stop = instant(w.mark);
	const tasks: IDataObject[] = [];
	for (let page = 1; ; page++) {
		count();
		const body = (await projectsRequest.call(this, o.settings, { method: 'GET', path: `/projects/${projectId}/tasks`, qs: { ...NEWEST_FIRST, page, per_page: TASK_PAGE } })) as IDataObject | undefined;
		const rows = Array.isArray(body?.tasks) ? (body.tasks as IDataObject[]) : [];
		for (const row of rows) {
			if (!full && instant(row.last_modified_time) < stop) return { tasks, full: false };
			tasks.push(row);
		}
		if (!rows.length || !hasNextPage(body, rows.length, TASK_PAGE)) return { tasks, full: true };
	}
}

export async function portalPoll(this: IPollFunctions, state: PortalState, o: PortalOptions): Promise<INodeExecutionData[][] | null> {
	const now = projectsClock().now();
	let used = 0;
	const count = () => void used++;
	const cap = Math.max(1, o.maxCallsPerPoll - (state.debt ?? 0));
	state.debt = Math.max(0, (state.debt ?? 0) - o.maxCallsPerPoll);

	// Chosen projects cost no call to work out, so an edited choice applies at the next poll.
	const due = state.listed === undefined || now - state.listed >= REFRESH_MS || o.scope === 'chosenProjects' || state.basis !== basisOf(o);
	if (due) await refreshScope.call(this, state, o, now, count);

	const wantTasks = o.events.some((e) => e.startsWith('task'));
	const wantComments = o.events.includes('commentAdded');
	// Comments get half of what is left when tasks are watched too (rounded down: with a cap of 1
	// only task changes are looked for). Watching comments alone still lists one project per poll,
	// which is how linked tasks and their changes are known.
	const left = () => cap - used;
	const taskShare = wantComments ? (wantTasks ? Math.ceil(left() / 2) : Math.min(left(), 1)) : left();
	const taskLimit = used + taskShare;

	const out: IDataObject[] = [];
	const hot: Record<string, string[]> = {};
	state.polls = (state.polls ?? 0) + 1;
	const fairFirst = taskShare >= 2 || state.polls % 2 === 0;
	for (const projectId of lookOrder(state, now, fairFirst)) {
		if (used >= taskLimit) break;
		const w = state.projects[projectId];
		if (wantComments) w.comments ??= { since: w.mark, queue: [], seen: {} };
		// A new comment round needs every linked task: read the whole list this time.
		const full = wantComments && !w.comments?.queue.length;
		let listing: Listing;
		try {
			listing = await listProject.call(this, o, projectId, w, full, count);
		} catch (error) {
			// A project deleted or closed to this user since the last listing: stop watching it.
			if (zohoErrorOf(error)?.status === 404) {
				delete state.projects[projectId];
				continue;
			}
			throw asNodeError(this.getNode(), error);
		}
		w.polled = now;
		const changed = listing.tasks.filter((t) => isPast(t.last_modified_time, String(t.id), w.mark, w.ids));
		if (changed.length) w.changed = now;
		for (const task of changed) {
			const event = isPast(task.created_time, String(task.id), w.mark, w.ids) ? 'taskCreated' : 'taskUpdated';
			if (o.events.includes(event)) out.push({ event, portal_id: o.settings.portalId, project_id: projectId, ...withCalendarDates(task) });
		}
		const [mark, ids] = advance(listing.tasks.map((t) => ({ time: t.last_modified_time, id: String(t.id) })), w.mark, w.ids);
		w.mark = mark ?? w.mark;
		w.ids = ids;
		if (w.comments) {
			const linkedIds = listing.tasks.filter((t) => linked(t, o.crmIdField) && isZohoId(String(t.id))).map((t) => String(t.id));
			if (listing.full) {
				w.comments.queue = [...linkedIds];
				const live = new Set(linkedIds);
				for (const id of Object.keys(w.comments.seen)) if (!live.has(id)) delete w.comments.seen[id];
			}
			const hotIds = changed.filter((t) => linked(t, o.crmIdField) && isZohoId(String(t.id))).map((t) => String(t.id));
			if (hotIds.length) hot[projectId] = hotIds;
		}
	}

	if (wantComments) {
		// Linked tasks that just changed first, then the projects' queues in turn.
		const share: Record<string, number> = {};
		let budget = left();
		for (const [projectId, ids] of Object.entries(hot)) {
			const n = Math.min(budget, ids.length);
			if (n > 0) share[projectId] = n;
			budget -= n;
		}
		const waiting = Object.keys(state.projects)
			.filter((id) => state.projects[id].comments?.queue.length)
			.sort((a, b) => (state.projects[a].commented ?? 0) - (state.projects[b].commented ?? 0));
		for (let turn = 0; budget > 0 && waiting.length; turn = (turn + 1) % waiting.length) {
			const id = waiting[turn];
			const room = (state.projects[id].comments?.queue.length ?? 0) + (hot[id]?.length ?? 0) - (share[id] ?? 0);
			if (room <= 0) {
				waiting.splice(turn, 1);
				turn--;
				continue;
			}
			share[id] = (share[id] ?? 0) + 1;
			budget--;
		}
		for (const [projectId, n] of Object.entries(share)) {
			const w = state.projects[projectId];
			if (!w?.comments) continue;
			used += n;
			w.commented = now;
			out.push(...(await newComments.call(this, o.settings, projectId, w.comments, hot[projectId] ?? [], n)));
		}
	}

	state.debt = (state.debt ?? 0) + Math.max(0, used - cap);
	return out.length ? [this.helpers.returnJsonArray(out)] : null;
}

/** "Fetch test event": the newest task of the first watched project, state left alone. */
export async function portalSample(this: IPollFunctions, o: PortalOptions): Promise<INodeExecutionData[][] | null> {
	const scratch: PortalState = { projects: {} };
	await refreshScope.call(this, scratch, o, projectsClock().now(), () => undefined);
	for (const projectId of Object.keys(scratch.projects).slice(0, 3)) {
		const body = (await projectsRequest.call(this, o.settings, { method: 'GET', path: `/projects/${projectId}/tasks`, qs: { ...NEWEST_FIRST, page: 1, per_page: 1 } })) as IDataObject | undefined;
		const task = (Array.isArray(body?.tasks) ? (body.tasks as IDataObject[]) : [])[0];
		if (!task) continue;
		const event = task.created_time === task.last_modified_time ? 'taskCreated' : 'taskUpdated';
		return [this.helpers.returnJsonArray([{ event, portal_id: o.settings.portalId, project_id: projectId, ...withCalendarDates(task) }])];
	}
	return null;
}
