/** Creating, updating and deleting tasks: body rules, owners, subtasks, dates, custom fields. */
import { FIELDS, PROJECTS, STATUSES, TASKLISTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, type TaskJson, START, detail, startSim } from './helpers';

let c: Client;
beforeAll(async () => {
	c = await startSim();
});
afterAll(() => c.sim.stop());

const MIGRATION = `/projects/${PROJECTS.migration.id}/tasks`;
const WEBSITE = `/projects/${PROJECTS.website.id}/tasks`;
const create = (body: unknown, base = WEBSITE) => c.post<TaskJson>(base, body);

describe('create', () => {
	it('needs only a name: 201, filed under General, Open, unassigned, attributed to the caller', async () => {
		const res = await create({ name: 'Minimal' });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			name: 'Minimal',
			tasklist: { id: TASKLISTS.websiteGeneral.id, name: 'General' },
			status: { id: STATUSES.open.id, is_closed_type: false },
			priority: 'none',
			depth: 0,
			owners_and_work: { owners: [] },
			created_time: START,
			last_modified_time: START,
			created_by: { zpuid: USERS.hanako.zpuid },
		});
		expect(res.body.key).toMatch(/^WR-T\d+$/);
		expect((await c.get<TaskJson>(`${WEBSITE}/${res.body.id}`)).body.name).toBe('Minimal');
	});

	it('refuses a missing or blank name with LESS_THAN_MIN_OCCURANCE', async () => {
		expect(detail(await create({ description: 'x' }))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'name' });
		expect(detail(await create({ name: '  ' }))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'name' });
	});

	it('takes every documented key', async () => {
		const res = await create({
			name: 'Full',
			description: '<p>html <b>body</b></p>',
			tasklist: { id: TASKLISTS.websiteGeneral.id },
			status: { id: STATUSES.inProgress.id },
			priority: 'high',
			start_date: '2026-11-02',
			end_date: '2026-11-05',
			owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }, { zpuid: USERS.maria.zpuid }], work_type: 'standard' },
			completion_percentage: 40,
			billing_type: 'billable',
			duration: { value: '3', type: 'days' },
			[FIELDS.projectsCrmTaskId]: '4876876000000099999',
		});
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({
			description: '<p>html <b>body</b></p>',
			status: { id: STATUSES.inProgress.id, name: 'In Progress' },
			priority: 'high',
			start_date: '2026-11-02T00:00:00.000+09:00',
			end_date: '2026-11-05T00:00:00.000+09:00',
			[FIELDS.projectsCrmTaskId]: '4876876000000099999',
		});
		expect(res.body.owners_and_work.owners.map((o) => o.zpuid)).toEqual([USERS.emily.zpuid, USERS.maria.zpuid]);
	});

	it('refuses flat link keys, reading them as unknown custom fields', async () => {
		for (const key of ['tasklist_id', 'parent_task_id', 'parent_task', 'assignees']) {
			const res = await create({ name: 'Flat', [key]: '1' });
			expect(detail(res)).toEqual({ status: 400, title: 'INVALID_PARAMETER_VALUE', message: 'Enter a valid custom field.', field: key });
		}
	});

	it('accepts and ignores depth on create', async () => {
		const res = await create({ name: 'Depth', depth: 3 });
		expect(res.status).toBe(201);
		expect(res.body.depth).toBe(0);
	});

	it('needs tasklist as an object of this project', async () => {
		expect(detail(await create({ name: 'x', tasklist: TASKLISTS.websiteGeneral.id }))).toMatchObject({ status: 400, title: 'JSON_PARSE_ERROR', field: 'tasklist' });
		expect(detail(await create({ name: 'x', tasklist: { id: TASKLISTS.migrationGeneral.id } }))).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'tasklist' });
	});

	it('refuses an unknown status id', async () => {
		expect(detail(await create({ name: 'x', status: { id: '1' } }))).toMatchObject({ status: 400, field: 'status' });
	});

	it('takes priority in lower case only', async () => {
		for (const p of ['none', 'low', 'medium', 'high']) expect((await create({ name: p, priority: p })).body.priority).toBe(p);
		const res = await create({ name: 'x', priority: 'High' });
		expect(detail(res)).toEqual({ status: 400, title: 'PATTERN_NOT_MATCHED', message: 'Input Parameter Does not Match the Pattern Specified', field: 'priority' });
	});

	it('limits the name to 255 characters', async () => {
		expect((await create({ name: 'あ'.repeat(255) })).status).toBe(201);
		const res = await create({ name: 'あ'.repeat(256) });
		expect(detail(res)).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'name' });
		expect(detail(res).message).toContain('255');
	});
});

describe('owners', () => {
	it('refuses an unknown zpuid and a portal user who is not a project user', async () => {
		const unknown = await create({ name: 'x', owners_and_work: { owners: [{ zpuid: '999' }] } }, MIGRATION);
		expect(detail(unknown)).toMatchObject({ status: 400, field: 'owners_and_work' });
		expect(detail(unknown).message).toContain('999');
		const emily = await create({ name: 'x', owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] } }, MIGRATION);
		expect(detail(emily)).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'owners_and_work' });
		expect(detail(emily).message).toContain(USERS.emily.name);
		expect(detail(emily).message).toContain(PROJECTS.migration.name);
	});

	it('refuses owners_and_work as an array', async () => {
		expect(detail(await create({ name: 'x', owners_and_work: [{ zpuid: USERS.emily.zpuid }] }))).toMatchObject({ status: 400, title: 'JSON_PARSE_ERROR' });
	});

	it('replaces owners with a plain list, edits them with add/remove, and ignores flat owner keys', async () => {
		const task = (await create({ name: 'Owners', owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] } })).body;
		const path = `${WEBSITE}/${task.id}`;
		const owners = (t: TaskJson) => t.owners_and_work.owners.map((o) => o.zpuid);
		expect(owners((await c.patch<TaskJson>(path, { owners_and_work: { owners: [{ zpuid: USERS.ichiro.zpuid }] } })).body)).toEqual([USERS.ichiro.zpuid]);
		const added = await c.patch<TaskJson>(path, { owners_and_work: { owners: [{ add: [{ zpuid: USERS.maria.zpuid }], remove: [{ zpuid: USERS.ichiro.zpuid }] }] } });
		expect(owners(added.body)).toEqual([USERS.maria.zpuid]);
		const ignored = await c.patch<TaskJson>(path, { owner: USERS.hanako.zpuid, owners: [{ zpuid: USERS.hanako.zpuid }] });
		expect(ignored.status).toBe(200);
		expect(owners(ignored.body)).toEqual([USERS.maria.zpuid]);
	});
});

describe('subtasks', () => {
	it('creates a subtask through parental_info, in the parent tasklist, and a sub-subtask under it', async () => {
		const parent = (await create({ name: 'Parent' })).body;
		const child = await create({ name: 'Child', parental_info: { parent_task_id: parent.id } });
		expect(child.status).toBe(201);
		expect(child.body).toMatchObject({ depth: 1, parental_info: { parent_task_id: parent.id, root_task_id: parent.id }, tasklist: parent.tasklist });
		expect((await c.get<TaskJson>(`${WEBSITE}/${parent.id}`)).body.association_info.has_subtasks).toBe(true);
		const grandchild = await create({ name: 'Grandchild', parental_info: { parent_task_id: child.body.id } });
		expect(grandchild.body).toMatchObject({ depth: 2, parental_info: { parent_task_id: child.body.id, root_task_id: parent.id } });
	});

	it('refuses a parent from another project', async () => {
		expect(detail(await create({ name: 'x', parental_info: { parent_task_id: TASKS.plan.zpId } }))).toMatchObject({ status: 400, field: 'parent_task_id' });
	});

	it('deletes a parent with its subtasks (204, then 404 and gone from lists)', async () => {
		const parent = (await create({ name: 'Doomed' })).body;
		const child = (await create({ name: 'Doomed child', parental_info: { parent_task_id: parent.id } })).body;
		const res = await c.del(`${WEBSITE}/${parent.id}`);
		expect(res.status).toBe(204);
		expect(res.text).toBe('');
		expect((await c.get(`${WEBSITE}/${parent.id}`)).status).toBe(404);
		expect((await c.get(`${WEBSITE}/${child.id}`)).status).toBe(404);
		expect((await c.patch(`${WEBSITE}/${child.id}`, { name: 'x' })).status).toBe(404);
		const listed = (await c.get<{ tasks: TaskJson[] }>(`${WEBSITE}?page=1&per_page=200`)).body.tasks.map((t) => t.id);
		expect(listed).toContain(TASKS.design.zpId);
		expect(listed).not.toContain(parent.id);
		expect(listed).not.toContain(child.id);
	});
});

describe('dates', () => {
	it('stores a date-time as the portal calendar day of that instant', async () => {
		const res = await create({ name: 'ISO', start_date: '2026-11-09T15:00:00.000Z', end_date: '2026-11-12T00:00:00.000+09:00' });
		expect(res.body.start_date).toBe('2026-11-10T00:00:00.000+09:00');
		expect(res.body.end_date).toBe('2026-11-12T00:00:00.000+09:00');
		// What was read can be written back unchanged.
		const again = await c.patch<TaskJson>(`${WEBSITE}/${res.body.id}`, { end_date: res.body.end_date });
		expect(again.body.end_date).toBe('2026-11-12T00:00:00.000+09:00');
	});

	it('refuses impossible or foreign date formats', async () => {
		for (const bad of ['2026-02-30', '11-12-2026', 'tomorrow']) {
			expect(detail(await create({ name: 'x', end_date: bad }))).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'end_date' });
		}
	});

	it('refuses an end date before the start date, on create and on PATCH', async () => {
		const res = await create({ name: 'x', start_date: '2026-11-10', end_date: '2026-11-09' });
		expect(detail(res)).toMatchObject({ status: 400, field: 'end_date' });
		expect(detail(res).message).toContain('2026-11-09');
		expect(detail(res).message).toContain('2026-11-10');
		const patch = await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, { end_date: '2026-11-01' });
		expect(detail(patch)).toMatchObject({ status: 400, field: 'end_date' });
	});

	it('clears a date with null', async () => {
		const task = (await create({ name: 'x', end_date: '2026-11-20' })).body;
		const res = await c.patch<TaskJson>(`${WEBSITE}/${task.id}`, { end_date: null });
		expect(res.body).not.toHaveProperty('end_date');
	});
});

describe('update', () => {
	it('is partial, returns the task, and stamps time and editor', async () => {
		c.sim.clock.advance(5 * 60_000);
		const res = await c.patch<TaskJson>(`${WEBSITE}/${TASKS.design.zpId}`, { name: 'Design mock-ups v2' }, { token: c.tokenFor(USERS.emily.crmId) });
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({ name: 'Design mock-ups v2', priority: 'medium', [FIELDS.projectsCrmTaskId]: TASKS.design.crmId });
		expect(res.body.last_modified_time).toBe(c.sim.clock.iso());
		expect(res.body.updated_by?.zpuid).toBe(USERS.emily.zpuid);
	});

	it('leaves last_modified_time alone when nothing changes', async () => {
		const before = (await c.get<TaskJson>(`${WEBSITE}/${TASKS.design.zpId}`)).body;
		c.sim.clock.advance(60_000);
		const res = await c.patch<TaskJson>(`${WEBSITE}/${TASKS.design.zpId}`, { name: before.name, is_completed: true });
		expect(res.body.last_modified_time).toBe(before.last_modified_time);
		expect(res.body.is_completed).toBe(false);
	});

	it('closes and reopens with status {id}', async () => {
		const task = (await create({ name: 'Close me' })).body;
		const closed = await c.patch<TaskJson>(`${WEBSITE}/${task.id}`, { status: { id: STATUSES.closed.id } });
		expect(closed.body).toMatchObject({ is_completed: true, status: { is_closed_type: true } });
		const open = await c.patch<TaskJson>(`${WEBSITE}/${task.id}`, { status: { id: STATUSES.open.id } });
		expect(open.body.is_completed).toBe(false);
	});

	it('sets, changes and clears a custom field; refuses unknown keys and object values', async () => {
		const path = `${WEBSITE}/${TASKS.contentPlan.zpId}`;
		expect((await c.patch<TaskJson>(path, { [FIELDS.projectsCrmTaskId]: '123' })).body[FIELDS.projectsCrmTaskId]).toBe('123');
		expect((await c.patch<TaskJson>(path, { [FIELDS.projectsCrmTaskId]: null })).body).not.toHaveProperty(FIELDS.projectsCrmTaskId);
		expect(detail(await c.patch(path, { CRM_Task: '1' }))).toEqual({ status: 400, title: 'INVALID_PARAMETER_VALUE', message: 'Enter a valid custom field.', field: 'CRM_Task' });
		expect(detail(await c.patch(path, { [FIELDS.projectsCrmTaskId]: { id: 1 } }))).toMatchObject({ status: 500, title: 'INTERNAL_SERVER_ERROR' });
	});

	it('refuses a body that is not an object', async () => {
		expect(detail(await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, [{ name: 'x' }]))).toMatchObject({ status: 400, title: 'JSON_PARSE_ERROR' });
	});
});
