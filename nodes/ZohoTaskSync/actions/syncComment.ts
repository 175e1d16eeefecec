/**
 * Sync Comment: a new CRM note on a linked task becomes a comment on its Projects task, and the
 * reverse (the mirror itself: ./comments/mirror.ts). A Projects comment whose mirror fails is
 * recorded on its CRM task, so the scheduled Reconcile heals it (./comments/pending.ts); a CRM note
 * needs no record: Reconcile lists the notes changed since its cursor. A mirror written at the
 * same time by a twin execution of the same event is resolved after the write (./comments/twins.ts).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { MIRROR_MARKER, type TaskLink } from '../../shared/sync/links';
import type { Side } from '../../shared/sync/types';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { crmTaskNotes, mirrorCommentToCrm, mirrorNoteToProjects, projectsComments } from './comments/mirror';
import { recordPendingComment } from './comments/pending';
import { guardTwins } from './comments/twins';
import { linkOf } from './pair';
import { idParameter } from '../ids';

const skipped = (reason: string, json: IDataObject): SyncItem[] => [{ outlet: 'skipped', json: { reason, ...json } }];

export async function syncComment(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	const source = this.getNodeParameter('source', itemIndex) as Side;
	if (source === 'crm') return await fromCrm.call(this, gw, settings, idParameter.call(this, 'crmNoteId', itemIndex));
	const link: TaskLink = {
		portalId: idParameter.call(this, 'portalId', itemIndex),
		projectId: idParameter.call(this, 'projectId', itemIndex),
		taskId: idParameter.call(this, 'projectsTaskId', itemIndex),
	};
	const commentId = idParameter.call(this, 'projectsCommentId', itemIndex);
	try {
		return await fromProjects.call(this, gw, settings, link, commentId);
	} catch (error) {
		if (!settings.dryRun) await recordFailure(gw, settings, link, commentId);
		throw gw.nodeError(error);
	}
}

/** The trigger has moved past this comment: leave a note of it where Reconcile looks. */
async function recordFailure(gw: Gateway, settings: SyncSettings, link: TaskLink, commentId: string): Promise<void> {
	try {
		const task = await gw.crmTaskByLink(link);
		const record = task && (await gw.crmTask(String(task.id)));
		if (record) await recordPendingComment(gw, settings, record, commentId);
	} catch {
		// CRM is failing too: the original error is the one to report.
	}
}

async function fromCrm(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, noteId: string): Promise<SyncItem[]> {
	const note = await gw.crmRecord('Notes', noteId);
	if (!note) return skipped('noteDeleted', { crmNoteId: noteId });
	const parent = (note.Parent_Id ?? {}) as IDataObject;
	const module = ((parent.module ?? {}) as IDataObject).api_name ?? note.$se_module;
	if (module !== 'Tasks') return skipped('notATaskNote', { crmNoteId: noteId });
	if (MIRROR_MARKER.test(String(note.Note_Content ?? ''))) return skipped('mirror', { crmNoteId: noteId });
	await gw.requireTaskFields();
	const task = await gw.crmTask(String(parent.id));
	const link = task && linkOf(task, settings);
	if (!link) return skipped('notLinked', { crmNoteId: noteId, crmTaskId: String(parent.id) });
	const existing = await projectsComments.call(this, gw, link);
	const item = await mirrorNoteToProjects.call(this, gw, settings, note, String(parent.id), link, existing);
	return await guardTwins.call(this, gw, link, String(parent.id), [item]);
}

async function fromProjects(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, link: TaskLink, commentId: string): Promise<SyncItem[]> {
	const comments = await projectsComments.call(this, gw, link);
	const comment = comments.find((c) => String(c.id) === commentId);
	if (!comment) return skipped('commentDeleted', { projectsCommentId: commentId });
	if (MIRROR_MARKER.test(String(comment.comment ?? ''))) return skipped('mirror', { projectsCommentId: commentId });
	const task = await gw.projectsTask(link.portalId, link.projectId, link.taskId);
	const crmTaskId = task?.[settings.fields.projectsCrmId];
	// The id goes into a URL: anything but a CRM id is as good as no link.
	if (!crmTaskId || !/^\d+$/.test(String(crmTaskId))) return skipped('notLinked', { projectsCommentId: commentId, projectsTaskId: link.taskId });
	const notes = await crmTaskNotes.call(this, String(crmTaskId));
	const item = await mirrorCommentToCrm.call(this, settings, comment, link, String(crmTaskId), notes);
	return await guardTwins.call(this, gw, link, String(crmTaskId), [item]);
}
