/** The Projects side of the shared seed (seed-data.ts): portal users, clients, projects, tasks. */
import type { SimClock } from '../kit';
import { COMPANIES, CONTACTS, FIELDS, PROJECTS, STATUSES, TASKLISTS, TASKS, USERS } from '../seed-data';
import type { Store } from './store';
import type { Priority, Role } from './types';

const COLOURS: Record<keyof typeof STATUSES, string> = {
	open: '#56b5e8',
	inProgress: '#f4a52c',
	onHold: '#a3a3a3',
	closed: '#6fbf40',
	cancelled: '#e0565b',
};

/** Project keys for task keys (`DM-T1`). */
const KEYS: Record<keyof typeof PROJECTS, string> = { migration: 'DM', website: 'WR' };

/**
 * Project users. Maria owns a website task in the shared seed, so she is a website user too;
 * Emily is deliberately not a user of the migration project.
 */
const MEMBERS: Record<keyof typeof PROJECTS, (keyof typeof USERS)[]> = {
	migration: ['hanako', 'ichiro'],
	website: ['hanako', 'ichiro', 'emily', 'maria'],
};

/** Client users: Yamada and John exist in Projects; Kimura does not, so an import has work to do. */
const CLIENT_USERS = [
	{ id: '2000000031001', contact: CONTACTS.yamada, company: COMPANIES.sakura.clientId },
	{ id: '2000000031003', contact: CONTACTS.john, company: COMPANIES.acme.clientId },
];

const HOUR = 3_600_000;

export function loadSeed(store: Store, clock: SimClock): void {
	// Seed records are dated in the past, a day apart, so sorting by time is meaningful.
	const past = (hoursAgo: number) => clock.iso(clock.now() - hoursAgo * HOUR);

	for (const u of Object.values(USERS)) {
		if (!u.zpuid) continue;
		store.users.set(u.zpuid, {
			zpuid: u.zpuid, zuid: u.zuid, first_name: u.first, last_name: u.last, name: u.name,
			email: u.email, role: u.role as Role, active: true, created_time: past(24 * 60),
		});
	}
	for (const [key, s] of Object.entries(STATUSES) as [keyof typeof STATUSES, (typeof STATUSES)[keyof typeof STATUSES]][]) {
		store.statuses.set(s.id, { id: s.id, name: s.name, color_hexcode: COLOURS[key], is_closed_type: s.closed, is_default: key === 'open' });
	}
	for (const c of Object.values(COMPANIES)) {
		if (!c.clientId) continue;
		store.clients.set(c.clientId, {
			id: c.clientId, name: c.projectsName, email: '', phone: '', website: '', address: '', city: '', state: '',
			country: '', zip_code: '', currency_code: 'JPY', created_time: past(24 * 50), last_modified_time: past(24 * 50),
		});
	}
	for (const cu of CLIENT_USERS) {
		store.contacts.set(cu.id, {
			id: cu.id, first_name: cu.contact.first, last_name: cu.contact.last, email: cu.contact.email,
			clientId: cu.company, created_time: past(24 * 45),
		});
	}
	for (const [key, p] of Object.entries(PROJECTS) as [keyof typeof PROJECTS, (typeof PROJECTS)[keyof typeof PROJECTS]][]) {
		store.projects.set(p.id, {
			id: p.id, key: KEYS[key], name: p.name, description: '', start_date: p.start, end_date: p.end,
			is_strict_project: p.strict, clientId: COMPANIES[p.company].clientId, ownerZpuid: USERS.hanako.zpuid,
			members: MEMBERS[key].map((m) => USERS[m].zpuid), created_time: past(24 * 40), modified_time: past(24 * 40), taskCounter: 0,
		});
	}
	for (const l of Object.values(TASKLISTS)) {
		store.tasklists.set(l.id, { id: l.id, projectId: PROJECTS[l.project].id, name: l.name, created_time: past(24 * 40), last_modified_time: past(24 * 40) });
	}
	store.customFields.set('2000000091001', { id: '2000000091001', api_name: FIELDS.projectsCrmTaskId, label: FIELDS.projectsCrmTaskIdLabel, type: 'singleline' });
	seedTasks(store, past);
	seedComments(store, past);
}

function seedTasks(store: Store, past: (hoursAgo: number) => string): void {
	const tasks = Object.values(TASKS).filter((t) => t.zpId);
	tasks.forEach((t, i) => {
		if (!t.project || !t.tasklist || !t.zpStatus) return;
		const project = store.projects.get(PROJECTS[t.project].id);
		if (!project) return;
		project.taskCounter++;
		const owner = t.owner ? USERS[t.owner].zpuid : '';
		store.tasks.set(t.zpId, {
			id: t.zpId, projectId: project.id, number: project.taskCounter, name: t.name, description: asHtml(t.description),
			statusId: STATUSES[t.zpStatus].id, priority: t.zpPriority as Priority, start_date: t.start, end_date: t.end,
			completion_percentage: 0, ownerZpuids: owner ? [owner] : [], tasklistId: TASKLISTS[t.tasklist].id,
			parentId: t.parent ? TASKS[t.parent].zpId : '', custom: t.crmId ? { [FIELDS.projectsCrmTaskId]: t.crmId } : {},
			created_time: past(24 * (30 - i)), last_modified_time: past(24 * (10 - i)),
			createdBy: USERS.hanako.zpuid, updatedBy: owner || USERS.hanako.zpuid, seq: store.nextSeq(), deleted: false,
		});
	});
}

function seedComments(store: Store, past: (hoursAgo: number) => string): void {
	const seeds = [
		{ id: '2000000101001', task: TASKS.plan.zpId, by: USERS.ichiro.zpuid, text: '<div>対象テーブルの一覧を作成中です。</div>', at: 24 * 5 },
		{ id: '2000000101002', task: TASKS.design.zpId, by: USERS.emily.zpuid, text: '<div>First draft of the home page is ready for review.</div>', at: 24 * 3 },
	];
	for (const c of seeds) {
		store.comments.set(c.id, { id: c.id, taskId: c.task, comment: c.text, created_time: past(c.at), updated_time: past(c.at), createdBy: c.by, seq: store.nextSeq() });
	}
}

/** Plain seed text → the HTML Zoho Projects stores (escaped, line breaks as <br>, one block). */
function asHtml(text: string): string {
	if (!text) return '';
	const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
	return `<div>${escaped}</div>`;
}
