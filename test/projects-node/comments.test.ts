/** Comment operations: create, get many, update, delete — node output and stored comments. */
import type { Harness } from '../harness/engine';
import { PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { freshHarness, rl, runProjects, startProjectsSim, stopProjectsSim } from './helpers';

const website = rl(PROJECTS.website.id);
const onDesign = { resource: 'comment', projectId: website, taskId: TASKS.design.zpId };

describe('Zoho Projects node: comments', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	it('adds, lists, edits and deletes a comment', async () => {
		const created = await runProjects(harness, { ...onDesign, operation: 'create', comment: '<p>見積もりを送付しました</p>' });
		const id = String(created.json[0].id);
		expect(created.json[0]).toMatchObject({ comment: '<p>見積もりを送付しました</p>', created_by: { zpuid: USERS.hanako.zpuid } });
		expect(sim.projects.store.comments.get(id)).toMatchObject({ taskId: TASKS.design.zpId, comment: '<p>見積もりを送付しました</p>' });

		const listed = await runProjects(harness, { ...onDesign, operation: 'getAll', returnAll: true });
		expect(listed.json.map((c) => c.id)).toEqual(['2000000101002', id]);

		const one = await runProjects(harness, { ...onDesign, operation: 'getAll', limit: 1 });
		expect(one.json).toHaveLength(1);
		expect(new URLSearchParams(sim.log.entries.at(-1)!.query).get('per_page')).toBe('1');

		const updated = await runProjects(harness, { ...onDesign, operation: 'update', commentId: id, comment: '<p>再送しました</p>' });
		expect(updated.json[0]).toMatchObject({ id, comment: '<p>再送しました</p>' });
		expect(sim.projects.store.comments.get(id)!.comment).toBe('<p>再送しました</p>');

		const deleted = await runProjects(harness, { ...onDesign, operation: 'delete', commentId: id });
		expect(deleted.json).toEqual([{ id, deleted: true }]);
		expect(sim.projects.store.comments.has(id)).toBe(false);
		expect(sim.log.filter({ product: 'projects' }).map((e) => `${e.method} ${e.status}`)).toEqual([
			'POST 201',
			'GET 200',
			'GET 200',
			'PATCH 200',
			'DELETE 204',
		]);
	});

	it('a comment on a task of another project is not found, with a clear description', async () => {
		const { result } = await runProjects(harness, { ...onDesign, projectId: rl(PROJECTS.migration.id), operation: 'getAll', returnAll: true });
		expect(result.error?.message).toMatch(/\[RESOURCE_NOT_FOUND\]$/);
		expect((result.error as { description?: string }).description).toBe(
			'The record does not exist in this portal (wrong id, another project, or it was deleted).',
		);
	});
});
