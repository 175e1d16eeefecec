import { FIELDS, TASKS, USERS } from '../zoho-sim/seed-data';
import { FROM_CRM, FROM_PROJECTS, pairKit, projectsItem, syncEnv, type SeedTask, type SyncEnv } from './helpers';

const fromCrm = FROM_CRM;
const fromProjects = FROM_PROJECTS;

describe('Zoho Task Sync: Sync Task', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const { crm, projects, editCrm, editProjects, prime } = pairKit(() => env, 60_000);

	it('stores the base on the first sync of an equal pair, then skips echoes without a Projects call', async () => {
		const first = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(first.skipped[0]).toMatchObject({ reason: 'baseRepaired' });
		expect(JSON.parse(String(crm(TASKS.plan.crmId)[FIELDS.syncState]))).toMatchObject({ v: 1, base: { subject: TASKS.plan.name, dueDate: '2026-12-10' } });
		env.mark();
		const echo = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(echo.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.calls('projects')).toBe(0);
		expect(env.calls('crm', true)).toBe(0);
	});

	it('carries a CRM edit to Projects, and the reverse sync of the same pair writes nothing', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'Design mock-ups v2', Due_Date: '2026-12-03' });
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.synced[0]).toMatchObject({ direction: 'crmToProjects', written: { projects: ['name', 'end_date'] } });
		expect(projects(TASKS.design.zpId)).toMatchObject({ name: 'Design mock-ups v2', end_date: '2026-12-03T00:00:00.000+09:00' });

		env.mark();
		const reverse = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(reverse.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
	});

	it('carries a Projects edit to CRM, and the CRM echo costs no Projects call', async () => {
		await prime(TASKS.design);
		editProjects(TASKS.design, { priority: 'low', description: '<div>新しい説明 &amp; 注意 &lt;重要&gt;<br>二行目</div>' });
		const r = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect(r.synced[0]).toMatchObject({ direction: 'projectsToCrm' });
		expect(crm(TASKS.design.crmId)).toMatchObject({ Priority: 'Low', Description: '新しい説明 & 注意 <重要>\n二行目' });

		env.mark();
		const echo = await env.run(fromCrm, [{ id: TASKS.design.crmId, affectedFields: ['Priority', 'Description'] }]);
		expect(echo.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.calls('projects')).toBe(0);
	});

	it('skips a CRM notification caused only by the sync-state field without any call', async () => {
		env.mark();
		const r = await env.run(fromCrm, [{ id: TASKS.plan.crmId, affectedFields: [FIELDS.syncState] }]);
		expect(r.skipped[0]).toMatchObject({ reason: 'syncStateOnly' });
		expect(env.calls('projects') + env.calls('crm')).toBe(0);
	});

	it('never flip-flops a lossy priority (Highest → high → stays Highest)', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Priority: 'Highest' });
		await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(projects(TASKS.design.zpId).priority).toBe('high');
		env.mark();
		for (let i = 0; i < 2; i++) {
			await env.run(fromProjects, [projectsItem(TASKS.design)]);
			await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		}
		expect(crm(TASKS.design.crmId).Priority).toBe('Highest');
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
	});

	it('keeps Projects priority "none" after it reaches CRM as Normal: later syncs both ways write nothing', async () => {
		await prime(TASKS.plan);
		editProjects(TASKS.plan, { priority: 'none' });
		const r = await env.run(fromProjects, [projectsItem(TASKS.plan)]);
		expect(r.synced[0]).toMatchObject({ direction: 'projectsToCrm', written: { crm: ['Priority'] } });
		expect(crm(TASKS.plan.crmId).Priority).toBe('Normal');
		env.mark();
		// The CRM notification of that write, then a Projects event, then both again.
		for (let i = 0; i < 2; i++) {
			await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
			await env.run(fromProjects, [projectsItem(TASKS.plan)]);
		}
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
		expect(projects(TASKS.plan.zpId).priority).toBe('none');
		expect(crm(TASKS.plan.crmId).Priority).toBe('Normal');
	});

	it('keeps concurrent edits to different fields on both sides', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'Design (CRM edit)' });
		editProjects(TASKS.design, { end_date: '2026-12-04' });
		const r = await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		expect(r.synced).toHaveLength(1);
		expect(projects(TASKS.design.zpId)).toMatchObject({ name: 'Design (CRM edit)', end_date: '2026-12-04T00:00:00.000+09:00' });
		expect(crm(TASKS.design.crmId)).toMatchObject({ Subject: 'Design (CRM edit)', Due_Date: '2026-12-04' });
	});

	it.each([
		['mostRecent', 'from Projects'],
		['crmWins', 'from CRM'],
		['projectsWins', 'from Projects'],
	])('settles a same-field conflict by policy %s', async (policy, winner) => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'from CRM' });
		editProjects(TASKS.design, { name: 'from Projects' }); // later, so "most recent" picks Projects
		await env.run({ ...fromCrm, settings: { conflictPolicy: policy } }, [{ id: TASKS.design.crmId }]);
		expect(crm(TASKS.design.crmId).Subject).toBe(winner);
		expect(projects(TASKS.design.zpId).name).toBe(winner);
	});

	/** What the Zoho CRM Tasks trigger emits for an edit (instant channel). */
	const crmEvent = (t: SeedTask, values: Record<string, unknown>) => ({ operation: 'update', module: 'Tasks', id: t.crmId, affectedFields: Object.keys(values), affectedValues: values });

	it('processes an older event after newer changes on both sides without undoing them', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'first' });
		const older = crmEvent(TASKS.design, { Subject: 'first' });
		editCrm(TASKS.design, { Subject: 'second' });
		const newer = crmEvent(TASKS.design, { Subject: 'second' });
		// The newer CRM event arrives first; then Projects changes the due date and its event is synced.
		expect((await env.run(fromCrm, [newer])).synced[0]).toMatchObject({ changes: [{ field: 'subject', value: 'second' }] });
		editProjects(TASKS.design, { end_date: '2026-12-04' });
		expect((await env.run(fromProjects, [projectsItem(TASKS.design)])).synced[0]).toMatchObject({ changes: [{ field: 'dueDate', value: '2026-12-04' }] });

		// Late: the older CRM event (whose payload still says "first"), then both events again.
		env.mark();
		const late = await env.run(fromCrm, [older, newer]);
		const lateProjects = await env.run(fromProjects, [projectsItem(TASKS.design)]);
		expect([...late.synced, ...lateProjects.synced]).toEqual([]);
		expect([...late.skipped, ...lateProjects.skipped].map((x) => x.reason)).toEqual(['unchanged', 'unchanged', 'unchanged']);
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
		expect(projects(TASKS.design.zpId)).toMatchObject({ name: 'second', end_date: '2026-12-04T00:00:00.000+09:00' });
		expect(crm(TASKS.design.crmId)).toMatchObject({ Subject: 'second', Due_Date: '2026-12-04' });
	});

	it('processes an older event first by syncing the current state; the newer one then writes nothing', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'first' });
		const older = crmEvent(TASKS.design, { Subject: 'first' });
		editCrm(TASKS.design, { Subject: 'second' });
		const r = await env.run(fromCrm, [older, crmEvent(TASKS.design, { Subject: 'second' })]);
		expect(r.synced).toEqual([expect.objectContaining({ changes: [expect.objectContaining({ field: 'subject', value: 'second' })] })]);
		expect(r.skipped.map((x) => x.reason)).toEqual(['unchanged']);
		expect(env.sim.log.count({ product: 'projects', method: 'PATCH' })).toBe(1);
		expect(projects(TASKS.design.zpId).name).toBe('second');
	});

	it('round-trips descriptions with Japanese, line breaks, < and & without growing', async () => {
		await prime(TASKS.design);
		const text = '要件:\n1. A < B && C > D\n2. 「引用」 & "quotes"\n\n最後の行';
		editCrm(TASKS.design, { Description: text });
		await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		const html = String(projects(TASKS.design.zpId).description);
		expect(html).toContain('A &lt; B &amp;&amp; C &gt; D<br>');
		for (let i = 0; i < 3; i++) {
			await env.run(fromProjects, [projectsItem(TASKS.design)]);
			await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
		}
		expect(crm(TASKS.design.crmId).Description).toBe(text);
		expect(projects(TASKS.design.zpId).description).toBe(html);
	});

	it('利用例1: a due date beyond the strict project stays out of Projects, one Rejected item to the editor', async () => {
		await prime(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2027-01-15' }, USERS.ichiro.crmId);
		const r = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(r.rejected).toHaveLength(1);
		expect(r.rejected[0]).toMatchObject({
			rule: 'STRICT_PROJECT_DATE',
			field: 'dueDate',
			attempted: '2027-01-15',
			kept: '2026-12-10',
			recipient: USERS.ichiro.email,
			facts: { projectStart: '2026-12-01', projectEnd: '2026-12-25' },
		});
		expect(r.rejected[0].subject).toContain('Zoho Projects に反映されませんでした');
		expect(r.rejected[0].body).toContain('期間固定プロジェクト');
		expect(projects(TASKS.plan.zpId).end_date).toBe('2026-12-10T00:00:00.000+09:00');
		expect(crm(TASKS.plan.crmId).Due_Date).toBe('2027-01-15');
		// The same event again: no second e-mail, no Projects call.
		env.mark();
		const again = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(again.rejected).toEqual([]);
		expect(again.skipped[0]).toMatchObject({ reason: 'unchanged' });
		expect(env.calls('projects')).toBe(0);
	});

	it('利用例2: reopening a subtask under a closed parent stays out of Projects, one Rejected item to the editor', async () => {
		await prime(TASKS.verifyReport);
		editCrm(TASKS.verifyReport, { Status: 'In Progress' }, USERS.emily.crmId);
		const r = await env.run(fromCrm, [{ id: TASKS.verifyReport.crmId }]);
		expect(r.rejected).toHaveLength(1);
		expect(r.rejected[0]).toMatchObject({ rule: 'SUBTASK_REOPEN_PARENT_CLOSED', field: 'status', recipient: USERS.emily.email, facts: { parent: TASKS.verify.name } });
		expect(r.rejected[0].subject).toContain('ステータス');
		expect((projects(TASKS.verifyReport.zpId).status as { is_closed_type: boolean }).is_closed_type).toBe(true);
	});

	it('applies the other fields of a change when one field is refused', async () => {
		await prime(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2027-02-01', Subject: '移行計画 (改訂)' });
		const r = await env.run(fromCrm, [{ id: TASKS.plan.crmId }]);
		expect(r.synced[0]).toMatchObject({ written: { projects: ['name'] } });
		expect(r.rejected).toHaveLength(1);
		expect(projects(TASKS.plan.zpId)).toMatchObject({ name: '移行計画 (改訂)', end_date: '2026-12-10T00:00:00.000+09:00' });
	});

	it('reverts the source when "revert source" is chosen', async () => {
		await prime(TASKS.plan);
		editCrm(TASKS.plan, { Due_Date: '2027-01-15' });
		const r = await env.run({ ...fromCrm, settings: { onRejection: 'revertSource' } }, [{ id: TASKS.plan.crmId }]);
		expect(r.rejected[0]).toMatchObject({ reverted: true });
		expect(crm(TASKS.plan.crmId).Due_Date).toBe('2026-12-10');
	});

	it('writes nothing in a dry run but reports what it would do', async () => {
		await prime(TASKS.design);
		editCrm(TASKS.design, { Subject: 'dry' });
		env.mark();
		const r = await env.run({ ...fromCrm, dryRun: true }, [{ id: TASKS.design.crmId }]);
		expect(r.synced[0]).toMatchObject({ dryRun: true, written: { projects: ['name'] } });
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
	});

	it('holds a field whose direction forbids the change', async () => {
		await prime(TASKS.design);
		editProjects(TASKS.design, { name: 'Projects rename' });
		const r = await env.run({ ...fromProjects, directions: { subject: 'crmToProjects' } }, [projectsItem(TASKS.design)]);
		expect(r.skipped[0]).toMatchObject({ reason: 'directionHeld', held: ['subject'] });
		expect(crm(TASKS.design.crmId).Subject).toBe(TASKS.design.name);
	});

	it('routes a failing item to the error output while the other items go on', async () => {
		await prime(TASKS.design, TASKS.plan);
		editCrm(TASKS.plan, { Subject: 'fails' });
		editCrm(TASKS.design, { Subject: 'good item' });
		env.sim.faults.add({ product: 'projects', method: 'GET', path: `/tasks/${TASKS.plan.zpId}$`, status: 403, times: 1 });
		const r = await env.run(fromCrm, [{ id: TASKS.plan.crmId }, { id: TASKS.design.crmId }]);
		expect(r.errors).toHaveLength(1);
		// n8n's error output carries the failing input item with the error.
		expect(r.errors[0]).toMatchObject({ id: TASKS.plan.crmId, error: expect.stringContaining('Zoho Projects refused the request'), message: expect.stringContaining('not allowed') });
		expect(r.synced).toEqual([expect.objectContaining({ crmTaskId: TASKS.design.crmId })]);
		expect(projects(TASKS.plan.zpId).name).toBe(TASKS.plan.name);
		expect(projects(TASKS.design.zpId).name).toBe('good item');
	});

	it('skips an item whose CRM task does not exist', async () => {
		const r = await env.run(fromCrm, [{ id: '4876876000000089999' }]);
		expect(r.errors).toEqual([]);
		expect(r.skipped[0]).toMatchObject({ reason: 'crmTaskDeleted' });
	});
});

describe('dates never shift across time zones', () => {
	const saved = process.env.TZ;
	afterEach(() => {
		process.env.TZ = saved;
	});

	it.each([
		['Asia/Tokyo portal, n8n in UTC', '+09:00', 'UTC', '2026-11-25T14:59:30Z'],
		['Pacific portal, n8n in Tokyo', '-08:00', 'Asia/Tokyo', '2026-11-26T07:59:30Z'],
	])('%s, just before midnight', async (_label, offset, tz, now) => {
		process.env.TZ = tz;
		const env = await syncEnv({ now, projects: { timeZoneOffset: offset } });
		try {
			await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
			env.sim.clock.advance(1000);
			env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Due_Date: '2026-12-01' });
			await env.run(fromCrm, [{ id: TASKS.design.crmId }]);
			expect((env.sim.projects.task(TASKS.design.zpId) as { end_date: string }).end_date).toBe(`2026-12-01T00:00:00.000${offset}`);
			env.sim.clock.advance(60_000); // past midnight
			env.sim.projects.editTask(TASKS.design.zpId, { end_date: '2026-12-02' });
			await env.run(fromProjects, [projectsItem(TASKS.design)]);
			expect((env.sim.crm.getRecord('Tasks', TASKS.design.crmId) as { Due_Date: string }).Due_Date).toBe('2026-12-02');
		} finally {
			await env.sim.stop();
		}
	});
});
