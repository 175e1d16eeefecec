/** Portals, projects, tasklists, the portal's task statuses and task fields. */
import { json, newId, type Router, type SimRequest, type SimResponse } from '../kit';
import { PORTAL_ID, PORTAL_NAME, USERS } from '../seed-data';
import { parseDateIn } from './dates';
import { invalid, isRecord, missing, notFound, v3Error } from './errors';
import type { Projects } from './index';
import { pageOf, readPaging } from './paging';
import { projectView, tasklistView } from './views';

export const PORTAL = '/api/v3/portal/:portal';

export function registerPortalRoutes(r: Router, p: Projects): void {
	r.add('projects', 'GET', '/api/v3/portals', (req) => {
		const actor = p.actor(req);
		return json(200, actor ? [portalView(p)] : []);
	});
	r.add('projects', 'GET', PORTAL, () => json(200, portalView(p)));

	r.add('projects', 'GET', `${PORTAL}/settings/global-statuses`, (req) => globalStatuses(p, req));
	r.add('projects', 'GET', `${PORTAL}/settings/fields`, (req) => taskFields(p, req));

	r.add('projects', 'GET', `${PORTAL}/projects`, (req) => {
		const paging = readPaging(req);
		if (!paging.ok) return paging.error;
		const actor = p.requireActor(req);
		const visible = [...p.store.projects.values()].filter((x) => actor.role === 'admin' || x.members.includes(actor.zpuid));
		// Measured: the project list is a bare array (no page_info).
		return json(200, pageOf(visible, paging.value).items.map((x) => projectView(p.store, x, p.options.timeZoneOffset)));
	});
	r.add('projects', 'GET', `${PORTAL}/projects/:project`, (req) => {
		const project = p.projectFor(req);
		return project.ok ? json(200, projectView(p.store, project.value, p.options.timeZoneOffset)) : project.error;
	});
	r.add('projects', 'PATCH', `${PORTAL}/projects/:project`, (req) => patchProject(p, req));

	r.add('projects', 'GET', `${PORTAL}/projects/:project/tasklists`, (req) => {
		const project = p.projectFor(req);
		if (!project.ok) return project.error;
		const paging = readPaging(req);
		if (!paging.ok) return paging.error;
		const page = pageOf(p.store.tasklistsOf(project.value.id), paging.value);
		return json(200, { tasklists: page.items.map((l) => tasklistView(p.store, l)), page_info: page.page_info });
	});
	r.add('projects', 'POST', `${PORTAL}/projects/:project/tasklists`, (req) => {
		const project = p.projectFor(req);
		if (!project.ok) return project.error;
		const name = isRecord(req.body) ? req.body.name : undefined;
		if (typeof name !== 'string' || !name.trim()) return missing('name');
		// Other keys (a flat milestone_id, say) are accepted and ignored, as measured.
		const now = p.now();
		const list = { id: newId('23'), projectId: project.value.id, name, created_time: now, last_modified_time: now };
		p.store.tasklists.set(list.id, list);
		return json(201, tasklistView(p.store, list));
	});
	r.add('projects', 'PATCH', `${PORTAL}/projects/:project/tasklists/:tasklist`, (req) => {
		const found = tasklistFor(p, req);
		if (!('list' in found)) return found;
		const name = isRecord(req.body) ? req.body.name : undefined;
		if (name !== undefined) {
			if (typeof name !== 'string' || !name.trim()) return invalid('name', 'name must be a non-empty string.');
			found.list.name = name;
			found.list.last_modified_time = p.now();
		}
		return json(200, tasklistView(p.store, found.list));
	});
	r.add('projects', 'DELETE', `${PORTAL}/projects/:project/tasklists/:tasklist`, (req) => {
		const found = tasklistFor(p, req);
		if (!('list' in found)) return found;
		const actor = p.requireActor(req);
		// Deleting a tasklist sends its tasks to the trash with it (assumption).
		for (const task of p.store.liveTasks(found.list.projectId)) {
			if (task.tasklistId === found.list.id && !task.deleted) p.deleteTask(task.id, actor.zpuid);
		}
		p.store.tasklists.delete(found.list.id);
		return json(204);
	});
}

function portalView(p: Projects): Record<string, unknown> {
	const owner = p.store.users.get(USERS.hanako.zpuid);
	return {
		id: PORTAL_ID,
		name: PORTAL_NAME,
		owner: owner ? { id: owner.zpuid, zpuid: owner.zpuid, zuid: owner.zuid, name: owner.name, email: owner.email } : undefined,
		plan: 'Enterprise',
		time_zone: 'Asia/Tokyo',
		utc_offset: p.options.timeZoneOffset,
		is_default: true,
	};
}

function tasklistFor(p: Projects, req: SimRequest) {
	const project = p.projectFor(req);
	if (!project.ok) return project.error;
	const list = p.store.tasklists.get(req.params.tasklist);
	if (!list || list.projectId !== project.value.id) return notFound('Tasklist', req.params.tasklist);
	return { list };
}

function requireTasksModule(req: SimRequest): SimResponse | undefined {
	const module = req.query.get('module');
	if (!module) return missing('module');
	if (module !== 'tasks') return invalid('module', `module ${module} is not supported by the simulator (only tasks).`);
	return undefined;
}

/** Measured shape: a bare array of {id, name, colour}; no is_closed_type here (that is why tasks embed it). */
function globalStatuses(p: Projects, req: SimRequest): SimResponse {
	const bad = requireTasksModule(req);
	if (bad) return bad;
	const paging = readPaging(req);
	if (!paging.ok) return paging.error;
	const items = [...p.store.statuses.values()].map((s) => ({ id: s.id, name: s.name, color_hexcode: s.color_hexcode }));
	return json(200, pageOf(items, paging.value).items);
}

/** Zoho's own task fields, as the field list would name them (names as the V3 task read uses them). */
const BUILT_IN_TASK_FIELDS: [string, string, string][] = [
	['name', 'Task Name', 'singleline'],
	['description', 'Description', 'multiline'],
	['status', 'Status', 'picklist'],
	['priority', 'Priority', 'picklist'],
	['start_date', 'Start Date', 'date'],
	['end_date', 'Due Date', 'date'],
	['owners_and_work', 'Owner', 'user'],
];

/**
 * Documented route (Zoho Projects V3 "Module Fields": `GET /settings/fields?module=…`, scope
 * ZohoProjects.custom_fields.READ); the response shape is assumed (ASSUMPTIONS.md): Zoho's own fields
 * with `is_default: true`, then the portal's custom ones.
 */
function taskFields(p: Projects, req: SimRequest): SimResponse {
	const bad = requireTasksModule(req);
	if (bad) return bad;
	const paging = readPaging(req);
	if (!paging.ok) return paging.error;
	const builtIn = BUILT_IN_TASK_FIELDS.map(([api_name, display_name, field_type], n) => ({ id: `2000000090${String(n + 1).padStart(3, '0')}`, api_name, display_name, field_type, is_default: true }));
	const custom = [...p.store.customFields.values()].map((f) => ({ id: f.id, api_name: f.api_name, display_name: f.label, field_type: f.type, is_default: false }));
	const page = pageOf([...builtIn, ...custom], paging.value);
	return json(200, { fields: page.items, page_info: page.page_info });
}

const PROJECT_KEYS = new Set(['name', 'description', 'start_date', 'end_date', 'is_strict_project']);

function patchProject(p: Projects, req: SimRequest): SimResponse {
	const found = p.projectFor(req);
	if (!found.ok) return found.error;
	const project = found.value;
	const body = req.body ?? {};
	if (!isRecord(body)) return v3Error(400, 'JSON_PARSE_ERROR', 'The body must be a JSON object.');
	const next = { ...project };
	for (const [key, value] of Object.entries(body)) {
		// Projects answer unknown keys with EXTRA_KEY_FOUND_IN_JSON (the /tasks custom-field reading does not apply).
		if (!PROJECT_KEYS.has(key)) return v3Error(400, 'EXTRA_KEY_FOUND_IN_JSON', 'Extra key found in JSON.', { fieldName: key });
		if (key === 'is_strict_project') {
			if (typeof value !== 'boolean') return invalid(key, 'is_strict_project must be true or false.');
			next.is_strict_project = value;
		} else if (key === 'start_date' || key === 'end_date') {
			const date = value === '' || value === null ? '' : typeof value === 'string' ? parseDateIn(value, p.options.timeZoneOffset) : undefined;
			if (date === undefined) return invalid(key, `${key} must be a date (YYYY-MM-DD).`);
			next[key] = date;
		} else {
			if (typeof value !== 'string' || (key === 'name' && !value.trim())) return invalid(key, `${key} must be a non-empty string.`);
			next[key as 'name' | 'description'] = value;
		}
	}
	if (next.start_date && next.end_date && next.end_date < next.start_date) {
		return invalid('end_date', `end_date ${next.end_date} is before start_date ${next.start_date}.`);
	}
	Object.assign(project, next, { modified_time: p.now() });
	return json(200, projectView(p.store, project, p.options.timeZoneOffset));
}
