/**
 * Healing comment mirrors of one linked pair: every user note/comment that should have a mirror and
 * has none gets one (the marker check in ../comments/mirror.ts makes it exactly once, and the twin
 * check in ../comments/twins.ts resolves a Sync Comment writing the same mirror at the same time).
 * "Should": named (a note listed as changed since the cursor, a Projects comment recorded as pending
 * by Sync Comment) or written since the run's start, or — for the comment check (./rotation.ts) —
 * since the pair's sync began; never the history from before comment sync was watched.
 * Cost: one Projects read of the task's comments (per 200), one CRM read of its notes, one write per
 * missing mirror, and after any write the twin check (one more read of each side written to).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MIRROR_MARKER, type TaskLink } from '../../../shared/sync/links';
import type { Gateway } from '../../gateway';
import type { SyncItem } from '../../router';
import type { SyncSettings } from '../../settings';
import { crmTaskNotes, mirrorCommentToCrm, mirrorNoteToProjects, projectsComments } from '../comments/mirror';
import { guardTwins } from '../comments/twins';

export interface CommentWork {
	from: number;
	notes: string[];
	comments: string[];
	/** Also every comment since the pair's sync began (the comment check). */
	sinceLink?: boolean;
}

export function mergeWork(a: CommentWork | undefined, b: CommentWork): CommentWork {
	if (!a) return b;
	const merged: CommentWork = { from: Math.min(a.from, b.from), notes: [...new Set([...a.notes, ...b.notes])], comments: [...new Set([...a.comments, ...b.comments])] };
	if (a.sinceLink || b.sinceLink) merged.sinceLink = true;
	return merged;
}

const created = (value: unknown) => Date.parse(String(value ?? ''));

/** `linkedFrom`: since when the pair's comments count for the comment check (./rotation.ts `commentsFrom`). */
export async function healComments(
	this: IExecuteFunctions,
	gw: Gateway,
	settings: SyncSettings,
	crmTaskId: string,
	link: TaskLink,
	work: CommentWork,
	linkedFrom: number,
): Promise<SyncItem[]> {
	const comments = await projectsComments.call(this, gw, link);
	const notes = await crmTaskNotes.call(this, crmTaskId);
	const from = work.sinceLink ? Math.min(work.from, linkedFrom) : work.from;
	const wanted = (item: IDataObject, named: string[], text: unknown, time: unknown) =>
		!MIRROR_MARKER.test(String(text ?? '')) && (named.includes(String(item.id)) || created(time) >= from);
	const out: SyncItem[] = [];
	for (const note of notes) {
		if (wanted(note, work.notes, note.Note_Content, note.Created_Time)) out.push(await mirrorNoteToProjects.call(this, gw, settings, note, crmTaskId, link, comments));
	}
	for (const comment of comments) {
		if (wanted(comment, work.comments, comment.comment, comment.created_time)) out.push(await mirrorCommentToCrm.call(this, settings, comment, link, crmTaskId, notes));
	}
	return await guardTwins.call(this, gw, link, crmTaskId, out);
}
