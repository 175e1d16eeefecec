/** Direct manipulation ("a user in the Projects UI"), its /_sim routes, snapshot and reset. */
import { PROJECTS, STATUSES, TASKS, USERS } from '../zoho-sim/seed-data';
import { SimRefusal } from '../zoho-sim/projects';
import { type Client, type TaskJson, detail, startSim } from './helpers';

let c: Client;
beforeEach(async () => {
	c = await startSim();
});
afterEach(() => c.sim.stop());

const DESIGN = `/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}`;

it('edits a task as a UI user: new modified time and editor, visible through the API', async () => {
	c.sim.clock.advance(10 * 60_000);
	const edited = c.sim.projects.editTask(TASKS.design.zpId, { end_date: '2026-12-02', priority: 'low' }, 'emily');
	expect(edited).toMatchObject({ end_date: '2026-12-02T00:00:00.000+09:00', priority: 'low' });
	const res = await c.get<TaskJson>(DESIGN);
	expect(res.body).toMatchObject({ last_modified_time: c.sim.clock.iso(), updated_by: { zpuid: USERS.emily.zpuid }, priority: 'low' });
});

it('closes, reopens, comments and deletes as a UI user', async () => {
	expect(c.sim.projects.closeTask(TASKS.design.zpId, USERS.emily.email)).toMatchObject({ is_completed: true });
	expect(c.sim.projects.reopenTask(TASKS.design.zpId, USERS.emily.zpuid)).toMatchObject({ is_completed: false, status: { id: STATUSES.open.id } });
	const comment = c.sim.projects.addComment(TASKS.design.zpId, '<p>from the UI</p>', 'maria');
	const list = await c.get<{ comments: { id: string; created_by: { zpuid: string } }[] }>(`${DESIGN}/comments?page=1`);
	expect(list.body.comments.find((x) => x.id === comment.id)?.created_by.zpuid).toBe(USERS.maria.zpuid);
	c.sim.projects.deleteTask(TASKS.design.zpId);
	expect((await c.get(DESIGN)).status).toBe(404);
	expect(c.sim.projects.task(TASKS.design.zpId)).toBeUndefined();
});

it('refuses what the API refuses, with the same V3 error', () => {
	try {
		c.sim.projects.editTask(TASKS.design.zpId, { priority: 'High' });
		throw new Error('expected a refusal');
	} catch (error) {
		expect(error).toBeInstanceOf(SimRefusal);
		expect((error as SimRefusal).response.status).toBe(400);
	}
	expect(() => c.sim.projects.createTask(PROJECTS.migration.id, { name: 'x', owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] } })).toThrow(/not a user of project/);
	expect(() => c.sim.projects.editTask('1', { name: 'x' })).toThrow(/no live Projects task/);
	expect(() => c.sim.projects.editTask(TASKS.design.zpId, { name: 'x' }, 'ken')).toThrow(/no Projects user/);
});

it('offers the same over /_sim/projects routes, refusals included', async () => {
	const edited = await c.patch<TaskJson>(`/_sim/projects/tasks/${TASKS.design.zpId}`, { as: 'emily', name: 'via control' });
	expect(edited.status).toBe(200);
	expect(edited.body.updated_by?.zpuid).toBe(USERS.emily.zpuid);
	const refused = await c.patch(`/_sim/projects/tasks/${TASKS.verifyReport.zpId}`, { status: { id: STATUSES.open.id } });
	expect(detail(refused)).toMatchObject({ status: 400, field: 'status' });
	const created = await c.post<TaskJson>(`/_sim/projects/projects/${PROJECTS.website.id}/tasks`, { as: 'maria', name: 'UI task' });
	expect(created.status).toBe(201);
	expect(created.body.created_by?.zpuid).toBe(USERS.maria.zpuid);
	expect((await c.post(`/_sim/projects/tasks/${created.body.id}/close`, {})).status).toBe(200);
	expect((await c.post(`/_sim/projects/tasks/${created.body.id}/reopen`, {})).status).toBe(200);
	expect((await c.post(`/_sim/projects/tasks/${created.body.id}/comments`, { comment: 'hi', as: 'ichiro' })).status).toBe(201);
	expect((await c.del(`/_sim/projects/tasks/${created.body.id}`)).status).toBe(204);
	expect((await c.get(`/_sim/projects/tasks/${created.body.id}`)).status).toBe(404);
	// Control routes are not Zoho calls: they are not in the request log.
	expect(c.sim.log.count({ path: /_sim/ })).toBe(0);
});

it('snapshots all state, and /_sim/reset restores the seed', async () => {
	c.sim.projects.createTask(PROJECTS.website.id, { name: 'temporary' });
	const snap = c.sim.projects.snapshot() as { tasks: { name: string }[]; users: unknown[]; comments: unknown[]; webhooks: unknown[] };
	expect(snap.tasks.map((t) => t.name)).toContain('temporary');
	expect(snap.users).toHaveLength(4);
	expect(snap.comments).toHaveLength(2);
	expect((await c.post('/_sim/reset', {})).status).toBe(200);
	const after = c.sim.projects.snapshot() as { tasks: { name: string }[] };
	expect(after.tasks.map((t) => t.name)).not.toContain('temporary');
	expect(after.tasks).toHaveLength(5);
});
