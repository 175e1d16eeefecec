/**
 * What one Reconcile run looks at, and what it costs:
 * - CRM tasks changed since the cursor with their synced fields (CRM, 1 call per 200), with the
 *   Projects comments Sync Comment recorded as pending on them (./comments/pending.ts); a task that
 *   holds what was last synced (the sync's own write) is no candidate;
 * - CRM notes changed since the cursor (CRM, 1 per 200): their pairs' comments are checked;
 * - CRM tasks deleted since the cursor (CRM, 1 per 200);
 * - Zoho Projects: the portal's projects (1) and each project's tasks, newest first, down to the
 *   cursor (usually 1 per project); a listed task that holds what was last synced, of a CRM task the
 *   CRM listing showed unchanged, is no candidate. Only when a deleted CRM task was reported, or a Full Sweep is due,
 *   each project is listed completely (1 per 200 tasks) — the only way to find the Projects task
 *   holding a CRM id, since Projects has no custom-field filter.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { portalProjects, projectsRequestAll } from '../../../shared/projects';
import { MIRROR_MARKER, type TaskLink } from '../../../shared/sync/links';
import { changedSinceBase } from '../../../shared/sync/engine';
import { canonicalCrm, canonicalProjects } from '../../../shared/sync/fields';
import { parseState } from '../../../shared/sync/state';
import type { Side, SyncState, Values } from '../../../shared/sync/types';
import { crmTaskFromRecord, projectsTaskFromJson } from '../../../shared/sync/views';
import type { Gateway } from '../../gateway';
import type { SyncSettings } from '../../settings';
import { pendingComments } from '../comments/pending';
import { mergeWork, type CommentWork } from './comments';
import { fingerprint, type Mark, Stream } from './marks';

export const time = (value: unknown) => Date.parse(String(value ?? ''));
const iso = (ms: number) => new Date(ms).toISOString();
export const isId = (value: unknown) => /^\d+$/.test(String(value ?? ''));

export interface Candidate {
	initiator: Side;
	modified: number;
	/** Walk the pair like Sync Task. */
	task: boolean;
	/** The Projects task naming this CRM task, when the walk saw it: it can still be unlinked if the CRM task is gone. */
	projects?: { link: TaskLink; task: IDataObject };
	comments?: CommentWork;
	retried?: number;
}

export class Candidates extends Map<string, Candidate> {
	note(crmTaskId: string, side: Side, modified: number, extra: Partial<Candidate> = {}): void {
		const seen = this.get(crmTaskId);
		const newer = !seen || modified > seen.modified;
		this.set(crmTaskId, {
			initiator: newer ? side : seen.initiator,
			modified: newer ? modified : seen.modified,
			task: (seen?.task ?? false) || (extra.task ?? true),
			projects: extra.projects ?? seen?.projects,
			comments: extra.comments ? mergeWork(seen?.comments, extra.comments) : seen?.comments,
			retried: extra.retried ?? seen?.retried,
		});
	}
}

export interface Listing {
	candidates: Candidates;
	marks: Record<string, Mark>;
	/** Every Projects task id listed, when the projects were listed completely. */
	allTaskIds?: Set<string>;
	/** Projects tasks holding a CRM id, when listed completely: CRM id → where. */
	holders?: Map<string, { link: TaskLink; task: IDataObject }>;
	deletedCrm: number;
	since: number;
}

export async function listChanges(
	this: IExecuteFunctions,
	gw: Gateway,
	settings: SyncSettings,
	portalId: string,
	marks: Record<string, Mark>,
	fallback: number,
	explicit: boolean,
	fullSweep: boolean,
): Promise<Listing> {
	const { link: linkField, state: stateField, projectsCrmId } = settings.fields;
	const candidates = new Candidates();
	/** Sync states of the CRM tasks listed: enough to tell a listed Projects task that holds what was last synced. */
	const states = new Map<string, SyncState>();
	const stream = (key: string) => new Stream(marks[key], fallback, explicit);
	const out: Record<string, Mark> = {};
	const from = fallback;

	const crm = stream('crm');
	// The synced fields come with the listing: a task that holds what was last synced (the sync's own
	// write, typically) is no candidate, and costs no read.
	const synced = ['Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner', ...settings.config.customFields.map((p) => p.crm)];
	const crmRows = await crmList.call(this, {
		path: '/Tasks',
		qs: { fields: [linkField, stateField, 'Modified_Time', ...synced].join(','), sort_by: 'Modified_Time', sort_order: 'desc' },
		headers: { 'If-Modified-Since': iso(crm.since) },
		keep: (r) => !!r[linkField] && isId(r.id),
		what: 'list the tasks changed since the cursor',
	});
	const own = [stateField, linkField, `${linkField}_URL`, 'Modified_Time', 'Modified_By'];
	const second = (ms: number) => Math.floor(ms / 1000);
	const newestSecond = Math.max(...crmRows.map((r) => second(time(r.Modified_Time))), second(marks.crm?.at ?? 0));
	const markSecond = marks.crm && !explicit ? second(marks.crm.at) : NaN;
	for (const row of crmRows) {
		const id = String(row.id);
		const at = time(row.Modified_Time);
		const pending = pendingComments(row, settings);
		if (pending.length) candidates.note(id, 'crm', at, { task: false, comments: { from, notes: [], comments: pending } });
		// Only an item of the mark's second can be one already walked, and only one of the newest second is
		// remembered; the listing carries the synced fields, which is all its fingerprint needs to tell edits apart.
		const print = second(at) === newestSecond || second(at) === markSecond ? fingerprint(row, own) : '';
		const known = crm.known(id, at, print);
		crm.saw(id, at, print);
		const state = parseState(row[stateField]);
		if (state) states.set(id, state);
		if (!known && !(state && sideAsSynced('crm', canonicalCrm(crmTaskFromRecord(row), settings.config), state, settings))) candidates.note(id, 'crm', at);
	}
	out.crm = crm.result();

	const notes = stream('notes');
	const noteRows = await crmList.call(this, {
		path: '/Notes',
		qs: { fields: 'Note_Content,Parent_Id,Modified_Time', sort_by: 'Modified_Time', sort_order: 'desc' },
		headers: { 'If-Modified-Since': iso(notes.since) },
		keep: (n) => ((n.Parent_Id ?? {}) as IDataObject & { module?: IDataObject }).module?.api_name === 'Tasks' && !MIRROR_MARKER.test(String(n.Note_Content ?? '')),
		what: 'list the notes changed since the cursor',
	});
	for (const note of noteRows) {
		const parent = String((note.Parent_Id as IDataObject).id ?? '');
		const at = time(note.Modified_Time);
		const known = notes.known(String(note.id), at, '');
		notes.saw(String(note.id), at, '');
		if (!known && isId(parent)) candidates.note(parent, 'crm', at, { task: false, comments: { from, notes: [String(note.id)], comments: [] } });
	}
	out.notes = notes.result();

	const deleted = stream('deleted');
	const deletedRows = await crmList.call(this, {
		path: '/Tasks/deleted',
		qs: { type: 'all' },
		headers: { 'If-Modified-Since': iso(deleted.since) },
		what: 'list the tasks deleted since the cursor',
	});
	const deletedIds = new Set<string>();
	for (const row of deletedRows) {
		const at = time(row.deleted_time);
		if (!deleted.known(String(row.id), at, '') && isId(row.id)) deletedIds.add(String(row.id));
		deleted.saw(String(row.id), at, '');
	}
	out.deleted = deleted.result();

	const complete = fullSweep || deletedIds.size > 0;
	const allTaskIds = complete ? new Set<string>() : undefined;
	const holders = complete ? new Map<string, { link: TaskLink; task: IDataObject }>() : undefined;
	const projects = await portalProjects.call(this, gw.projectsSettings(portalId));
	for (const project of projects) {
		const projectId = String(project.id);
		if (!isId(projectId)) continue;
		const tasks = stream(`p:${projectId}`);
		const rows = await projectsRequestAll.call(
			this,
			gw.projectsSettings(portalId),
			{ method: 'GET', path: `/projects/${projectId}/tasks`, qs: { sort_by: 'DESC(last_modified_time)' } },
			'tasks',
			complete ? {} : { stopAt: (t) => time(t.last_modified_time) <= tasks.since, keep: (t) => !!t[projectsCrmId] },
		);
		for (const task of rows) {
			allTaskIds?.add(String(task.id));
			const crmTaskId = String(task[projectsCrmId] ?? '');
			if (!isId(crmTaskId)) continue;
			const where = { link: { portalId, projectId, taskId: String(task.id) }, task };
			holders?.set(crmTaskId, where);
			const at = time(task.last_modified_time);
			if (deletedIds.has(crmTaskId)) candidates.note(crmTaskId, 'projects', at, { projects: where });
			if (at <= tasks.since) continue;
			const print = fingerprint(task, ['last_modified_time']);
			const known = tasks.known(String(task.id), at, print);
			tasks.saw(String(task.id), at, print);
			const state = states.get(crmTaskId);
			const asSynced = !!state && !candidates.has(crmTaskId) && sideAsSynced('projects', canonicalProjects(projectsTaskFromJson(task, portalId, projectId), settings.config), state, settings);
			if (!known && !asSynced) candidates.note(crmTaskId, 'projects', at, { projects: where });
		}
		out[`p:${projectId}`] = tasks.result();
	}
	return { candidates, marks: out, allTaskIds, holders, deletedCrm: deletedIds.size, since: from };
}

/** This side holds what the pair last synced: nothing on it to carry over. */
function sideAsSynced(side: Side, values: Values, state: SyncState, settings: SyncSettings): boolean {
	return !changedSinceBase(side, values, state, settings.config).length;
}

/**
 * Full Sweep: every linked CRM task (`linked`: ./rotation.ts, CRM, 1 call per 200) against the
 * complete Projects listing. A CRM task naming a Projects task that was not listed is walked (1
 * Projects read each: gone → unlinked; there, e.g. in a project the listing does not show → synced);
 * a Projects task naming a CRM task that does not link back is walked too (CRM only: gone → unlinked).
 */
export function sweep(settings: SyncSettings, portalId: string, listing: Listing, linked: IDataObject[]): void {
	const { allTaskIds, holders, candidates } = listing;
	if (!allTaskIds || !holders) return;
	const linkField = settings.fields.link;
	const linkedIds = new Set<string>();
	for (const row of linked) {
		const id = String(row.id);
		linkedIds.add(id);
		const [portal, , taskId] = String(row[linkField]).split(':');
		// Noted even when a listing already named the pair for its comments only: the pair itself is walked.
		if (portal === portalId && taskId && !allTaskIds.has(taskId)) candidates.note(id, 'crm', time(row.Modified_Time));
	}
	for (const [crmTaskId, where] of holders) {
		if (!linkedIds.has(crmTaskId)) candidates.note(crmTaskId, 'projects', time(where.task.last_modified_time), { projects: where });
	}
}
