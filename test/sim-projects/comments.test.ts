/** Task comments: list shape, POST answering with an array, the `comment` key, PATCH and DELETE. */
import { PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, type PageInfo, type TaskJson, detail, startSim } from './helpers';

let c: Client;
beforeAll(async () => {
	c = await startSim();
});
afterAll(() => c.sim.stop());

interface CommentJson {
	id: string;
	comment: string;
	created_time: string;
	updated_time: string;
	created_by: { zpuid: string; name: string; email: string };
}
const COMMENTS = `/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}/comments`;

it('lists comments with page_info and needs page', async () => {
	const res = await c.get<{ comments: CommentJson[]; page_info: PageInfo }>(`${COMMENTS}?page=1`);
	expect(res.status).toBe(200);
	expect(res.body.comments).toEqual([
		expect.objectContaining({ comment: '<div>対象テーブルの一覧を作成中です。</div>', created_by: expect.objectContaining({ zpuid: USERS.ichiro.zpuid, name: USERS.ichiro.name, email: USERS.ichiro.email }) }),
	]);
	expect(res.body.page_info).toEqual({ page: 1, per_page: 100, has_next_page: false });
	expect(detail(await c.get(COMMENTS))).toMatchObject({ status: 400, field: 'page' });
});

it('adds a comment: 201 with a bare array; it does not touch the task modified time', async () => {
	const before = (await c.get<TaskJson>(`/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`)).body;
	c.sim.clock.advance(60_000);
	const res = await c.post<CommentJson[]>(COMMENTS, { comment: '<p>CRM から: 確認しました</p>' });
	expect(res.status).toBe(201);
	expect(Array.isArray(res.body)).toBe(true);
	expect(res.body[0]).toMatchObject({ comment: '<p>CRM から: 確認しました</p>', created_time: c.sim.clock.iso(), created_by: { zpuid: USERS.hanako.zpuid } });
	const after = (await c.get<TaskJson>(`/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`)).body;
	expect(after.last_modified_time).toBe(before.last_modified_time);
	const list = await c.get<{ comments: CommentJson[] }>(`${COMMENTS}?page=1`);
	expect(list.body.comments.map((x) => x.id)).toContain(res.body[0].id);
});

it('refuses other key names for the text', async () => {
	for (const key of ['content', 'text', 'body']) {
		expect(detail(await c.post(COMMENTS, { [key]: 'hello' }))).toEqual({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', message: 'Input Parameter Missing', field: 'comment' });
	}
});

it('edits and deletes a comment', async () => {
	const created = (await c.post<CommentJson[]>(COMMENTS, { comment: 'draft' })).body[0];
	c.sim.clock.advance(60_000);
	const edited = await c.patch<CommentJson[]>(`${COMMENTS}/${created.id}`, { comment: 'final' });
	expect(edited.status).toBe(200);
	expect(edited.body[0]).toMatchObject({ id: created.id, comment: 'final', created_time: created.created_time, updated_time: c.sim.clock.iso() });
	expect((await c.del(`${COMMENTS}/${created.id}`)).status).toBe(204);
	expect((await c.del(`${COMMENTS}/${created.id}`)).status).toBe(404);
	const list = await c.get<{ comments: CommentJson[] }>(`${COMMENTS}?page=1`);
	expect(list.body.comments.map((x) => x.id)).not.toContain(created.id);
});

it('does not find a comment through another task', async () => {
	const created = (await c.post<CommentJson[]>(COMMENTS, { comment: 'mine' })).body[0];
	const other = `/projects/${PROJECTS.migration.id}/tasks/${TASKS.verify.zpId}/comments/${created.id}`;
	expect(detail(await c.patch(other, { comment: 'x' }))).toMatchObject({ status: 404, title: 'RESOURCE_NOT_FOUND' });
});
