/**
 * What the console page shows, computed on the simulator side: CRM and Projects tasks paired by their
 * link fields (DESIGN §4), the people one may act as, the pick lists, and the latest API calls.
 * Pairing here (typed, beside the stores) keeps the page a thin renderer.
 */
import type { TaskRec } from '../projects/types';
import { API_USER, FIELDS } from '../seed-data';
import type { ZohoSim } from '../server';

export interface Person {
	id: string;
	name: string;
	email: string;
}

export interface CrmTaskView {
	id: string;
	subject: string;
	/** Calendar date `YYYY-MM-DD`, or '' when unset. */
	due: string;
	status: string;
	priority: string;
	owner?: Person;
	modified: string;
	modifiedBy?: Person;
	/** The related Account or Deal, for context. */
	related?: string;
	/** Raw link field value `portal:project:task`, '' when empty. */
	link: string;
}

export interface ProjectsTaskView {
	id: string;
	key: string;
	name: string;
	/** Calendar dates `YYYY-MM-DD`, or '' when unset. */
	start: string;
	end: string;
	statusId: string;
	status: string;
	closed: boolean;
	priority: string;
	owners: Person[];
	modified: string;
	modifiedBy?: Person;
	projectId: string;
	parentName?: string;
	/** The CRM task id in the task's link custom field, '' when empty. */
	crmTaskId: string;
}

export type LinkState = 'linked' | 'unlinked' | 'broken';

export interface Row {
	state: LinkState;
	/** Why a link counts as broken. */
	note?: string;
	crm?: CrmTaskView;
	projects?: ProjectsTaskView;
}

export interface ProjectView {
	id: string;
	name: string;
	strict: boolean;
	start: string;
	end: string;
	/** zpuids of the project users: the only possible task owners. */
	members: string[];
}

export interface ActivityView {
	time: string;
	product: string;
	method: string;
	path: string;
	status: number;
}

export interface ConsoleLink {
	label: string;
	url: string;
}

export interface ConsoleModel {
	/** The simulator clock (ISO). Relative times on the page count from it, not from the browser's clock. */
	now: string;
	links: ConsoleLink[];
	/** `apiUserId`: the user n8n's credential acts as (its writes are the sync's, not a person's). */
	crm: { users: Person[]; apiUserId: string; statuses: string[]; priorities: string[] };
	projects: { users: Person[]; apiUserId: string; statuses: { id: string; name: string; closed: boolean }[]; priorities: string[]; projects: ProjectView[] };
	rows: Row[];
	activity: ActivityView[];
}

const ACTIVITY_ENTRIES = 14;

export function buildModel(sim: ZohoSim, links: ConsoleLink[]): ConsoleModel {
	const crmTasks = sim.crm.store.all('Tasks').flatMap((r) => {
		const rec = sim.crm.getRecord('Tasks', r.id);
		return rec ? [crmView(rec)] : [];
	});
	const zpTasks = [...sim.projects.store.tasks.values()]
		.filter((t) => !t.deleted)
		.sort((a, b) => a.seq - b.seq)
		.map((t) => projectsView(sim, t));
	return {
		now: sim.clock.iso(),
		links,
		crm: {
			users: sim.crm.users.users.filter((u) => u.status === 'active').map((u) => ({ id: u.id, name: u.full_name, email: u.email })),
			apiUserId: API_USER.crmId,
			statuses: pickList(sim, 'Status'),
			priorities: pickList(sim, 'Priority'),
		},
		projects: {
			users: [...sim.projects.store.users.values()].filter((u) => u.active).map((u) => ({ id: u.zpuid, name: u.name, email: u.email })),
			apiUserId: API_USER.zpuid,
			statuses: [...sim.projects.store.statuses.values()].map((s) => ({ id: s.id, name: s.name, closed: s.is_closed_type })),
			priorities: ['none', 'low', 'medium', 'high'],
			projects: [...sim.projects.store.projects.values()].map((p) => ({
				id: p.id,
				name: p.name,
				strict: p.is_strict_project,
				start: p.start_date,
				end: p.end_date,
				members: [...p.members],
			})),
		},
		rows: pairRows(crmTasks, zpTasks),
		activity: sim.log.entries
			.filter((e) => e.product === 'crm' || e.product === 'projects')
			.slice(-ACTIVITY_ENTRIES)
			.reverse()
			.map((e) => ({ time: sim.clock.iso(e.time), product: e.product, method: e.method, path: e.path, status: e.status })),
	};
}

/**
 * A pair is linked only when each side names the other. One-sided or dangling links are "broken":
 * exactly what a person should notice (a deleted counterpart, a half-written link).
 */
export function pairRows(crmTasks: CrmTaskView[], zpTasks: ProjectsTaskView[]): Row[] {
	const zpById = new Map(zpTasks.map((t) => [t.id, t]));
	const crmIds = new Set(crmTasks.map((t) => t.id));
	const placed = new Set<string>();
	const rows: Row[] = [];
	for (const crm of crmTasks) {
		const targetId = crm.link.split(':')[2] ?? '';
		const target = targetId ? zpById.get(targetId) : undefined;
		if (targetId && !target) {
			rows.push({ state: 'broken', note: `Projects task ${targetId} no longer exists`, crm });
		} else if (target && !placed.has(target.id)) {
			placed.add(target.id);
			const state: LinkState = target.crmTaskId === crm.id ? 'linked' : 'broken';
			const note = state === 'linked' ? undefined : target.crmTaskId ? `the Projects task links to CRM task ${target.crmTaskId}` : 'the Projects task has no link back';
			rows.push({ state, note, crm, projects: target });
		} else if (target) {
			rows.push({ state: 'broken', note: `Projects task ${target.id} is already linked to another CRM task`, crm });
		} else {
			const pointing = zpTasks.find((t) => t.crmTaskId === crm.id && !placed.has(t.id));
			if (pointing) placed.add(pointing.id);
			rows.push(pointing ? { state: 'broken', note: 'the CRM task has no link to this Projects task', crm, projects: pointing } : { state: 'unlinked', crm });
		}
	}
	for (const zp of zpTasks) {
		if (placed.has(zp.id)) continue;
		if (!zp.crmTaskId) rows.push({ state: 'unlinked', projects: zp });
		else rows.push({ state: 'broken', note: crmIds.has(zp.crmTaskId) ? `CRM task ${zp.crmTaskId} links elsewhere` : `CRM task ${zp.crmTaskId} no longer exists`, projects: zp });
	}
	return rows;
}

function crmView(rec: Record<string, unknown>): CrmTaskView {
	return {
		id: str(rec.id),
		subject: str(rec.Subject),
		due: str(rec.Due_Date),
		status: str(rec.Status),
		priority: str(rec.Priority),
		owner: person(rec.Owner),
		modified: str(rec.Modified_Time),
		modifiedBy: person(rec.Modified_By),
		related: name(rec.What_Id),
		link: str(rec[FIELDS.taskLink]),
	};
}

function projectsView(sim: ZohoSim, t: TaskRec): ProjectsTaskView {
	const store = sim.projects.store;
	const status = store.statusOf(t);
	const project = store.projects.get(t.projectId);
	const people = (zpuid: string): Person | undefined => {
		const u = store.users.get(zpuid);
		return u ? { id: u.zpuid, name: u.name, email: u.email } : undefined;
	};
	return {
		id: t.id,
		key: `${project?.key ?? 'T'}-T${t.number}`,
		name: t.name,
		start: t.start_date,
		end: t.end_date,
		statusId: status.id,
		status: status.name,
		closed: status.is_closed_type,
		priority: t.priority,
		owners: t.ownerZpuids.flatMap((z) => people(z) ?? []),
		modified: t.last_modified_time,
		modifiedBy: people(t.updatedBy),
		projectId: t.projectId,
		parentName: t.parentId ? store.tasks.get(t.parentId)?.name : undefined,
		crmTaskId: t.custom[FIELDS.projectsCrmTaskId] ?? '',
	};
}

function pickList(sim: ZohoSim, apiName: string): string[] {
	return [...(sim.crm.fields.list('Tasks').find((f) => f.api_name === apiName)?.pick_list_values ?? [])];
}

const str = (value: unknown): string => (typeof value === 'string' ? value : value === null || value === undefined ? '' : String(value));

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function person(value: unknown): Person | undefined {
	if (!isRecord(value) || typeof value.id !== 'string') return undefined;
	return { id: value.id, name: str(value.name), email: str(value.email) };
}

function name(value: unknown): string | undefined {
	return isRecord(value) && typeof value.name === 'string' ? value.name : undefined;
}
