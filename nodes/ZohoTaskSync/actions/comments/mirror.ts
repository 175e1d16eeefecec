/**
 * Writing a comment mirror, shared by Sync Comment (one event) and Reconcile (healing mirrors that
 * failed). The mirror ends with an attribution line (who, which side, when) carrying a marker, so a
 * mirror is recognised and never mirrored back, and a repeat finds its mirror and stops. Two runs
 * at once can both write one: the callers then resolve the twin (./twins.ts).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { writeRecords } from '../../../shared/crm/records';
import { projectsRequest, projectsRequestAll } from '../../../shared/projects';
import { mirrorTag, type TaskLink } from '../../../shared/sync/links';
import { htmlToText, normaliseText, textToHtml } from '../../../shared/sync/text';
import type { Side } from '../../../shared/sync/types';
import type { Gateway } from '../../gateway';
import type { SyncItem } from '../../router';
import type { SyncSettings } from '../../settings';

/** "— 佐藤 花子 (Zoho CRM, 2026-11-25 10:00 +09:00) [zts:crm:123]": the time as the source wrote it. */
function attribution(author: string, side: Side, time: string, sourceId: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/.exec(time);
	const when = m ? `${m[1]} ${m[2]}${m[3] ? ` ${m[3] === 'Z' ? 'UTC' : m[3]}` : ''}` : time;
	return `— ${author || 'unknown'} (${side === 'crm' ? 'Zoho CRM' : 'Zoho Projects'}, ${when}) ${mirrorTag(side, sourceId)}`;
}

export const commentsPath = (link: TaskLink) => `/projects/${link.projectId}/tasks/${link.taskId}/comments`;

/** Every comment of the Projects task (one call per 200 comments). */
export async function projectsComments(this: IExecuteFunctions, gw: Gateway, link: TaskLink): Promise<IDataObject[]> {
	return await projectsRequestAll.call(this, gw.projectsSettings(link.portalId), { method: 'GET', path: commentsPath(link) }, 'comments');
}

/** Every note of the CRM task, with what a mirror needs (cheap: CRM). */
export async function crmTaskNotes(this: IExecuteFunctions, crmTaskId: string): Promise<IDataObject[]> {
	return await crmList.call(this, {
		path: `/Tasks/${crmTaskId}/Notes`,
		qs: { fields: 'Note_Content,Note_Title,Created_Time,Created_By,Owner' },
		what: 'list the notes of the task',
	});
}

/** The CRM note as a comment on the Projects task, unless one of `existing` already carries its marker. */
export async function mirrorNoteToProjects(
	this: IExecuteFunctions,
	gw: Gateway,
	settings: SyncSettings,
	note: IDataObject,
	crmTaskId: string,
	link: TaskLink,
	existing: IDataObject[],
): Promise<SyncItem> {
	const noteId = String(note.id);
	const ids = { crmNoteId: noteId, crmTaskId, projectsTaskId: link.taskId };
	const tag = mirrorTag('crm', noteId);
	if (existing.some((c) => String(c.comment ?? '').includes(tag))) return { outlet: 'skipped', json: { reason: 'alreadyMirrored', ...ids } };
	const author = ((note.Created_By ?? note.Owner ?? {}) as IDataObject).name as string;
	const text = [note.Note_Title ? String(note.Note_Title) : '', normaliseText(String(note.Note_Content ?? ''))].filter(Boolean).join('\n');
	const comment = `${textToHtml(text)}<br><br>${textToHtml(attribution(author, 'crm', String(note.Created_Time ?? ''), noteId))}`;
	if (settings.dryRun) return { outlet: 'synced', json: { ...ids, dryRun: true, comment } };
	const created = (await projectsRequest.call(this, gw.projectsSettings(link.portalId), { method: 'POST', path: commentsPath(link), body: { comment } })) as IDataObject[] | IDataObject;
	const commentId = (Array.isArray(created) ? created[0] : created)?.id;
	return { outlet: 'synced', json: { ...ids, direction: 'crmToProjects', projectsCommentId: String(commentId ?? ''), dryRun: false } };
}

/** The Projects comment as a note on the CRM task, unless one of `existing` already carries its marker. */
export async function mirrorCommentToCrm(
	this: IExecuteFunctions,
	settings: SyncSettings,
	comment: IDataObject,
	link: TaskLink,
	crmTaskId: string,
	existing: IDataObject[],
): Promise<SyncItem> {
	const commentId = String(comment.id);
	const ids = { projectsCommentId: commentId, projectsTaskId: link.taskId, crmTaskId };
	const tag = mirrorTag('projects', commentId);
	if (existing.some((n) => String(n.Note_Content ?? '').includes(tag))) return { outlet: 'skipped', json: { reason: 'alreadyMirrored', ...ids } };
	const author = ((comment.created_by ?? {}) as IDataObject).name as string;
	const content = `${htmlToText(String(comment.comment ?? ''))}\n\n${attribution(author, 'projects', String(comment.created_time ?? ''), commentId)}`;
	if (settings.dryRun) return { outlet: 'synced', json: { ...ids, dryRun: true, content } };
	const [result] = await writeRecords.call(this, {
		method: 'POST',
		path: '/Notes',
		records: [{ Note_Content: content, Parent_Id: { module: { api_name: 'Tasks' }, id: crmTaskId } }],
		what: 'add the note',
		module: 'Notes',
	});
	if (result instanceof Error) throw result;
	return { outlet: 'synced', json: { ...ids, direction: 'projectsToCrm', crmNoteId: String(result.details?.id ?? ''), dryRun: false } };
}
