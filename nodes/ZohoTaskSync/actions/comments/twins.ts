/**
 * Exactly one mirror per comment, even when two executions mirror the same comment at once (Zoho
 * delivers an event twice, a polled batch runs twice, Reconcile heals while Sync Comment runs):
 * both list the target, both see no mirror, both write one. Neither CRM nor Projects has a
 * conditional create, so each execution that wrote mirrors waits (the claim's settle time), lists
 * the target again, and where more than one mirror carries the same tag, every writer but the one
 * of the first mirror removes its own.
 *
 * Why this is sound: a writer lists again only after its own create plus the settle time, so the
 * later of two creates always sees the earlier one. "First" is the earliest created time, then the
 * smallest id: the later writer is never first unless both creates fell in the same second (Zoho's
 * times have one-second resolution) — and the settle time is longer than a second, so then both
 * writers see both mirrors and agree by id.
 *
 * Cost: one more listing of the target per execution that wrote mirrors (and one settle wait): a
 * Projects call (per 200 comments) for CRM→Projects mirrors, a CRM call for Projects→CRM mirrors;
 * one delete for the execution that lost.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { deleteRecords } from '../../../shared/crm/records';
import { projectsRequest } from '../../../shared/projects';
import { mirrorTag, type TaskLink } from '../../../shared/sync/links';
import { settle } from '../../claim';
import type { Gateway } from '../../gateway';
import type { SyncItem } from '../../router';
import { commentsPath, crmTaskNotes, projectsComments } from './mirror';

interface Target {
	/** The mirrors on the target side, as they are now. */
	list(): Promise<IDataObject[]>;
	text(row: IDataObject): string;
	created(row: IDataObject): string;
	remove(id: string): Promise<void>;
	what: string;
}

/** The mirror a synced item reports having written, with the tag it carries. */
function written(item: SyncItem): { id: string; tag: string; source: string } | null {
	const j = item.json;
	if (item.outlet !== 'synced' || j.dryRun !== false) return null;
	if (j.direction === 'crmToProjects') return { id: String(j.projectsCommentId ?? ''), tag: mirrorTag('crm', String(j.crmNoteId)), source: `CRM note ${String(j.crmNoteId)}` };
	if (j.direction === 'projectsToCrm') return { id: String(j.crmNoteId ?? ''), tag: mirrorTag('projects', String(j.projectsCommentId)), source: `Projects comment ${String(j.projectsCommentId)}` };
	return null;
}

const compareIds = (a: string, b: string) => (a.length !== b.length ? a.length - b.length : a < b ? -1 : a > b ? 1 : 0);

/** The mirror that stays: earliest created, then smallest id — the same answer for every writer that sees both. */
function first(rows: IDataObject[], target: Target): IDataObject {
	const at = (row: IDataObject) => Date.parse(target.created(row));
	return rows.reduce((a, b) => {
		const [ta, tb] = [at(a), at(b)];
		if (!Number.isNaN(ta) && !Number.isNaN(tb) && ta !== tb) return ta < tb ? a : b;
		return compareIds(String(a.id), String(b.id)) <= 0 ? a : b;
	});
}

async function resolve(items: SyncItem[], target: Target): Promise<SyncItem[]> {
	let rows: IDataObject[];
	try {
		rows = await target.list();
	} catch (error) {
		// The mirrors stay (written and reported); only the check for a twin's is missing.
		return [
			...items,
			...items.map((item): SyncItem => {
				const w = written(item)!;
				return { outlet: 'failed', json: { error: `Could not check whether a concurrent run also mirrored ${w.source}`, message: `${target.what} ${w.id} was written and stays; listing the ${target.what}s again failed: ${(error as Error).message}` } };
			}),
		];
	}
	const out: SyncItem[] = [];
	for (const item of items) {
		const w = written(item)!;
		const twins = rows.filter((row) => target.text(row).includes(w.tag));
		const kept = twins.length > 1 && twins.some((row) => String(row.id) === w.id) ? first(twins, target) : null;
		if (!kept || String(kept.id) === w.id) {
			out.push(item);
			continue;
		}
		try {
			// Our own mirror, written a few seconds ago by this execution: not user data.
			await target.remove(w.id);
		} catch (error) {
			out.push({ outlet: 'failed', json: { error: `${w.source} is mirrored twice: ${target.what}s ${String(kept.id)} and ${w.id}`, message: `Removing ${target.what} ${w.id} (this run's mirror; ${String(kept.id)} stays) failed: ${(error as Error).message}` } });
			continue;
		}
		// The source's ids stay; the mirror's own id key is replaced by the two mirrors'.
		const mirrorKey = item.json.direction === 'crmToProjects' ? 'projectsCommentId' : 'crmNoteId';
		const ids = Object.fromEntries(Object.entries(item.json).filter(([key]) => !['direction', 'dryRun', mirrorKey].includes(key)));
		out.push({ outlet: 'skipped', json: { reason: 'mirroredByTwin', ...ids, removedMirrorId: w.id, mirrorId: String(kept.id) } });
	}
	return out;
}

/**
 * After the mirrors of one pair were written (`items`, as the mirror functions report them): one
 * settle wait, then each side that received a mirror is listed again and any twin resolved. Items
 * that wrote nothing pass through.
 */
export async function guardTwins(this: IExecuteFunctions, gw: Gateway, link: TaskLink, crmTaskId: string, items: SyncItem[]): Promise<SyncItem[]> {
	const byId = (item: SyncItem) => !!written(item)?.id;
	const toProjects = items.filter((i) => byId(i) && i.json.direction === 'crmToProjects');
	const toCrm = items.filter((i) => byId(i) && i.json.direction === 'projectsToCrm');
	const rest = items.filter((i) => !toProjects.includes(i) && !toCrm.includes(i));
	if (!toProjects.length && !toCrm.length) return items;
	await settle();
	const projects: Target = {
		list: async () => await projectsComments.call(this, gw, link),
		text: (row) => String(row.comment ?? ''),
		created: (row) => String(row.created_time ?? ''),
		remove: async (id) => {
			if (!/^\d+$/.test(id)) throw new Error(`not a comment id: ${id}`);
			await projectsRequest.call(this, gw.projectsSettings(link.portalId), { method: 'DELETE', path: `${commentsPath(link)}/${id}` });
		},
		what: 'Zoho Projects comment',
	};
	const crm: Target = {
		list: async () => await crmTaskNotes.call(this, crmTaskId),
		text: (row) => String(row.Note_Content ?? ''),
		created: (row) => String(row.Created_Time ?? ''),
		remove: async (id) => {
			if (!/^\d+$/.test(id)) throw new Error(`not a note id: ${id}`);
			const [result] = await deleteRecords.call(this, 'Notes', [id]);
			if (result instanceof Error) throw result;
		},
		what: 'Zoho CRM note',
	};
	return [...rest, ...(toProjects.length ? await resolve(toProjects, projects) : []), ...(toCrm.length ? await resolve(toCrm, crm) : [])];
}
