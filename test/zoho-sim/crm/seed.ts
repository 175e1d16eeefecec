/**
 * The CRM side of the shared seed identities (seed-data.ts): users, Accounts (mapped ones hold the
 * client company id), Deals (with their project), Contacts, Tasks (linked ones hold the Projects
 * task) and a couple of notes on a linked task. Times come from the sim clock.
 */
import {
	COMPANIES,
	CONTACTS,
	DEALS,
	FIELDS,
	PORTAL_NAME,
	PROJECTS,
	TASKLISTS,
	TASKS,
	USERS,
	projectLinkValue,
	taskLinkValue,
} from '../seed-data';
import { zohoTime } from './http';
import type { Crm } from './index';
import type { CrmRecord, ModuleName } from './types';
import { PROFILES, ROLES } from './users';

export function seedCrm(crm: Crm): void {
	const now = crm.now();
	const time = zohoTime(now);
	for (const u of Object.values(USERS)) {
		if (!u.crmId) continue;
		const admin = u.role === 'admin';
		crm.users.users.push({
			id: u.crmId,
			first_name: u.first,
			last_name: u.last,
			full_name: u.name,
			email: u.email,
			status: 'active',
			confirm: true,
			zuid: u.zuid,
			role: admin ? ROLES.ceo : ROLES.manager,
			profile: admin ? PROFILES.admin : PROFILES.standard,
			time_zone: 'Asia/Tokyo',
			modifiedTime: now,
		});
	}
	const creator = { id: USERS.hanako.crmId };
	const put = (module: ModuleName, rec: CrmRecord) =>
		crm.store.put(module, { Owner: creator, ...rec, Created_Time: time, Modified_Time: time, Created_By: creator, Modified_By: creator });

	for (const c of Object.values(COMPANIES)) {
		put('Accounts', { id: c.accountId, Account_Name: c.crmName, [FIELDS.accountClient]: c.mapped ? c.clientId : null });
	}
	for (const c of Object.values(CONTACTS)) {
		put('Contacts', {
			id: c.id,
			First_Name: c.first,
			Last_Name: c.last,
			Full_Name: `${c.first} ${c.last}`,
			Email: c.email,
			Account_Name: { id: COMPANIES[c.account].accountId },
		});
	}
	for (const d of Object.values(DEALS)) {
		put('Deals', {
			id: d.id,
			Deal_Name: d.name,
			Stage: d.stage,
			Account_Name: { id: COMPANIES[d.account].accountId },
			[FIELDS.dealProject]: d.project ? projectLinkValue(PROJECTS[d.project].id) : null,
		});
	}
	for (const t of Object.values(TASKS)) {
		if (!t.crmId) continue;
		const what = 'deal' in t.what ? { id: DEALS[t.what.deal].id, module: 'Deals' } : 'account' in t.what ? { id: COMPANIES[t.what.account].accountId, module: 'Accounts' } : undefined;
		const linked = Boolean(t.zpId && t.project);
		put('Tasks', {
			id: t.crmId,
			Subject: t.name,
			Description: t.description || null,
			Due_Date: t.end || null,
			Status: t.crmStatus,
			Priority: t.crmPriority,
			Owner: { id: USERS[t.owner].crmId },
			What_Id: what ? { id: what.id } : null,
			$se_module: what?.module ?? null,
			Closed_Time: t.crmStatus === 'Completed' ? time : null,
			[FIELDS.taskLink]: linked && t.project ? taskLinkValue(PROJECTS[t.project].id, t.zpId) : null,
			[FIELDS.taskLinkUrl]:
				linked && t.project && t.tasklist
					? `https://projects.zoho.com/portal/${PORTAL_NAME}#taskdetail/${PROJECTS[t.project].id}/${TASKLISTS[t.tasklist].id}/${t.zpId}`
					: null,
			[FIELDS.syncState]: null,
		});
	}
	const notes = [
		{ id: '4876876000000091001', task: TASKS.plan.crmId, by: USERS.ichiro.crmId, content: '対象テーブルの一覧を共有しました。' },
		{ id: '4876876000000091002', task: TASKS.plan.crmId, by: USERS.hanako.crmId, content: 'Thanks — please add the row counts too.' },
	];
	for (const n of notes) {
		const by = { id: n.by };
		crm.store.put('Notes', {
			id: n.id,
			Note_Title: null,
			Note_Content: n.content,
			Parent_Id: { id: n.task, module: 'Tasks' },
			Owner: by,
			Created_Time: time,
			Modified_Time: time,
			Created_By: by,
			Modified_By: by,
		});
	}
}
