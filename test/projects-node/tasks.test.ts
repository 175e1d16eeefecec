/** Task operations through n8n's engine against the simulator: output, stored state and calls. */
import type { IDataObject } from 'n8n-workflow';

import type { Harness } from '../harness/engine';
import { FIELDS, PROJECTS, STATUSES, TASKLISTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { applySeed } from '../zoho-sim/seed';
import type { ZohoSim } from '../zoho-sim/server';
import { freshHarness, rl, runProjects, startProjectsSim, stopProjectsSim, storedTask } from './helpers';

const website = rl(PROJECTS.website.id);
/** Back to the seed: these tests depend on which statuses the portal's tasks are in. */
const reseed = (sim: ZohoSim) => {
	sim.crm.clear();
	sim.projects.clear();
	sim.log.clear();
	applySeed(sim);
};
const migration = rl(PROJECTS.migration.id);

describe('Zoho Projects node: tasks', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	it.each([
		['Asia/Tokyo', '2026-12-02'],
		['UTC', '2026-12-01'],
	])("takes an instant or a JS Date as the date it falls on in the workflow's time zone (%s)", async (zone, date) => {
		const { json, result } = await runProjects(
			harness,
			{
				resource: 'task',
				operation: 'create',
				projectId: website,
				name: '={{ $json.name }}',
				additionalFields: { tasklistId: TASKLISTS.websiteGeneral.id, startDate: '={{ $json.start }}', endDate: '={{ $json.end }}' },
			},
			[
				{ name: 'UTC instant', start: '2026-11-20', end: '2026-12-01T16:00:00Z' },
				{ name: 'JS Date', start: '2026-11-20', end: new Date(Date.UTC(2026, 11, 1, 16)) as unknown as string },
			],
			{},
			zone,
		);
		expect(result.error).toBeUndefined();
		expect(json.map((t) => t.end_date)).toEqual([date, date]);
	});

	it('creates a task with every field, owners given by zpuid and by e-mail, in one POST', async () => {
		const { json, result } = await runProjects(harness, {
			resource: 'task',
			operation: 'create',
			projectId: website,
			name: 'Write the launch checklist',
			additionalFields: {
				tasklistId: TASKLISTS.websiteGeneral.id,
				owners: [USERS.emily.zpuid, USERS.ichiro.email],
				startDate: '2026-12-01',
				// An instant is the date it falls on in the workflow's time zone (Tokyo here), never the UTC date.
				endDate: '2026-12-10T08:00:00+09:00',
				priority: 'high',
				statusId: STATUSES.inProgress.id,
				description: '<p>Launch</p>',
				completionPercentage: 20,
				customFields: { field: [{ apiName: FIELDS.projectsCrmTaskId, value: '4876876000000099001' }] },
			},
		}, [{}], {}, 'Asia/Tokyo');
		expect(result.error).toBeUndefined();
		expect(json).toHaveLength(1);
		const task = json[0];
		expect(task).toMatchObject({
			name: 'Write the launch checklist',
			start_date: '2026-12-01',
			end_date: '2026-12-10',
			priority: 'high',
			status: { id: STATUSES.inProgress.id, is_closed_type: false },
			tasklist: { id: TASKLISTS.websiteGeneral.id },
			[FIELDS.projectsCrmTaskId]: '4876876000000099001',
		});
		const stored = storedTask(sim, String(task.id))!;
		expect(stored).toMatchObject({
			projectId: PROJECTS.website.id,
			start_date: '2026-12-01',
			end_date: '2026-12-10',
			description: '<p>Launch</p>',
			completion_percentage: 20,
			ownerZpuids: [USERS.emily.zpuid, USERS.ichiro.zpuid],
		});
		// Statuses (validation) + portal users (owner e-mail) + the POST.
		expect(sim.log.count({ product: 'projects', method: 'POST' })).toBe(1);
		expect(sim.log.count({ product: 'projects' })).toBe(3);
	});

	it('gets a task with its dates as calendar dates', async () => {
		const { json } = await runProjects(harness, { resource: 'task', operation: 'get', projectId: migration, taskId: TASKS.plan.zpId });
		expect(json[0]).toMatchObject({ id: TASKS.plan.zpId, name: TASKS.plan.name, start_date: TASKS.plan.start, end_date: TASKS.plan.end });
		expect(sim.log.count({ product: 'projects' })).toBe(1);
	});

	it('resolves the project from a Zoho Projects URL and the portal from its name in a URL', async () => {
		const { json } = await runProjects(harness, {
			resource: 'task',
			operation: 'get',
			portalId: rl('https://projects.zoho.jp/portal/sakura-demo#allprojects', 'url'),
			projectId: rl(`https://projects.zoho.jp/portal/sakura-demo#project/${PROJECTS.migration.id}/tasks`, 'url'),
			taskId: TASKS.plan.zpId,
		});
		expect(json[0].id).toBe(TASKS.plan.zpId);
		expect(sim.log.filter({ product: 'projects' }).map((e) => e.path)).toEqual([
			'/api/v3/portals',
			`/api/v3/portal/700000001/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`,
		]);
	});

	it('gets many tasks: return all, a limit, and the tasklist and parent filters', async () => {
		const all = await runProjects(harness, { resource: 'task', operation: 'getAll', projectId: migration, returnAll: true });
		expect(all.json.map((t) => t.id).sort()).toEqual([TASKS.plan.zpId, TASKS.verify.zpId, TASKS.verifyReport.zpId].sort());

		const limited = await runProjects(harness, { resource: 'task', operation: 'getAll', projectId: migration, limit: 2 });
		expect(limited.json).toHaveLength(2);

		const inList = await runProjects(harness, {
			resource: 'task',
			operation: 'getAll',
			projectId: migration,
			returnAll: true,
			filters: { tasklistId: TASKLISTS.migrationVerify.id },
		});
		expect(inList.json.map((t) => t.id).sort()).toEqual([TASKS.verify.zpId, TASKS.verifyReport.zpId].sort());

		const children = await runProjects(harness, {
			resource: 'task',
			operation: 'getAll',
			projectId: migration,
			returnAll: true,
			filters: { parentTaskId: TASKS.verify.zpId },
		});
		expect(children.json.map((t) => t.id)).toEqual([TASKS.verifyReport.zpId]);
		const filter = new URLSearchParams(sim.log.entries.at(-1)!.query).get('filter');
		expect(JSON.parse(filter!)).toEqual({
			criteria: [{ field_name: 'parent_task', criteria_condition: 'is', value: [TASKS.verify.zpId] }],
			pattern: '1',
		});
	});

	it('gets tasks modified since a time, newest first, stopping at the first older page', async () => {
		// 250 tasks spread over time, then one recent edit: the edit is on page 1 of 200.
		for (let n = 0; n < 250; n++) {
			sim.projects.createTask(PROJECTS.website.id, { name: `Bulk ${n}` });
			sim.clock.advance(60_000);
		}
		const since = new Date(sim.clock.now()).toISOString();
		sim.clock.advance(60_000);
		sim.projects.editTask(TASKS.design.zpId, { priority: 'high' });
		harness = freshHarness(sim);
		const { json } = await runProjects(harness, {
			resource: 'task',
			operation: 'getAll',
			projectId: website,
			returnAll: true,
			filters: { modifiedSince: since },
		});
		expect(json.map((t) => t.id)).toEqual([TASKS.design.zpId]);
		const calls = sim.log.filter({ product: 'projects' });
		expect(calls).toHaveLength(1);
		expect(new URLSearchParams(calls[0].query).get('sort_by')).toBe('DESC(last_modified_time)');
	});

	it('updates only the fields given (PATCH), adding and removing owners', async () => {
		const before = { ...storedTask(sim, TASKS.design.zpId)! };
		const { json } = await runProjects(harness, {
			resource: 'task',
			operation: 'update',
			projectId: website,
			taskId: TASKS.design.zpId,
			updateFields: { endDate: '2026-12-04', addOwners: [USERS.maria.email], removeOwners: [USERS.emily.zpuid] },
		});
		expect(json[0]).toMatchObject({ id: TASKS.design.zpId, end_date: '2026-12-04' });
		const after = storedTask(sim, TASKS.design.zpId)!;
		expect(after.end_date).toBe('2026-12-04');
		expect(after.ownerZpuids).toEqual([USERS.maria.zpuid]);
		expect({ ...after, end_date: before.end_date, ownerZpuids: before.ownerZpuids, last_modified_time: before.last_modified_time, updatedBy: before.updatedBy }).toEqual(before);
		const patch = sim.log.filter({ product: 'projects', method: 'PATCH' });
		expect(patch).toHaveLength(1);
	});

	it('closes with the first closed-type status by default, or the chosen one, and reopens with the first open-type one', async () => {
		reseed(sim);
		// No website task is closed: the migration project's tasks show which statuses close a task.
		const closed = await runProjects(harness, { resource: 'task', operation: 'close', projectId: website, taskId: TASKS.design.zpId });
		expect(closed.json[0].status).toMatchObject({ id: STATUSES.closed.id, is_closed_type: true });
		expect(storedTask(sim, TASKS.design.zpId)!.statusId).toBe(STATUSES.closed.id);

		// No task is in "Cancelled", so its type is unknown: the chosen status is taken as given.
		const cancelled = await runProjects(harness, {
			resource: 'task',
			operation: 'close',
			projectId: website,
			taskId: TASKS.contentPlan.zpId,
			closedStatusId: STATUSES.cancelled.id,
		});
		expect(cancelled.json[0].status).toMatchObject({ id: STATUSES.cancelled.id });

		// Now no website task is open; of the migration project's tasks, one is "In Progress" and none "Open".
		const reopened = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: website, taskId: TASKS.design.zpId });
		expect(reopened.json[0].status).toMatchObject({ id: STATUSES.inProgress.id, is_closed_type: false });
		expect(storedTask(sim, TASKS.design.zpId)!.statusId).toBe(STATUSES.inProgress.id);

		const wrongKind = await runProjects(harness, {
			resource: 'task',
			operation: 'close',
			projectId: website,
			taskId: TASKS.design.zpId,
			closedStatusId: STATUSES.inProgress.id,
		});
		expect(wrongKind.result.error?.message).toBe('Status "In Progress" (2000000071002) is not a closed-type status');
		expect(storedTask(sim, TASKS.design.zpId)!.statusId).toBe(STATUSES.inProgress.id);
	});

	it("learns status types from the project's tasks, and from another project's when its own show none of a type", async () => {
		reseed(sim);
		// The migration project's task "verify" is closed: "Closed" closes a task.
		const closed = await runProjects(harness, { resource: 'task', operation: 'close', projectId: migration, taskId: TASKS.plan.zpId });
		expect(closed.json[0].status).toMatchObject({ id: STATUSES.closed.id, is_closed_type: true });
		// The global list and one page of the project's tasks: both types were known from them.
		expect(sim.log.filter({ product: 'projects', method: 'GET' }).map((r) => r.path.replace(/^\/api\/v3\/portal\/\d+/, ''))).toEqual([
			'/settings/global-statuses',
			`/projects/${PROJECTS.migration.id}/tasks`,
		]);

		// Now every migration task is closed: the website project, whose task counts show open tasks, is asked
		// for tasks in the statuses still unknown, and its open tasks show that "Open" reopens a task.
		sim.log.clear();
		const reopened = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: migration, taskId: TASKS.plan.zpId });
		expect(reopened.json[0].status).toMatchObject({ id: STATUSES.open.id, is_closed_type: false });
		const reads = sim.log.filter({ product: 'projects', method: 'GET' });
		expect(reads.map((r) => r.path.replace(/^\/api\/v3\/portal\/\d+/, ''))).toEqual([
			'/settings/global-statuses',
			`/projects/${PROJECTS.migration.id}/tasks`,
			'/projects',
			`/projects/${PROJECTS.website.id}/tasks`,
		]);
		expect(JSON.parse(String(new URLSearchParams(reads[3].query).get('filter')))).toMatchObject({ criteria: [{ field_name: 'status', criteria_condition: 'is' }] });
	});

	it('asks for a status when no task of the portal shows one of the needed type', async () => {
		reseed(sim);
		for (const t of [TASKS.design, TASKS.contentPlan]) {
			const r = await runProjects(harness, { resource: 'task', operation: 'close', projectId: website, taskId: t.zpId });
			expect(r.result.error).toBeUndefined();
		}
		await runProjects(harness, { resource: 'task', operation: 'close', projectId: migration, taskId: TASKS.plan.zpId });
		const unknown = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: migration, taskId: TASKS.plan.zpId });
		expect(unknown.result.error?.message).toBe(`No open-type task status is known for project ${PROJECTS.migration.id}; choose one in the node`);

		const chosen = await runProjects(harness, { resource: 'task', operation: 'reopen', projectId: migration, taskId: TASKS.plan.zpId, openStatusId: STATUSES.inProgress.id });
		expect(chosen.json[0].status).toMatchObject({ id: STATUSES.inProgress.id, is_closed_type: false });
		expect(storedTask(sim, TASKS.plan.zpId)!.statusId).toBe(STATUSES.inProgress.id);
	});

	it('deletes a task: Zoho moves it to the trash', async () => {
		const created = sim.projects.createTask(PROJECTS.website.id, { name: 'Temporary' }) as IDataObject;
		const { json } = await runProjects(harness, { resource: 'task', operation: 'delete', projectId: website, taskId: String(created.id) });
		expect(json).toEqual([{ id: created.id, deleted: true }]);
		expect(storedTask(sim, String(created.id))!.deleted).toBe(true);
		expect(sim.projects.task(String(created.id))).toBeUndefined();
	});
});
