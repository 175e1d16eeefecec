/** Reading tasks: shape, mandatory paging, sort_by, the JSON filter and subtasks. */
import { FIELDS, PROJECTS, STATUSES, TASKLISTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, type PageInfo, type TaskJson, detail, filterParam, startSim } from './helpers';

let c: Client;
beforeAll(async () => {
	c = await startSim();
});
afterAll(() => c.sim.stop());

type TaskList = { tasks: TaskJson[]; page_info: PageInfo };
const MIGRATION = `/projects/${PROJECTS.migration.id}/tasks`;
const WEBSITE = `/projects/${PROJECTS.website.id}/tasks`;

describe('task read shape', () => {
	it('returns the bare task with the V3 fields', async () => {
		const res = await c.get<TaskJson>(`${MIGRATION}/${TASKS.plan.zpId}`);
		expect(res.status).toBe(200);
		expect(res.body).toMatchObject({
			id: TASKS.plan.zpId,
			key: 'DM-T1',
			name: TASKS.plan.name,
			description: '<div>移行対象のテーブルを洗い出す。<br>担当: 鈴木</div>',
			status: { id: STATUSES.inProgress.id, name: 'In Progress', is_closed_type: false },
			is_completed: false,
			priority: 'high',
			tasklist: { id: TASKLISTS.migrationGeneral.id, name: 'General' },
			association_info: { has_subtasks: false },
			depth: 0,
			[FIELDS.projectsCrmTaskId]: TASKS.plan.crmId,
		});
		expect(res.body.status.color_hexcode).toMatch(/^#[0-9a-f]{6}$/);
		expect(res.body.owners_and_work.owners).toEqual([
			expect.objectContaining({ zpuid: USERS.ichiro.zpuid, zuid: USERS.ichiro.zuid, name: USERS.ichiro.name, email: USERS.ichiro.email, first_name: '一郎', last_name: '鈴木' }),
		]);
		expect(res.body.created_by?.zpuid).toBe(USERS.hanako.zpuid);
		expect(res.body.created_time).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
	});

	it('reads dates as midnight in the portal time zone, so the first ten characters are the calendar date', async () => {
		const res = await c.get<TaskJson>(`${MIGRATION}/${TASKS.plan.zpId}`);
		expect(res.body.start_date).toBe('2026-12-01T00:00:00.000+09:00');
		expect(res.body.end_date).toBe('2026-12-10T00:00:00.000+09:00');
	});

	it('shows the subtask links both ways', async () => {
		const parent = await c.get<TaskJson>(`${MIGRATION}/${TASKS.verify.zpId}`);
		const child = await c.get<TaskJson>(`${MIGRATION}/${TASKS.verifyReport.zpId}`);
		expect(parent.body.association_info.has_subtasks).toBe(true);
		expect(parent.body.parental_info).toBeUndefined();
		expect(child.body).toMatchObject({ depth: 1, parental_info: { parent_task_id: TASKS.verify.zpId, root_task_id: TASKS.verify.zpId } });
		expect(child.body.status.is_closed_type).toBe(true);
	});

	it('omits a custom field that has no value', async () => {
		const res = await c.get<TaskJson>(`${WEBSITE}/${TASKS.contentPlan.zpId}`);
		expect(res.body).not.toHaveProperty(FIELDS.projectsCrmTaskId);
	});
});

describe('task list paging', () => {
	it('needs page: 400 LESS_THAN_MIN_OCCURANCE naming page', async () => {
		const res = await c.get(MIGRATION);
		expect(detail(res)).toEqual({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', message: 'Input Parameter Missing', field: 'page' });
	});

	it('refuses per_page above 200 and page 0', async () => {
		expect(detail(await c.get(`${MIGRATION}?page=1&per_page=201`))).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'per_page' });
		expect(detail(await c.get(`${MIGRATION}?page=0`))).toMatchObject({ status: 400, field: 'page' });
	});

	it('lists subtasks with the rest and ignores ad-hoc params', async () => {
		const res = await c.get<TaskList>(`${MIGRATION}?page=1&parent_task=${TASKS.verify.zpId}&search=zzz`);
		expect(res.body.tasks.map((t) => t.id)).toEqual([TASKS.plan.zpId, TASKS.verify.zpId, TASKS.verifyReport.zpId]);
		expect(res.body.page_info).toEqual({ page: 1, per_page: 100, has_next_page: false });
	});

	// The bulk tasks share one last_modified_time (frozen clock): ties must still page without overlap.
	it('pages through more than 200 tasks without overlap', async () => {
		for (let i = 0; i < 205; i++) c.sim.projects.createTask(PROJECTS.website.id, { name: `bulk ${String(i).padStart(3, '0')}` });
		const seen: string[] = [];
		const infos: PageInfo[] = [];
		for (let page = 1; ; page++) {
			const res = await c.get<TaskList>(`${WEBSITE}?page=${page}&per_page=200&sort_by=DESC(last_modified_time)`);
			expect(res.status).toBe(200);
			seen.push(...res.body.tasks.map((t) => t.id));
			infos.push(res.body.page_info);
			if (!res.body.page_info.has_next_page) break;
		}
		expect(infos).toEqual([
			{ page: 1, per_page: 200, has_next_page: true },
			{ page: 2, per_page: 200, has_next_page: false },
		]);
		expect(seen).toHaveLength(207); // two seeded website tasks + 205
		expect(new Set(seen).size).toBe(207);
	});
});

describe('sort_by', () => {
	it('sorts by last_modified_time both ways', async () => {
		c.sim.clock.advance(60_000);
		c.sim.projects.editTask(TASKS.verify.zpId, { description: '<p>touched</p>' });
		const desc = await c.get<TaskList>(`${MIGRATION}?page=1&sort_by=DESC(last_modified_time)`);
		expect(desc.body.tasks[0].id).toBe(TASKS.verify.zpId);
		const times = desc.body.tasks.map((t) => t.last_modified_time);
		expect([...times].sort().reverse()).toEqual(times);
		const asc = await c.get<TaskList>(`${MIGRATION}?page=1&sort_by=ASC(last_modified_time)`);
		expect(asc.body.tasks.map((t) => t.id)).toEqual([...desc.body.tasks.map((t) => t.id)].reverse());
	});

	it('sorts by name and end_date', async () => {
		const byName = await c.get<TaskList>(`${MIGRATION}?page=1&sort_by=ASC(name)`);
		const names = byName.body.tasks.map((t) => t.name);
		expect(names).toEqual([...names].sort());
		const byEnd = await c.get<TaskList>(`${MIGRATION}?page=1&sort_by=DESC(end_date)`);
		expect(byEnd.body.tasks.map((t) => t.id)).toEqual([TASKS.verify.zpId, TASKS.verifyReport.zpId, TASKS.plan.zpId]);
	});

	it('refuses an unknown sort field or syntax', async () => {
		expect(detail(await c.get(`${MIGRATION}?page=1&sort_by=DESC(priority)`))).toMatchObject({ status: 400, field: 'sort_by' });
		expect(detail(await c.get(`${MIGRATION}?page=1&sort_by=last_modified_time`))).toMatchObject({ status: 400, field: 'sort_by' });
	});
});

describe('filter', () => {
	const ids = async (path: string) => (await c.get<TaskList>(path)).body.tasks.map((t) => t.id);

	it('filters subtasks by parent_task', async () => {
		const f = filterParam([{ field_name: 'parent_task', criteria_condition: 'is', value: [TASKS.verify.zpId] }]);
		expect(await ids(`${MIGRATION}?page=1&filter=${f}`)).toEqual([TASKS.verifyReport.zpId]);
	});

	it('filters by owner, status, priority, tasklist and name', async () => {
		const one = (field_name: string, criteria_condition: string, value: string[]) => filterParam([{ field_name, criteria_condition, value }]);
		expect(await ids(`${MIGRATION}?page=1&filter=${one('owner', 'is', [USERS.ichiro.zpuid])}`)).toEqual([TASKS.plan.zpId, TASKS.verifyReport.zpId]);
		expect(await ids(`${MIGRATION}?page=1&filter=${one('status', 'is', [STATUSES.closed.id])}`)).toEqual([TASKS.verify.zpId, TASKS.verifyReport.zpId]);
		expect(await ids(`${MIGRATION}?page=1&filter=${one('status', 'is_not', [STATUSES.closed.id])}`)).toEqual([TASKS.plan.zpId]);
		expect(await ids(`${MIGRATION}?page=1&filter=${one('priority', 'is', ['low', 'high'])}`)).toEqual([TASKS.plan.zpId, TASKS.verifyReport.zpId]);
		expect(await ids(`${MIGRATION}?page=1&filter=${one('tasklist', 'is', [TASKLISTS.migrationVerify.id])}`)).toEqual([TASKS.verify.zpId, TASKS.verifyReport.zpId]);
		expect(await ids(`${WEBSITE}?page=1&filter=${one('name', 'contains', ['MOCK'])}`)).toEqual([TASKS.design.zpId]);
	});

	it('combines criteria with the pattern', async () => {
		const criteria = [
			{ field_name: 'owner', criteria_condition: 'is', value: [USERS.ichiro.zpuid] },
			{ field_name: 'status', criteria_condition: 'is', value: [STATUSES.closed.id] },
			{ field_name: 'priority', criteria_condition: 'is', value: ['medium'] },
		];
		expect(await ids(`${MIGRATION}?page=1&filter=${filterParam(criteria)}`)).toEqual([]);
		expect(await ids(`${MIGRATION}?page=1&filter=${filterParam(criteria, '(1 AND 2) OR 3')}`)).toEqual([TASKS.verify.zpId, TASKS.verifyReport.zpId]);
	});

	it('refuses a malformed filter or an unknown field', async () => {
		expect(detail(await c.get(`${MIGRATION}?page=1&filter=${encodeURIComponent('{nope')}`))).toMatchObject({ status: 400, field: 'filter' });
		const f = filterParam([{ field_name: 'last_modified_time', criteria_condition: 'is', value: ['x'] }]);
		expect(detail(await c.get(`${MIGRATION}?page=1&filter=${f}`))).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'filter' });
	});
});
