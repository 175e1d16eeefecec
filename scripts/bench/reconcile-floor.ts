/**
 * What a Reconcile run of `npm run bench:reconcile` (./reconcile.ts) spent, by kind, and its paging
 * floor (defined there) from the simulator's data: what a run must list and write, whatever the node does.
 */
import type { SyncEnv } from '../../test/sync-node/helpers';

interface Kinds {
	/** Listing pages: CRM tasks, notes, deletions; the portal's projects and each one's tasks. */
	listings: number;
	/** Task reads by id: one task, or (CRM) up to 100 by `ids`. */
	reads: number;
	/** A task's history (CRM timeline, Projects activities): evidence of who wrote a field. */
	histories: number;
	/** Everything else that reads: field checks, rule look-ups (project, statuses, members, users). */
	lookups: number;
	writes: number;
	total: number;
}

export interface Calls {
	crm: Kinds;
	projects: Kinds;
	total: number;
}

export interface Floor {
	/** The field checks and the listing pages: all a run with nothing changed may cost. */
	listings: number;
	projectsWrites: number;
	crmWrites: number;
	/** The floor's CRM and Projects calls. */
	crm: number;
	projects: number;
	total: number;
}

const CRM_LISTING = /^\/crm\/v8\/(Tasks|Notes|Tasks\/deleted)$/;
const CRM_READ = /^\/crm\/v8\/Tasks\/\d+$/;
const PROJECTS_LISTING = /^\/api\/v3\/portal\/\d+\/projects(\/\d+\/tasks)?$/;
const BY_IDS = /(^|&)ids=/;
const HISTORY = /\/(__timeline|activities)$/;
const PROJECTS_READ = /^\/api\/v3\/portal\/\d+\/projects\/\d+\/tasks\/\d+$/;

/** Reads of the field checks every run starts with. */
const SETUP = /\/settings\/fields$/;

/**
 * `entries`: one run's requests, in order. A listing path counts as a listing only before the first
 * decision's request (the status look-up reads a project's tasks by the same path); a request Zoho
 * refused for an expired token is resent after the refresh and counted once.
 */
export function countCalls(entries: { product: string; method: string; path: string; query: string; status: number }[]): Calls {
	const sent = entries.filter((e) => e.status !== 401);
	const listingPhase = sent.findIndex((e) => (e.product === 'crm' || e.product === 'projects') && !(e.method === 'GET' && !BY_IDS.test(e.query) && (SETUP.test(e.path) || CRM_LISTING.test(e.path) || PROJECTS_LISTING.test(e.path))));
	const phaseEnd = listingPhase < 0 ? sent.length : listingPhase;
	const kinds = (product: string, listing: RegExp, read: RegExp): Kinds => {
		const own = sent.map((e, i) => ({ ...e, i })).filter((e) => e.product === product);
		const gets = own.filter((e) => e.method === 'GET');
		const listings = gets.filter((e) => e.i < phaseEnd && listing.test(e.path)).length;
		const reads = gets.filter((e) => read.test(e.path) || (e.i >= phaseEnd && BY_IDS.test(e.query))).length;
		const histories = gets.filter((e) => HISTORY.test(e.path)).length;
		return { listings, reads, histories, lookups: gets.length - listings - reads - histories, writes: own.length - gets.length, total: own.length };
	};
	const crm = kinds('crm', CRM_LISTING, CRM_READ);
	const projects = kinds('projects', PROJECTS_LISTING, PROJECTS_READ);
	return { crm, projects, total: crm.total + projects.total };
}

const PAGE = 200;
const CRM_RECORDS_PER_WRITE = 100;

/**
 * The floor of a run listing from `since` (ms: when the previous run started; Zoho's times are whole
 * seconds), which must write `writes.projects` Projects tasks and `writes.crm` CRM records.
 */
export function floorOf(env: SyncEnv, since: number, writes: { projects: number; crm: number }): Floor {
	const from = since - (since % 1000);
	const crmChanged = env.sim.crm.store.all('Tasks').filter((r) => Date.parse(String(r.Modified_Time)) >= from).length;
	// The CRM task field check, then the tasks, notes and deletions.
	const crmListings = 1 + Math.max(1, Math.ceil(crmChanged / PAGE)) + 1 + 1;
	// The Projects task field check, then the projects and each one's tasks.
	let projectsListings = 1 + 1;
	for (const projectId of env.sim.projects.store.projects.keys()) {
		const tasks = env.sim.projects.store.liveTasks(projectId);
		const changed = tasks.filter((t) => Date.parse(t.last_modified_time) >= from).length;
		// Newest first, down to the first task not changed: that task's page is read too.
		projectsListings += changed < tasks.length ? Math.floor(changed / PAGE) + 1 : Math.max(1, Math.ceil(changed / PAGE));
	}
	const crmWrites = Math.ceil(writes.crm / CRM_RECORDS_PER_WRITE);
	const crm = crmListings + crmWrites;
	const projects = projectsListings + writes.projects;
	return { listings: crmListings + projectsListings, projectsWrites: writes.projects, crmWrites, crm, projects, total: crm + projects };
}
