/**
 * The world a seed runs in: the seeded simulator plus one more person on both sides, project
 * membership that makes owner refusals possible, parent tasks (one closed per project) and N linked
 * pairs made as people make them in each UI — the Projects task, the CRM task naming it, then the
 * CRM id in the Projects task's field (as scripts/bench/burst.ts does). Pairs agree when made.
 */
import { PROFILES, ROLES } from '../../test/zoho-sim/crm/users';
import { FIELDS, PROJECTS, STATUSES, TASKLISTS, USERS, taskLinkValue } from '../../test/zoho-sim/seed-data';
import type { ZohoSim } from '../../test/zoho-sim/server';
import type { Rng } from './rng';
import { crmPriority, htmlText, normaliseText } from './values';
import type { Pair, Person, ProjectFacts, ProjectKey, Values } from './types';

const person = (key: keyof typeof USERS): Person => {
	const u = USERS[key];
	return { key, name: u.name, email: u.email, crmId: u.crmId || undefined, zpuid: u.zpuid || undefined };
};

/** Added to the seed: a second both-sides user who belongs to both projects. */
const YUKI: Person = { key: 'yuki', name: '高橋 由紀', email: 'yuki.takahashi@example.jp', crmId: '4876876000000011006', zpuid: '2000000011006' };

export const PEOPLE = {
	/** The sync's API user: never an editor, so a report addressed to her is always wrong. */
	api: person('hanako'),
	ichiro: person('ichiro'),
	emily: person('emily'),
	yuki: YUKI,
	/** No Projects account. */
	ken: person('ken'),
	/** No CRM account. */
	maria: person('maria'),
};

export interface World {
	sim: ZohoSim;
	projects: Record<ProjectKey, ProjectFacts>;
	pairs: Pair[];
	/** Who edits each side of a pair of this project (members only on the Projects side; never the API user). */
	editors: { crm: Person[]; projects: Record<ProjectKey, Person[]> };
	/** Owners people pick: CRM users; each project's members (Projects only lets members own tasks). */
	owners: { crm: Person[]; projects: Record<ProjectKey, Person[]> };
	/** E-mails with an account on each side. */
	accounts: { crm: Set<string>; projects: Set<string> };
}

function addYuki(sim: ZohoSim): void {
	sim.crm.users.users.push({
		id: YUKI.crmId!, first_name: '由紀', last_name: '高橋', full_name: YUKI.name, email: YUKI.email, status: 'active', confirm: true,
		zuid: '80011006', role: ROLES.manager, profile: PROFILES.standard, time_zone: 'Asia/Tokyo', modifiedTime: sim.clock.now(),
	});
	sim.projects.store.users.set(YUKI.zpuid!, {
		zpuid: YUKI.zpuid!, zuid: '80011006', first_name: '由紀', last_name: '高橋', name: YUKI.name, email: YUKI.email, role: 'member', active: true,
		created_time: sim.clock.iso(),
	});
}

/** Membership: Maria (no CRM account) and Yuki join the strict project; Emily stays outside it (OWNER_NOT_IN_PROJECT). */
function members(sim: ZohoSim): Record<ProjectKey, Person[]> {
	const of: Record<ProjectKey, Person[]> = {
		migration: [PEOPLE.api, PEOPLE.ichiro, PEOPLE.maria, PEOPLE.yuki],
		website: [PEOPLE.api, PEOPLE.ichiro, PEOPLE.emily, PEOPLE.maria, PEOPLE.yuki],
	};
	for (const key of ['migration', 'website'] as const) {
		const project = sim.projects.store.projects.get(PROJECTS[key].id)!;
		project.members = of[key].map((p) => p.zpuid!);
	}
	return of;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\n/g, '<br>');
const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);

const PRIORITIES = [['High', 'high'], ['Normal', 'medium'], ['Low', 'low']] as const;

function makeParents(sim: ZohoSim, key: ProjectKey): { open: string; closed: string } {
	const make = (name: string) => String(sim.projects.createTask(PROJECTS[key].id, { name, tasklist: { id: key === 'migration' ? TASKLISTS.migrationGeneral.id : TASKLISTS.websiteGeneral.id } }).id);
	return { open: make(`親タスク (open) ${key}`), closed: make(`親タスク (closed) ${key}`) };
}

/**
 * The seed data's own linked pairs have no sync state and notes of their own: Reconcile would make
 * their first sync and mirror their notes in the middle of the run. They are unlinked (straight in
 * the stores: no edit, no notification), so every linked pair is one the run made and judges.
 */
function unlinkSeedPairs(sim: ZohoSim): void {
	for (const record of sim.crm.store.all('Tasks')) record[FIELDS.taskLink] = null;
	for (const task of sim.projects.store.tasks.values()) delete task.custom[FIELDS.projectsCrmTaskId];
}

export function buildWorld(sim: ZohoSim, rng: Rng, count: number, seed: number): World {
	unlinkSeedPairs(sim);
	addYuki(sim);
	const memberOf = members(sim);
	const projects: Record<ProjectKey, ProjectFacts> = {
		migration: { key: 'migration', id: PROJECTS.migration.id, strict: true, start: PROJECTS.migration.start, end: PROJECTS.migration.end, members: memberOf.migration.map((p) => p.email) },
		website: { key: 'website', id: PROJECTS.website.id, strict: false, start: PROJECTS.website.start, end: PROJECTS.website.end, members: memberOf.website.map((p) => p.email) },
	};
	const parents = { migration: makeParents(sim, 'migration'), website: makeParents(sim, 'website') };
	const pairs: Pair[] = [];
	for (let i = 0; i < count; i++) {
		// Every other pair in the strict project, so both projects get about half.
		const key: ProjectKey = i % 2 === 0 ? 'migration' : 'website';
		const project = projects[key];
		const subtask = i % 4 === 1 || i % 4 === 2;
		const parentClosed = subtask && i % 8 < 4;
		const taskStart = key === 'migration' ? day('2026-12-03', rng.int(0, 4)) : day('2026-11-10', rng.int(0, 5));
		const due = key === 'migration' ? day('2026-12-10', rng.int(0, 10)) : day('2026-11-20', rng.int(0, 30));
		const [crmP, zpP] = rng.pick(PRIORITIES);
		const owner = rng.pick(memberOf[key].filter((p) => p.crmId));
		const closed = rng.chance(0.3);
		const name = `Chaos ${seed}-${i} ${key}`;
		const text = `Scope of pair ${i}: A & B <draft> — step 0`;
		const parentId = subtask ? (parentClosed ? parents[key].closed : parents[key].open) : undefined;
		const task = sim.projects.createTask(project.id, {
			name, description: `<div>${escapeHtml(text)}</div>`, start_date: taskStart, end_date: due, priority: zpP,
			...(parentId ? { parental_info: { parent_task_id: parentId } } : { tasklist: { id: key === 'migration' ? TASKLISTS.migrationGeneral.id : TASKLISTS.websiteGeneral.id } }),
			owners_and_work: { owners: [{ zpuid: owner.zpuid }] },
		});
		const zpId = String(task.id);
		if (closed) sim.projects.editTask(zpId, { status: { id: STATUSES.closed.id } });
		const record = sim.crm.createAsUser('Tasks', {
			Subject: name, Description: text, Due_Date: due, Status: closed ? 'Completed' : 'Not Started', Priority: crmP,
			Owner: { id: owner.crmId }, [FIELDS.taskLink]: taskLinkValue(project.id, zpId),
		});
		const crmId = String(record.id);
		sim.projects.editTask(zpId, { [FIELDS.projectsCrmTaskId]: crmId });
		const initial: Values = {
			subject: name, description: normaliseText(text), dueDate: due, priority: crmPriority(crmP), status: closed ? 'closed' : 'open', owner: owner.email,
		};
		if (htmlText(`<div>${escapeHtml(text)}</div>`) !== initial.description) throw new Error('the world builder wrote a description its own reader does not read back');
		pairs.push({ index: i, crmId, zpId, project, taskStart, parent: parentId ? { zpId: parentId, closed: parentClosed } : undefined, initial });
	}
	// Parents close after their subtasks exist (Zoho refuses an open subtask under a closed parent).
	for (const key of ['migration', 'website'] as const) sim.projects.closeTask(parents[key].closed);
	const everyone = Object.values(PEOPLE);
	return {
		sim,
		projects,
		pairs,
		editors: {
			crm: [PEOPLE.ichiro, PEOPLE.emily, PEOPLE.ken, PEOPLE.yuki],
			projects: { migration: memberOf.migration.filter((p) => p !== PEOPLE.api), website: memberOf.website.filter((p) => p !== PEOPLE.api) },
		},
		owners: { crm: everyone.filter((p) => p.crmId), projects: memberOf },
		accounts: { crm: new Set(everyone.filter((p) => p.crmId).map((p) => p.email)), projects: new Set(everyone.filter((p) => p.zpuid).map((p) => p.email)) },
	};
}
