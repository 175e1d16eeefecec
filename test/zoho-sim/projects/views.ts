/** Stored records → V3 JSON as the reference describes reads. Empty optional values are omitted. */
import { dateOut } from './dates';
import type { Store } from './store';
import type { ClientRec, CommentRec, ContactRec, PortalUser, ProjectRec, TaskRec, TasklistRec } from './types';

type Json = Record<string, unknown>;

/** Drop keys whose value is undefined so reads look like Zoho's sparse objects. */
function compact(obj: Json): Json {
	return Object.fromEntries(Object.entries(obj).filter(([, v]) => v !== undefined));
}

export function personRef(store: Store, zpuid: string): Json | undefined {
	const u = store.users.get(zpuid);
	return u ? { zpuid: u.zpuid, zuid: u.zuid, name: u.name, email: u.email } : undefined;
}

export function userView(u: PortalUser): Json {
	return {
		id: u.zpuid,
		zpuid: u.zpuid,
		zuid: u.zuid,
		name: u.name,
		first_name: u.first_name,
		last_name: u.last_name,
		email: u.email,
		active: u.active,
		role_name: u.role,
		user_type: 'portal_user',
		created_time: u.created_time,
	};
}

export function projectView(store: Store, p: ProjectRec, offset: string): Json {
	const tasks = store.liveTasks(p.id);
	const closed = tasks.filter((t) => store.isClosed(t)).length;
	const client = store.clients.get(p.clientId);
	return compact({
		id: p.id,
		key: p.key,
		name: p.name,
		description: p.description,
		status: { id: 'active', name: 'Active', is_closed_type: false },
		project_type: 'active',
		start_date: dateOut(p.start_date, offset),
		end_date: dateOut(p.end_date, offset),
		created_time: p.created_time,
		modified_time: p.modified_time,
		owner: personRef(store, p.ownerZpuid),
		// `created_by{…zpuid}` is a V3 project field [P8 projects.ts]; the seed's projects were created by
		// their owner (inferred: the simulator has no project-create route).
		created_by: personRef(store, p.ownerZpuid),
		is_public_project: false,
		is_strict_project: p.is_strict_project,
		is_completed: false,
		percent_complete: tasks.length ? Math.round((closed / tasks.length) * 100) : 0,
		tasks: { open_count: tasks.length - closed, closed_count: closed },
		client_company: client ? { id: client.id, name: client.name } : undefined,
	});
}

export function tasklistView(store: Store, l: TasklistRec): Json {
	const project = store.projects.get(l.projectId);
	return {
		id: l.id,
		name: l.name,
		project: project ? { id: project.id, name: project.name } : undefined,
		created_time: l.created_time,
		last_modified_time: l.last_modified_time,
	};
}

export function taskView(store: Store, t: TaskRec, offset: string): Json {
	const status = store.statusOf(t);
	const project = store.projects.get(t.projectId);
	const list = store.tasklists.get(t.tasklistId);
	const owners = t.ownerZpuids.map((z) => {
		const u = store.users.get(z);
		return u
			? { zpuid: u.zpuid, zuid: u.zuid, name: u.name, email: u.email, first_name: u.first_name, last_name: u.last_name, work_values: '00:00' }
			: { zpuid: z };
	});
	return compact({
		id: t.id,
		key: `${project?.key ?? 'T'}-T${t.number}`,
		prefix: project?.key,
		name: t.name,
		description: t.description,
		status: { id: status.id, name: status.name, color_hexcode: status.color_hexcode, is_closed_type: status.is_closed_type },
		is_completed: status.is_closed_type,
		completion_percentage: status.is_closed_type ? 100 : t.completion_percentage,
		priority: t.priority,
		start_date: dateOut(t.start_date, offset),
		end_date: dateOut(t.end_date, offset),
		created_time: t.created_time,
		last_modified_time: t.last_modified_time,
		created_by: personRef(store, t.createdBy),
		updated_by: personRef(store, t.updatedBy),
		owners_and_work: { owners, work_type: 'standard', unit: 'hours', total_work: '00:00' },
		tasklist: list ? { id: list.id, name: list.name } : undefined,
		parental_info: t.parentId ? { parent_task_id: t.parentId, root_task_id: store.rootOf(t).id } : undefined,
		association_info: { has_subtasks: store.children(t.id).length > 0 },
		depth: store.depthOf(t),
		...t.custom,
	});
}

export function commentView(store: Store, c: CommentRec): Json {
	const u = store.users.get(c.createdBy);
	return {
		id: c.id,
		comment: c.comment,
		created_time: c.created_time,
		updated_time: c.updated_time,
		created_by: u ? { zpuid: u.zpuid, zuid: u.zuid, name: u.name, full_name: u.name, email: u.email } : { zpuid: c.createdBy },
		attachments: [],
	};
}

export function clientView(store: Store, c: ClientRec): Json {
	return {
		...c,
		projects_count: [...store.projects.values()].filter((p) => p.clientId === c.id).length,
		contacts_count: [...store.contacts.values()].filter((k) => k.clientId === c.id).length,
	};
}

export function contactView(store: Store, c: ContactRec): Json {
	const client = store.clients.get(c.clientId);
	return {
		id: c.id,
		name: `${c.first_name} ${c.last_name}`.trim(),
		first_name: c.first_name,
		last_name: c.last_name,
		email: c.email,
		user_type: 'client_user',
		client_company: client ? { id: client.id, name: client.name } : undefined,
		created_time: c.created_time,
	};
}
