/**
 * A CRM task whose link names a Projects task that is linked to another CRM task (issue 12): copying a
 * linked CRM task copies its link and sync state. Syncing the copy would overwrite the Projects task
 * with it, and the next Projects sync would overwrite the original with that. The Projects task's CRM
 * Task ID says which CRM task owns the link (as the Projects direction already checks): the copy is
 * refused — nothing is written — and the person who last edited it (else its owner) is told.
 */
import type { IDataObject } from 'n8n-workflow';

import { formatTaskLink, type TaskLink } from '../../shared/sync/links';
import { linkedElsewhereLetter } from '../../shared/sync/messages';
import { emailKey } from '../../shared/sync/text';
import type { Person } from '../../shared/sync/types';
import { crmTaskFromRecord } from '../../shared/sync/views';
import type { Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { taskUrls } from './pair';

export async function linkedElsewhere(gw: Gateway, settings: SyncSettings, crmRecord: IDataObject, projectsJson: IDataObject, link: TaskLink): Promise<SyncItem[] | null> {
	const holder = String(projectsJson[settings.fields.projectsCrmId] ?? '').trim();
	const crmTaskId = String(crmRecord.id);
	// An empty field is a link still being made (or repaired by the sync): only another task's id refuses.
	if (!holder || holder === crmTaskId) return null;
	const task = crmTaskFromRecord(crmRecord);
	const api = emailKey((await gw.apiUser())?.email);
	const people = [task.modifiedBy, task.owner].filter((p): p is Person => !!p?.email && emailKey(p.email) !== api);
	const recipient: Person | null = people[0] ?? (settings.config.fallbackRecipient ? { email: settings.config.fallbackRecipient } : null);
	const links = taskUrls(settings, crmTaskId, link);
	const letter = (lang: SyncSettings['language']) => linkedElsewhereLetter(task.subject, holder, links, lang, recipient?.name);
	return [
		{
			outlet: 'rejected',
			json: {
				rule: 'LINKED_TO_ANOTHER_TASK',
				field: 'link',
				crmTaskId,
				projectsTaskId: link.taskId,
				projectId: link.projectId,
				portalId: link.portalId,
				attempted: formatTaskLink(link),
				kept: holder,
				linkedCrmTaskId: holder,
				recipient: recipient?.email ?? null,
				recipientName: recipient?.name ?? '',
				language: settings.language,
				...letter(settings.language),
				ja: letter('ja'),
				en: letter('en'),
				links,
			},
		},
	];
}
