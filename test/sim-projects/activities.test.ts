/**
 * Task activities (`GET /restapi/portal/{p}/projects/{pr}/tasks/{t}/activities`): who changed which
 * field, when, from what to what; UI edits and API writes alike; paging; unknown ids; the throttle.
 */
import { PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, detail, type PageInfo, type Person, type Res, startSim } from './helpers';

interface Change {
	field_name: string;
	old_value: unknown;
	new_value: unknown;
}
interface Activity {
	id: string;
	action: 'created' | 'updated' | 'deleted';
	time: string;
	activity_by: Person;
	field_changes: Change[];
}
interface Activities {
	activities: Activity[];
	page_info: PageInfo;
}

const PATTERN = '/restapi/portal/:portal/projects/:project/tasks/:task/activities';
const path = (task: string, query = '?page=1', project: string = PROJECTS.migration.id) =>
	`/restapi/portal/${PORTAL_ID}/projects/${project}/tasks/${task}/activities${query}`;

/** The shared client puts every non-`/api` path under the V3 portal, so the legacy path is fetched here. */
async function getLegacy<T>(c: Client, url: string): Promise<Res<T>> {
	const res = await fetch(c.sim.url + url, { headers: { authorization: `Zoho-oauthtoken ${c.token}` } });
	const text = await res.text();
	return { status: res.status, headers: res.headers, text, body: (text ? JSON.parse(text) : undefined) as T };
}

describe('Projects task activities', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim();
	});
	afterEach(() => c.sim.stop());

	const list = (task: string, query?: string) => getLegacy<Activities>(c, path(task, query));

	it('a seeded task has no recorded activity yet', async () => {
		const res = await list(TASKS.plan.zpId);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({ activities: [], page_info: { page: 1, per_page: 100, has_next_page: false } });
	});

	it('a UI edit shows the acting user, the task time and each changed field with old and new values', async () => {
		c.sim.clock.advance(1800_000); // within the 1-hour token lifetime
		const edited = c.sim.projects.editTask(TASKS.plan.zpId, { end_date: '2026-12-20', priority: 'low' }, 'ichiro');
		const res = await list(TASKS.plan.zpId);
		expect(res.body.activities).toHaveLength(1);
		const [a] = res.body.activities;
		expect(a).toMatchObject({ action: 'updated', time: '2026-11-20T00:30:00Z' });
		expect(a.time).toBe(edited.last_modified_time);
		expect(a.activity_by).toEqual({ zpuid: USERS.ichiro.zpuid, zuid: USERS.ichiro.zuid, name: USERS.ichiro.name, email: USERS.ichiro.email });
		expect(a.field_changes).toEqual([
			{ field_name: 'priority', old_value: TASKS.plan.zpPriority, new_value: 'low' },
			{ field_name: 'end_date', old_value: `${TASKS.plan.end}T00:00:00.000+09:00`, new_value: '2026-12-20T00:00:00.000+09:00' },
		]);
	});

	it('an API write shows the token user; owners, status and custom fields are named as in the task JSON', async () => {
		const created = await c.post<{ id: string; status: { id: string } }>(`/projects/${PROJECTS.migration.id}/tasks`, { name: 'Activity probe' });
		expect(created.status).toBe(201);
		const id = created.body.id;
		c.sim.clock.advance(60_000);
		const closed = [...c.sim.projects.store.statuses.values()].find((s) => s.is_closed_type)!;
		const patch = await c.patch(`/projects/${PROJECTS.migration.id}/tasks/${id}`, {
			status: { id: closed.id },
			owners_and_work: { owners: [{ zpuid: USERS.ichiro.zpuid }] },
			CRM_Task_ID: '4876876000000081001',
		});
		expect(patch.status).toBe(200);
		const [updated, create] = (await list(id)).body.activities;
		expect(create).toMatchObject({ action: 'created', time: '2026-11-20T00:00:00Z', activity_by: { zpuid: USERS.hanako.zpuid }, field_changes: [] });
		expect(updated).toMatchObject({ action: 'updated', time: '2026-11-20T00:01:00Z', activity_by: { zpuid: USERS.hanako.zpuid } });
		const byName = Object.fromEntries(updated.field_changes.map((ch) => [ch.field_name, ch]));
		expect(Object.keys(byName).sort()).toEqual(['CRM_Task_ID', 'completion_percentage', 'owners', 'status']);
		expect(byName.status.new_value).toEqual({ id: closed.id, name: closed.name, is_closed_type: true });
		expect(byName.owners).toEqual({
			field_name: 'owners',
			old_value: [],
			new_value: [{ zpuid: USERS.ichiro.zpuid, name: USERS.ichiro.name, email: USERS.ichiro.email }],
		});
		expect(byName.CRM_Task_ID).toMatchObject({ old_value: null, new_value: '4876876000000081001' });
	});

	it('a write that changes nothing records nothing', async () => {
		c.sim.projects.editTask(TASKS.plan.zpId, { name: TASKS.plan.name, priority: TASKS.plan.zpPriority });
		expect((await list(TASKS.plan.zpId)).body.activities).toEqual([]);
	});

	it('pages newest first with the V3 paging rules; page is mandatory', async () => {
		for (let i = 1; i <= 5; i++) {
			c.sim.clock.advance(1000);
			c.sim.projects.editTask(TASKS.plan.zpId, { name: `Plan ${i}` });
		}
		const names = (acts: Activity[]) => acts.map((a) => a.field_changes[0].new_value);
		const p1 = await list(TASKS.plan.zpId, '?page=1&per_page=2');
		expect(names(p1.body.activities)).toEqual(['Plan 5', 'Plan 4']);
		expect(p1.body.page_info).toEqual({ page: 1, per_page: 2, has_next_page: true });
		const p3 = await list(TASKS.plan.zpId, '?page=3&per_page=2');
		expect(names(p3.body.activities)).toEqual(['Plan 1']);
		expect(p3.body.page_info.has_next_page).toBe(false);
		expect(detail(await list(TASKS.plan.zpId, ''))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'page' });
	});

	it('unknown, misplaced and trashed tasks are 404; the trash itself is recorded', async () => {
		expect(detail(await list('2000000089999'))).toMatchObject({ status: 404, title: 'RESOURCE_NOT_FOUND' });
		expect((await getLegacy(c, path(TASKS.plan.zpId, '?page=1', PROJECTS.website.id))).status).toBe(404);
		c.sim.projects.deleteTask(TASKS.plan.zpId, 'ichiro');
		expect((await list(TASKS.plan.zpId)).status).toBe(404);
		expect(c.sim.projects.taskActivities(TASKS.plan.zpId)).toEqual([
			expect.objectContaining({ action: 'deleted', activity_by: expect.objectContaining({ zpuid: USERS.ichiro.zpuid }), field_changes: [] }),
		]);
	});
});

describe('Projects task activities: throttle', () => {
	let c: Client;
	beforeEach(async () => {
		c = await startSim({ projects: { throttleLimit: 3 } });
	});
	afterEach(() => c.sim.stop());

	it('counts against the per-pattern throttle like every Projects route', async () => {
		for (let i = 0; i < 3; i++) expect((await getLegacy(c, path(TASKS.plan.zpId))).status).toBe(200);
		const refused = await getLegacy(c, path(TASKS.plan.zpId));
		expect(refused.status).toBe(400);
		expect((refused.body as { error: { title: string } }).error.title).toBe('URL_ROLLING_THROTTLES_LIMIT_EXCEEDED');
		expect(c.sim.projects.lockedUntil(USERS.hanako.crmId, PATTERN)).toBeDefined();
		// Its own URL pattern: the task read next door is not locked.
		expect((await c.get(`/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`)).status).toBe(200);
	});
});
