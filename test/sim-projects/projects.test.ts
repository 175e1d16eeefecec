/** Projects, tasklists, statuses and custom-field settings. */
import { COMPANIES, FIELDS, PROJECTS, STATUSES, TASKLISTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, type PageInfo, type TaskJson, detail, startSim } from './helpers';

let c: Client;
beforeAll(async () => {
	c = await startSim();
});
afterAll(() => c.sim.stop());

interface ProjectJson {
	id: string;
	name: string;
	key: string;
	start_date: string;
	end_date: string;
	is_strict_project: boolean;
	is_completed: boolean;
	status: { id: string; name: string; is_closed_type: boolean };
	client_company: { id: string; name: string };
	owner: { zpuid: string };
	tasks: { open_count: number; closed_count: number };
}

describe('projects', () => {
	it('lists as a bare array and needs page', async () => {
		const res = await c.get<ProjectJson[]>('/projects?page=1');
		expect(res.status).toBe(200);
		expect(res.body.map((p) => p.id)).toEqual([PROJECTS.migration.id, PROJECTS.website.id]);
		expect(detail(await c.get('/projects'))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'page' });
		expect((await c.get<ProjectJson[]>('/projects?page=2&per_page=1')).body.map((p) => p.id)).toEqual([PROJECTS.website.id]);
	});

	it('shows a member only the projects they belong to', async () => {
		const res = await c.get<ProjectJson[]>('/projects?page=1', { token: c.tokenFor(USERS.emily.crmId) });
		expect(res.body.map((p) => p.id)).toEqual([PROJECTS.website.id]);
	});

	it('reads a project with strictness, dates, client company and counts', async () => {
		const res = await c.get<ProjectJson>(`/projects/${PROJECTS.migration.id}`);
		expect(res.body).toMatchObject({
			id: PROJECTS.migration.id,
			name: PROJECTS.migration.name,
			key: 'DM',
			is_strict_project: true,
			is_completed: false,
			start_date: '2026-12-01T00:00:00.000+09:00',
			end_date: '2026-12-25T00:00:00.000+09:00',
			status: { is_closed_type: false },
			client_company: { id: COMPANIES.sakura.clientId, name: COMPANIES.sakura.projectsName },
			owner: { zpuid: USERS.hanako.zpuid },
			tasks: { open_count: 1, closed_count: 2 },
		});
	});

	// `created_by` is a V3 project field (reference §3.5, [P8 projects.ts]); issue 10 item 7.
	it('names who created the project (created_by with zpuid, zuid, name, e-mail), in reads and lists', async () => {
		const hanako = { zpuid: USERS.hanako.zpuid, zuid: expect.any(String), name: expect.any(String), email: USERS.hanako.email };
		expect((await c.get<{ created_by: unknown }>(`/projects/${PROJECTS.website.id}`)).body.created_by).toEqual(hanako);
		for (const p of (await c.get<{ created_by: unknown }[]>('/projects?page=1')).body) expect(p.created_by).toEqual(hanako);
	});

	it('patches strictness and dates, and refuses unknown keys and reversed dates', async () => {
		const path = `/projects/${PROJECTS.website.id}`;
		const res = await c.patch<ProjectJson>(path, { is_strict_project: true, end_date: '2027-04-30' });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ is_strict_project: true, end_date: '2027-04-30T00:00:00.000+09:00' });
		expect(detail(await c.patch(path, { strict: true }))).toEqual({ status: 400, title: 'EXTRA_KEY_FOUND_IN_JSON', message: 'Extra key found in JSON.', field: 'strict' });
		expect(detail(await c.patch(path, { is_strict_project: 'yes' }))).toMatchObject({ status: 400, field: 'is_strict_project' });
		expect(detail(await c.patch(path, { start_date: '2027-05-01' }))).toMatchObject({ status: 400, field: 'end_date' });
		expect((await c.get<ProjectJson>(path)).body.start_date).toBe('2026-11-01T00:00:00.000+09:00');
	});
});

describe('tasklists', () => {
	const LISTS = `/projects/${PROJECTS.migration.id}/tasklists`;
	type Lists = { tasklists: { id: string; name: string }[]; page_info: PageInfo };

	it('lists with page_info and needs page', async () => {
		const res = await c.get<Lists>(`${LISTS}?page=1`);
		expect(res.body.tasklists.map((l) => [l.id, l.name])).toEqual([
			[TASKLISTS.migrationGeneral.id, 'General'],
			[TASKLISTS.migrationVerify.id, '検証'],
		]);
		expect(res.body.page_info.has_next_page).toBe(false);
		expect((await c.get(LISTS)).status).toBe(400);
	});

	it('creates (ignoring a flat milestone_id), renames and deletes a tasklist; deleting trashes its tasks', async () => {
		expect(detail(await c.post(LISTS, { milestone_id: '1' }))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'name' });
		const created = await c.post<{ id: string; name: string }>(LISTS, { name: '本番切替', milestone_id: '1' });
		expect(created.status).toBe(201);
		expect(created.body.name).toBe('本番切替');
		const renamed = await c.patch<{ name: string }>(`${LISTS}/${created.body.id}`, { name: '本番切替 (確定)' });
		expect(renamed.body.name).toBe('本番切替 (確定)');
		const task = await c.post<TaskJson>(`/projects/${PROJECTS.migration.id}/tasks`, { name: '切替手順', tasklist: { id: created.body.id } });
		expect(task.body.tasklist.id).toBe(created.body.id);
		expect((await c.del(`${LISTS}/${created.body.id}`)).status).toBe(204);
		expect((await c.get(`/projects/${PROJECTS.migration.id}/tasks/${task.body.id}`)).status).toBe(404);
		expect((await c.patch(`${LISTS}/${created.body.id}`, { name: 'x' })).status).toBe(404);
	});
});

describe('statuses', () => {
	it('global-statuses: a bare array without is_closed_type; module and page required', async () => {
		const res = await c.get<{ id: string; name: string }[]>('/settings/global-statuses?module=tasks&page=1');
		expect(res.body.map((s) => s.id)).toEqual(Object.values(STATUSES).map((s) => s.id));
		for (const s of res.body) expect(s).not.toHaveProperty('is_closed_type');
		expect(detail(await c.get('/settings/global-statuses?page=1'))).toMatchObject({ status: 400, field: 'module' });
		expect(detail(await c.get('/settings/global-statuses?module=tasks'))).toMatchObject({ status: 400, field: 'page' });
	});

	it('serves no per-project status list (no Zoho source documents one): 400 URL_RULE_NOT_CONFIGURED', async () => {
		const res = await c.get(`/projects/${PROJECTS.migration.id}/statuses?page=1`);
		expect(res.status).toBe(400);
		expect(res.body).toMatchObject({ error: { title: 'URL_RULE_NOT_CONFIGURED' } });
	});

	it('tasks embed is_closed_type in their status', async () => {
		const res = await c.get<TaskJson>(`/projects/${PROJECTS.migration.id}/tasks/${TASKS.verify.zpId}`);
		expect(res.body.status).toMatchObject({ id: STATUSES.closed.id, is_closed_type: true });
	});
});

describe('task fields (settings/fields: route documented, shape assumed)', () => {
	it("lists Zoho's own task fields, then CRM Task ID with its API name; a removed field is refused on write", async () => {
		type Field = { api_name: string; display_name: string; is_default: boolean };
		const res = await c.get<{ fields: Field[]; page_info: { has_next_page: boolean } }>('/settings/fields?module=tasks&page=1');
		expect(res.status).toBe(200);
		expect(res.body.fields.filter((f) => f.is_default).map((f) => f.api_name)).toEqual(expect.arrayContaining(['name', 'description', 'end_date']));
		expect(res.body.fields.filter((f) => !f.is_default)).toEqual([expect.objectContaining({ api_name: FIELDS.projectsCrmTaskId, display_name: FIELDS.projectsCrmTaskIdLabel })]);
		expect(detail(await c.get('/settings/fields?page=1'))).toMatchObject({ status: 400, field: 'module' });
		c.sim.projects.removeCustomField(FIELDS.projectsCrmTaskId);
		const after = await c.get<{ fields: Field[] }>('/settings/fields?module=tasks&page=1');
		expect(after.body.fields.some((f) => f.api_name === FIELDS.projectsCrmTaskId)).toBe(false);
		const write = await c.patch(`/projects/${PROJECTS.website.id}/tasks/${TASKS.contentPlan.zpId}`, { [FIELDS.projectsCrmTaskId]: '1' });
		expect(detail(write)).toMatchObject({ status: 400, message: 'Enter a valid custom field.' });
		c.sim.projects.addCustomField(FIELDS.projectsCrmTaskId, FIELDS.projectsCrmTaskIdLabel);
		expect((await c.patch(`/projects/${PROJECTS.website.id}/tasks/${TASKS.contentPlan.zpId}`, { [FIELDS.projectsCrmTaskId]: '1' })).status).toBe(200);
	});

	it('the old guessed path settings/custom-fields is not served', async () => {
		expect((await c.get('/settings/custom-fields?module=tasks&page=1')).status).toBe(400);
	});
});
