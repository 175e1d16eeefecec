/**
 * The comment check: a Projects comment changes nothing Reconcile lists (not the task's modified
 * time), so one whose event was never handled (a dropped poll batch, an execution that never ran)
 * would stay unmirrored forever. Each run therefore also checks the comments of a few linked pairs
 * ("Comment Check: Pairs per Run"), round-robin over all linked pairs of the portal in CRM id order,
 * so every pair is checked every ceil(pairs / per run) runs. A pair whose comments this run checks
 * anyway (a changed note, a pending comment) is checked with the rotation's rule at no extra cost and
 * does not use up a slot. A Full Sweep does not check all pairs' comments: that would cost one
 * Projects call per linked pair in one run, starving the budget the event-driven syncs share, and
 * the rotation already covers them (20 per run × 96 runs a day, the template's schedule, is 1,920
 * pairs a day).
 *
 * Which comments count: every user note/comment created since the pair's sync began — the sync
 * state's `linkedAt` (its first write), or, for a pair without one (state of an older version, or
 * never synced), since this node began checking comments — never the history from before.
 *
 * Cost per run: the linked CRM tasks (CRM, 1 call per 200 tasks) and, per checked pair, one Projects
 * read of the task's comments (per 200 comments) and one CRM read of its notes; one write per missing
 * mirror (plus the twin check, ../comments/twins.ts).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { parseTaskLink } from '../../../shared/sync/links';
import { parseState } from '../../../shared/sync/state';
import type { SyncSettings } from '../../settings';
import type { Candidates } from './listings';

/** Kept in the node's static data. */
export interface RotationData {
	/** The last CRM task id checked: the next run starts after it. */
	after?: string;
	/** When the node began checking comments (ms): the rule for pairs without `linkedAt`. */
	from?: number;
}

/** How far the rotation is, for the summary: a caller can tell when every pair has been checked since a given run. */
export interface RotationReport {
	/** Pairs whose comments the rotation checked in this run. */
	checked: number;
	/** Linked pairs of the portal. */
	of: number;
	/** Pairs of the current round done, after this run. */
	position: number;
	/** Whether this run reached the last pair (a round is complete). */
	wrapped: boolean;
}

export const compareIds = (a: string, b: string): number => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);

/** Every linked CRM task, by id (CRM, 1 call per 200 tasks). */
export async function linkedTasks(this: IExecuteFunctions, settings: SyncSettings): Promise<IDataObject[]> {
	const { link, state } = settings.fields;
	const rows = await crmList.call(this, {
		path: '/Tasks',
		qs: { fields: `${link},${state},Modified_Time`, sort_by: 'id', sort_order: 'asc' },
		keep: (r) => !!r[link] && /^\d+$/.test(String(r.id ?? '')),
		what: 'list the linked tasks',
	});
	return rows.sort((a, b) => compareIds(String(a.id), String(b.id)));
}

/** The linked pairs the rotation goes round: those of this portal (the Projects budget is per portal). */
export const portalPairs = (linked: IDataObject[], settings: SyncSettings, portalId: string): IDataObject[] =>
	linked.filter((r) => parseTaskLink(r[settings.fields.link])?.portalId === portalId);

/**
 * From when a pair's comments count: its first sync, else `fallback`. Not rounded down to Zoho's
 * whole seconds: a comment from before the link must not count; one made within the same second
 * after it has its own event, and only the comment check would miss it.
 */
export function commentsFrom(record: IDataObject, settings: SyncSettings, fallback: number): number {
	const linkedAt = Date.parse(parseState(record[settings.fields.state])?.linkedAt ?? '');
	return Number.isNaN(linkedAt) ? fallback : linkedAt;
}

/** The comment check's work: no time of its own (JSON-safe, unlike Infinity: it may wait in the retry list) — the pair's link time decides. */
const SINCE_LINK = { from: Number.MAX_SAFE_INTEGER, notes: [], comments: [], sinceLink: true };

/** Give the next `perRun` linked pairs a comment check. */
export function rotate(linked: IDataObject[], data: RotationData, perRun: number, candidates: Candidates): { report: RotationReport; after?: string } {
	const n = linked.length;
	const ids = linked.map((r) => String(r.id));
	// After the last pair (or a pair since unlinked past the end): a new round.
	const begin = data.after === undefined ? 0 : Math.max(0, ids.findIndex((id) => compareIds(id, data.after!) > 0));
	let visited = 0;
	let added = 0;
	let wrapped = false;
	let after = data.after;
	while (visited < n) {
		const index = (begin + visited) % n;
		const id = ids[index];
		const free = !!candidates.get(id)?.comments;
		if (!free && added >= perRun) break;
		if (!free) added++;
		candidates.note(id, 'crm', 0, { task: false, comments: { ...SINCE_LINK, notes: [], comments: [] } });
		visited++;
		after = id;
		if (index === n - 1) wrapped = true;
	}
	const position = after === undefined ? 0 : ids.filter((id) => compareIds(id, after!) <= 0).length;
	return { report: { checked: visited, of: n, position, wrapped }, after };
}
