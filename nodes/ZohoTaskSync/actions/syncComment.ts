/**
 * Sync Comment: a new CRM note on a linked task becomes a comment on its Projects task, and the
 * reverse. The mirror ends with an attribution line (who, which side, when) carrying a marker, so
 * a mirror is recognised and never mirrored back, and a repeated event finds its mirror and stops.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { writeRecords } from '../../shared/crm/records';
import { projectsRequest, projectsRequestAll } from '../../shared/projects';
import { MIRROR_MARKER, mirrorTag, type TaskLink } from '../../shared/sync/links';
import { htmlToText, normaliseText, textToHtml } from '../../shared/sync/text';
import type { Side } from '../../shared/sync/types';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { linkOf } from './pair';

const skipped = (reason: string, json: IDataObject): SyncItem[] => [{ outlet: 'skipped', json: { reason, ...json } }];

/** "— 佐藤 花子 (Zoho CRM, 2026-11-25 10:00 +09:00) [zts:crm:123]": the time as the source wrote it. */
function attribution(author: string, side: Side, time: string, sourceId: string): string {
	const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})?/.exec(time);
	const when = m ? `${m[1]} ${m[2]}${m[3] ? ` ${m[3] === 'Z' ? 'UTC' : m[3]}` : ''}` : time;
	return `— ${author || 'unknown'} (${side === 'crm' ? 'Zoho CRM' : 'Zoho Projects'}, ${when}) ${mirrorTag(side, sourceId)}`;
}

export async function syncComment(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	const source = this.getNodeParameter('source', itemIndex) as Side;
	if (source === 'crm') return await fromCrm.call(this, gw, settings, String(this.getNodeParameter('crmNoteId', itemIndex)));
	const link: TaskLink = {
		portalId: String(this.getNodeParameter('portalId', itemIndex)),
		projectId: String(this.getNodeParameter('projectId', itemIndex)),
		taskId: String(this.getNodeParameter('projectsTaskId', itemIndex)),
	};
	return await fromProjects.call(this, gw, settings, link, String(this.getNodeParameter('projectsCommentId', itemIndex)));
}

async function fromCrm(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, noteId: string): Promise<SyncItem[]> {
	const note = await gw.crmRecord('Notes', noteId);
	if (!note) return skipped('noteDeleted', { crmNoteId: noteId });
	const parent = (note.Parent_Id ?? {}) as IDataObject;
	const module = ((parent.module ?? {}) as IDataObject).api_name ?? note.$se_module;
	if (module !== 'Tasks') return skipped('notATaskNote', { crmNoteId: noteId });
	const content = String(note.Note_Content ?? '');
	if (MIRROR_MARKER.test(content)) return skipped('mirror', { crmNoteId: noteId });
	await gw.requireTaskFields();
	const task = await gw.crmTask(String(parent.id));
	const link = task && linkOf(task, settings);
	if (!link) return skipped('notLinked', { crmNoteId: noteId, crmTaskId: String(parent.id) });
	const base = `/projects/${link.projectId}/tasks/${link.taskId}/comments`;
	const existing = await projectsRequestAll.call(this, gw.projectsSettings(link.portalId), { method: 'GET', path: base }, 'comments');
	const tag = mirrorTag('crm', noteId);
	const ids = { crmNoteId: noteId, crmTaskId: String(parent.id), projectsTaskId: link.taskId };
	if (existing.some((c) => String(c.comment ?? '').includes(tag))) return skipped('alreadyMirrored', ids);
	const author = ((note.Created_By ?? note.Owner ?? {}) as IDataObject).name as string;
	const text = [note.Note_Title ? String(note.Note_Title) : '', normaliseText(content)].filter(Boolean).join('\n');
	const comment = `${textToHtml(text)}<br><br>${textToHtml(attribution(author, 'crm', String(note.Created_Time ?? ''), noteId))}`;
	if (settings.dryRun) return [{ outlet: 'synced', json: { ...ids, dryRun: true, comment } }];
	const created = (await projectsRequest.call(this, gw.projectsSettings(link.portalId), { method: 'POST', path: base, body: { comment } })) as IDataObject[] | IDataObject;
	const commentId = (Array.isArray(created) ? created[0] : created)?.id;
	return [{ outlet: 'synced', json: { ...ids, direction: 'crmToProjects', projectsCommentId: String(commentId ?? ''), dryRun: false } }];
}

async function fromProjects(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, link: TaskLink, commentId: string): Promise<SyncItem[]> {
	const comments = await projectsRequestAll.call(this, gw.projectsSettings(link.portalId), { method: 'GET', path: `/projects/${link.projectId}/tasks/${link.taskId}/comments` }, 'comments');
	const comment = comments.find((c) => String(c.id) === commentId);
	if (!comment) return skipped('commentDeleted', { projectsCommentId: commentId });
	const html = String(comment.comment ?? '');
	if (MIRROR_MARKER.test(html)) return skipped('mirror', { projectsCommentId: commentId });
	const task = await gw.projectsTask(link.portalId, link.projectId, link.taskId);
	const crmTaskId = task?.[settings.fields.projectsCrmId];
	if (!crmTaskId) return skipped('notLinked', { projectsCommentId: commentId, projectsTaskId: link.taskId });
	const ids = { projectsCommentId: commentId, projectsTaskId: link.taskId, crmTaskId: String(crmTaskId) };
	const tag = mirrorTag('projects', commentId);
	const notes = await crmList.call(this, { path: `/Tasks/${String(crmTaskId)}/Notes`, qs: { fields: 'Note_Content' }, what: 'list the notes of the task' });
	if (notes.some((n) => String(n.Note_Content ?? '').includes(tag))) return skipped('alreadyMirrored', ids);
	const author = ((comment.created_by ?? {}) as IDataObject).name as string;
	const content = `${htmlToText(html)}\n\n${attribution(author, 'projects', String(comment.created_time ?? ''), commentId)}`;
	if (settings.dryRun) return [{ outlet: 'synced', json: { ...ids, dryRun: true, content } }];
	const [result] = await writeRecords.call(this, {
		method: 'POST',
		path: '/Notes',
		records: [{ Note_Content: content, Parent_Id: { module: { api_name: 'Tasks' }, id: String(crmTaskId) } }],
		what: 'add the note',
		module: 'Notes',
	});
	if (result instanceof Error) throw result;
	return [{ outlet: 'synced', json: { ...ids, direction: 'projectsToCrm', crmNoteId: String(result.details?.id ?? ''), dryRun: false } }];
}
