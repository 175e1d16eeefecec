/**
 * Zoho's refusals from the help page: 利用例1 (a strict project's task dates must stay inside the
 * project) and 利用例2 (a subtask cannot be reopened while its parent is closed).
 */
import { PROJECTS, STATUSES, TASKS } from '../zoho-sim/seed-data';
import { SimRefusal } from '../zoho-sim/projects';
import { type Client, type TaskJson, detail, startSim } from './helpers';

let c: Client;
beforeEach(async () => {
	c = await startSim();
});
afterEach(() => c.sim.stop());

const MIGRATION = `/projects/${PROJECTS.migration.id}`;
const PLAN = `${MIGRATION}/tasks/${TASKS.plan.zpId}`;

describe('strict project (利用例1)', () => {
	it('refuses an end date after the project end, naming the date and the range, and keeps the task', async () => {
		const res = await c.patch(PLAN, { end_date: '2026-12-31' });
		expect(detail(res)).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'end_date' });
		expect(detail(res).message).toContain('2026-12-31');
		expect(detail(res).message).toContain('2026-12-01 to 2026-12-25');
		expect((res.body as { error: { error_type: string } }).error.error_type).toBe('OPERATIONAL_VALIDATION_ERROR');
		expect((await c.get<TaskJson>(PLAN)).body.end_date).toBe('2026-12-10T00:00:00.000+09:00');
	});

	it('refuses a start date before the project start, and a create outside the range', async () => {
		expect(detail(await c.patch(PLAN, { start_date: '2026-11-30' }))).toMatchObject({ status: 400, field: 'start_date' });
		expect(detail(await c.post(`${MIGRATION}/tasks`, { name: 'Late', end_date: '2026-12-26' }))).toMatchObject({ status: 400, field: 'end_date' });
	});

	it('accepts dates on the boundaries', async () => {
		const res = await c.patch<TaskJson>(PLAN, { start_date: '2026-12-01', end_date: '2026-12-25' });
		expect(res.status).toBe(200);
		expect(res.body.end_date).toBe('2026-12-25T00:00:00.000+09:00');
	});

	it('does not apply to a project that is not strict, nor once strictness is switched off', async () => {
		expect((await c.patch(`/projects/${PROJECTS.website.id}/tasks/${TASKS.design.zpId}`, { end_date: '2027-06-30' })).status).toBe(200);
		const project = await c.patch<{ is_strict_project: boolean }>(MIGRATION, { is_strict_project: false });
		expect(project.body.is_strict_project).toBe(false);
		expect((await c.patch(PLAN, { end_date: '2026-12-31' })).status).toBe(200);
	});

	it('follows the project dates when they move', async () => {
		await c.patch(MIGRATION, { end_date: '2027-01-15' });
		expect((await c.patch(PLAN, { end_date: '2027-01-15' })).status).toBe(200);
		expect((await c.patch(PLAN, { end_date: '2027-01-16' })).status).toBe(400);
	});

	it('applies to edits made in the Projects UI too', () => {
		expect(() => c.sim.projects.editTask(TASKS.plan.zpId, { end_date: '2027-01-01' }, 'ichiro')).toThrow(SimRefusal);
	});
});

describe('subtask reopen (利用例2)', () => {
	const REPORT = `${MIGRATION}/tasks/${TASKS.verifyReport.zpId}`;
	const VERIFY = `${MIGRATION}/tasks/${TASKS.verify.zpId}`;

	it('refuses to reopen a closed subtask while its parent is closed, naming both', async () => {
		const res = await c.patch(REPORT, { status: { id: STATUSES.open.id } });
		expect(detail(res)).toMatchObject({ status: 400, title: 'INVALID_PARAMETER_VALUE', field: 'status' });
		expect(detail(res).message).toContain(TASKS.verifyReport.name);
		expect(detail(res).message).toContain(TASKS.verify.name);
		expect((await c.get<TaskJson>(REPORT)).body.status.id).toBe(STATUSES.closed.id);
	});

	it('allows other edits of that subtask, and a move between closed statuses', async () => {
		expect((await c.patch(REPORT, { name: '検証レポート (改)' })).status).toBe(200);
		expect((await c.patch(REPORT, { status: { id: STATUSES.cancelled.id } })).status).toBe(200);
	});

	it('reopens the subtask once the parent is open', async () => {
		expect((await c.patch(VERIFY, { status: { id: STATUSES.inProgress.id } })).status).toBe(200);
		const res = await c.patch<TaskJson>(REPORT, { status: { id: STATUSES.open.id } });
		expect(res.status).toBe(200);
		expect(res.body.is_completed).toBe(false);
	});

	it('refuses an open subtask under a closed parent at creation', async () => {
		const res = await c.post(`${MIGRATION}/tasks`, { name: 'Late addition', parental_info: { parent_task_id: TASKS.verify.zpId } });
		expect(detail(res)).toMatchObject({ status: 400, field: 'parental_info' });
		const closed = await c.post(`${MIGRATION}/tasks`, { name: 'Closed addition', status: { id: STATUSES.closed.id }, parental_info: { parent_task_id: TASKS.verify.zpId } });
		expect(closed.status).toBe(201);
	});

	it('refuses the reopen from the Projects UI too', () => {
		expect(() => c.sim.projects.reopenTask(TASKS.verifyReport.zpId, 'ichiro')).toThrow(/cannot be reopened/);
	});
});

describe('closing a parent with open subtasks', () => {
	it('is allowed by default and leaves the subtask open', async () => {
		await c.patch(`${MIGRATION}/tasks/${TASKS.verify.zpId}`, { status: { id: STATUSES.open.id } });
		await c.patch(`${MIGRATION}/tasks/${TASKS.verifyReport.zpId}`, { status: { id: STATUSES.open.id } });
		expect((await c.patch(`${MIGRATION}/tasks/${TASKS.verify.zpId}`, { status: { id: STATUSES.closed.id } })).status).toBe(200);
		expect((await c.get<TaskJson>(`${MIGRATION}/tasks/${TASKS.verifyReport.zpId}`)).body.is_completed).toBe(false);
	});

	it('is refused with closeParentWithOpenSubtasks: block', async () => {
		await c.sim.stop();
		c = await startSim({ projects: { closeParentWithOpenSubtasks: 'block' } });
		await c.patch(`${MIGRATION}/tasks/${TASKS.verify.zpId}`, { status: { id: STATUSES.open.id } });
		await c.patch(`${MIGRATION}/tasks/${TASKS.verifyReport.zpId}`, { status: { id: STATUSES.open.id } });
		const res = await c.patch(`${MIGRATION}/tasks/${TASKS.verify.zpId}`, { status: { id: STATUSES.closed.id } });
		expect(detail(res)).toMatchObject({ status: 400, field: 'status' });
		expect(detail(res).message).toContain(TASKS.verifyReport.name);
	});
});
