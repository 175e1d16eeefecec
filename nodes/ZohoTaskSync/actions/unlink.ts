/**
 * A pair whose counterpart was deleted (rule COUNTERPART_DELETED): the surviving task's link fields
 * are cleared — never a delete — and a Rejected item tells the person who deleted the task, else the
 * survivor's owner, what happened.
 */
import type { IDataObject } from 'n8n-workflow';

import { formatTaskLink, type TaskLink } from '../../shared/sync/links';
import { unlinkLetter } from '../../shared/sync/messages';
import { counterpartDeleted, type PairGone } from '../../shared/sync/rules';
import { emailKey } from '../../shared/sync/text';
import type { Person } from '../../shared/sync/types';
import { crmTaskFromRecord, projectsTaskFromJson } from '../../shared/sync/views';
import type { Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { taskUrls } from './pair';

/** The task that is still there: the CRM task (holding the link) or the Projects task (holding the CRM id). */
export type Survivor = { side: 'crm'; record: IDataObject; link: TaskLink } | { side: 'projects'; task: IDataObject; link: TaskLink; crmTaskId: string };

function gone(survivor: Survivor, deletedBy: Person | null): PairGone {
	if (survivor.side === 'crm') {
		const crm = crmTaskFromRecord(survivor.record);
		return { deleted: 'projects', surviving: { ref: crm.id, name: crm.subject, owner: crm.owner }, deletedBy };
	}
	const task = projectsTaskFromJson(survivor.task, survivor.link.portalId, survivor.link.projectId);
	return { deleted: 'crm', surviving: { ref: formatTaskLink(survivor.link), name: task.name, owner: task.owners[0] ?? null }, deletedBy };
}

async function clearLink(gw: Gateway, settings: SyncSettings, survivor: Survivor, crmTaskId: string): Promise<void> {
	if (survivor.side === 'projects') {
		const { portalId, projectId, taskId } = survivor.link;
		await gw.writeProjectsTask(portalId, projectId, taskId, { [settings.fields.projectsCrmId]: '' });
		return;
	}
	const record: IDataObject = { id: crmTaskId, [settings.fields.link]: null, [settings.fields.state]: null };
	const urlField = `${settings.fields.link}_URL`;
	if (await gw.hasCrmField('Tasks', urlField)) record[urlField] = null;
	await gw.writeCrm('Tasks', 'PUT', record);
}

/**
 * Who deleted the task: the event's word, else (a CRM task) CRM's deleted-records list. The sync's
 * own Zoho user is never the one told.
 */
async function deleterOf(gw: Gateway, survivor: Survivor, crmTaskId: string, given: Person | null): Promise<Person | null> {
	const deleter = given?.email ? given : survivor.side === 'projects' ? await gw.crmDeleter(crmTaskId) : null;
	return deleter?.email && !(await isApiUser(gw, deleter)) ? deleter : null;
}

async function isApiUser(gw: Gateway, person: Person | null | undefined): Promise<boolean> {
	const api = emailKey((await gw.apiUser())?.email);
	return !!api && emailKey(person?.email) === api;
}

export async function unlinkPair(gw: Gateway, settings: SyncSettings, survivor: Survivor, deletedBy: Person | null = null): Promise<SyncItem[]> {
	const crmTaskId = survivor.side === 'crm' ? String(survivor.record.id) : survivor.crmTaskId;
	const pair = gone(survivor, await deleterOf(gw, survivor, crmTaskId, deletedBy));
	if (await isApiUser(gw, pair.surviving.owner)) pair.surviving.owner = null;
	const decision = counterpartDeleted.decide(pair);
	if (!decision.recipient?.email && settings.config.fallbackRecipient) decision.recipient = { email: settings.config.fallbackRecipient };
	const { link } = survivor;
	if (!settings.dryRun) await clearLink(gw, settings, survivor, crmTaskId);
	const urls = taskUrls(settings, crmTaskId, link);
	const name = decision.recipient?.name;
	const letter = (lang: SyncSettings['language']) => unlinkLetter(pair.surviving.name, pair.deleted, urls, lang, name);
	return [
		{
			outlet: 'rejected',
			json: {
				rule: decision.rule,
				field: decision.field,
				crmTaskId,
				projectsTaskId: link.taskId,
				projectId: link.projectId,
				portalId: link.portalId,
				deletedSide: pair.deleted,
				attempted: decision.attempted,
				kept: decision.kept,
				cleared: decision.clear,
				previousLink: formatTaskLink(link),
				unlinked: !settings.dryRun,
				dryRun: settings.dryRun,
				facts: decision.facts,
				recipient: decision.recipient?.email ?? null,
				recipientName: name ?? '',
				language: settings.language,
				...letter(settings.language),
				ja: letter('ja'),
				en: letter('en'),
				links: urls,
			},
		},
	];
}
