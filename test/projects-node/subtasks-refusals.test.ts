/** Subtasks, and Zoho's two documented refusals surfaced as errors that say what and why. */
import type { IDataObject } from 'n8n-workflow';

import type { Harness } from '../harness/engine';
import { PROJECTS, STATUSES, TASKLISTS, TASKS, USERS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { freshHarness, rl, runProjects, startProjectsSim, stopProjectsSim, storedTask } from './helpers';

const website = rl(PROJECTS.website.id);
const migration = rl(PROJECTS.migration.id);

describe('Zoho Projects node: subtasks', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => {
		// Every test starts from the seed and creates what it reads.
		sim.projects.clear();
		sim.projects.seed();
		harness = freshHarness(sim);
	});

	it('creates a subtask under a task; it lands in the parent tasklist', async () => {
		const { json } = await runProjects(harness, {
			resource: 'subtask',
			operation: 'create',
			projectId: website,
			taskId: TASKS.design.zpId,
			name: 'Mobile mock-ups',
			additionalFields: { owners: [USERS.emily.zpuid], endDate: '2026-11-28' },
		});
		expect(json[0]).toMatchObject({
			name: 'Mobile mock-ups',
			parental_info: { parent_task_id: TASKS.design.zpId },
			depth: 1,
			end_date: '2026-11-28',
			tasklist: { id: TASKLISTS.websiteGeneral.id },
		});
		expect(storedTask(sim, String(json[0].id))).toMatchObject({ parentId: TASKS.design.zpId, ownerZpuids: [USERS.emily.zpuid] });
		expect(sim.projects.task(TASKS.design.zpId)).toMatchObject({ association_info: { has_subtasks: true } });
	});

	it('creates a subtask through Task › Create with a parent task id', async () => {
		const { json } = await runProjects(harness, {
			resource: 'task',
			operation: 'create',
			projectId: website,
			name: 'Icon set',
			additionalFields: { parentTaskId: TASKS.design.zpId },
		});
		expect(storedTask(sim, String(json[0].id))!.parentId).toBe(TASKS.design.zpId);
	});

	it('gets the subtasks of a task with the parent_task filter, in one call', async () => {
		const { json: subtasks } = await runProjects(
			harness,
			{ resource: 'subtask', operation: 'create', projectId: website, taskId: TASKS.design.zpId, name: '={{ $json.name }}' },
			[{ name: 'Mobile mock-ups' }, { name: 'Icon set' }],
		);
		// A subtask of another task is not one of them.
		await runProjects(harness, { resource: 'subtask', operation: 'create', projectId: website, taskId: TASKS.contentPlan.zpId, name: 'Blog calendar' });
		sim.log.clear();
		const { json } = await runProjects(harness, { resource: 'subtask', operation: 'getAll', projectId: website, taskId: TASKS.design.zpId, returnAll: true });
		expect(json.map((t) => t.id).sort()).toEqual(subtasks.map((t) => t.id).sort());
		expect(json.map((t) => t.name).sort()).toEqual(['Icon set', 'Mobile mock-ups']);
		expect(json.every((t) => (t.parental_info as IDataObject).parent_task_id === TASKS.design.zpId)).toBe(true);
		expect(sim.log.count({ product: 'projects' })).toBe(1);
	});
});

describe("Zoho Projects node: Zoho's refusals", () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	it('a date outside a strict project names the date and the project range; the task is unchanged', async () => {
		const { result } = await runProjects(harness, {
			resource: 'task',
			operation: 'update',
			projectId: migration,
			taskId: TASKS.plan.zpId,
			updateFields: { endDate: '2026-12-31' },
		});
		expect(result.error?.message).toBe(
			`The end date 2026-12-31 is outside the strict project "${PROJECTS.migration.name}" (2026-12-01 to 2026-12-25)`,
		);
		expect((result.error as { description?: string }).description).toMatch(/^Zoho Projects keeps task dates of a strict/);
		expect(storedTask(sim, TASKS.plan.zpId)!.end_date).toBe(TASKS.plan.end);
		// The PATCH, then the project read that explains it (only on this failure path).
		expect(sim.log.filter({ product: 'projects' }).map((e) => `${e.method} ${e.status}`)).toEqual(['PATCH 400', 'GET 200']);
	});

	it('a create in a strict project with a start date before the project names that date', async () => {
		const { result } = await runProjects(harness, {
			resource: 'task',
			operation: 'create',
			projectId: migration,
			name: 'Too early',
			additionalFields: { startDate: '2026-11-20', endDate: '2026-12-02' },
		});
		expect(result.error?.message).toBe(
			`The start date 2026-11-20 is outside the strict project "${PROJECTS.migration.name}" (2026-12-01 to 2026-12-25)`,
		);
	});

	it('other refusals keep Zoho\'s words and name the field and the value sent', async () => {
		const { result } = await runProjects(harness, {
			resource: 'task',
			operation: 'create',
			projectId: website,
			name: 'x'.repeat(300),
		});
		expect(result.error?.message).toBe('Zoho Projects refused the request: name is 300 characters long; the limit is 255. [INVALID_PARAMETER_VALUE]');
		expect((result.error as { description?: string }).description).toBe(
			`Zoho Projects refused the field "name" with the value "${'x'.repeat(300)}". Check it against the portal's data.`,
		);
	});

	it('reopening a subtask of a closed parent says which parent to reopen first; nothing changes', async () => {
		const { result } = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: migration, taskId: TASKS.verifyReport.zpId });
		expect(result.error?.message).toBe(`The subtask "${TASKS.verifyReport.name}" cannot be reopened while its parent task "${TASKS.verify.name}" is closed`);
		expect((result.error as { description?: string }).description).toMatch(
			new RegExp(`^Reopen the parent task ${TASKS.verify.zpId} first, then the subtask ${TASKS.verifyReport.zpId}\\.`),
		);
		expect(storedTask(sim, TASKS.verifyReport.zpId)!.statusId).toBe(STATUSES.closed.id);

		// Once the parent is open again, the same reopen goes through.
		const parent = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: migration, taskId: TASKS.verify.zpId });
		expect(parent.result.error).toBeUndefined();
		const child = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: migration, taskId: TASKS.verifyReport.zpId });
		// Reopened with the first open-type status a migration task shows ("In Progress"; none is "Open").
		expect(child.json[0].status).toMatchObject({ id: STATUSES.inProgress.id, is_closed_type: false });
	});
});
