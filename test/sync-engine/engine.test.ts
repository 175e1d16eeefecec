import { finishSync, planSync, type SyncInput } from '../../nodes/shared/sync/engine';
import { statusTargets } from '../../nodes/shared/sync/fields';
import { composeLetter } from '../../nodes/shared/sync/messages';
import type { SyncContext, SyncState } from '../../nodes/shared/sync/types';
import { config, crmTask, projectsTask } from './fixtures';

const NOW = '2026-11-25T12:00:00Z';
const strictProject = { id: '41', name: 'データ移行プロジェクト', startDate: '2026-12-01', endDate: '2026-12-25', strict: true };
const context: SyncContext = {
	project: strictProject,
	statuses: [
		{ id: 's1', name: 'Open', closed: false },
		{ id: 's4', name: 'Closed', closed: true },
	],
	crmUsers: new Map([['emily.clark@example.com', { id: 'u3', email: 'emily.clark@example.com' }]]),
	projectsUsers: new Map([['emily.clark@example.com', { zpuid: 'z3', email: 'emily.clark@example.com' }]]),
	projectMembers: new Map([
		['emily.clark@example.com', { zpuid: 'z3', email: 'emily.clark@example.com' }],
		['ichiro.suzuki@example.jp', { zpuid: 'z2', email: 'ichiro.suzuki@example.jp' }],
	]),
};

function sync(input: SyncInput) {
	const plan = planSync(input);
	return { plan, outcome: finishSync(input, plan, context, NOW) };
}

/** A pair synced once: both sides equal, base stored. */
function syncedPair() {
	const input: SyncInput = { crm: crmTask(), projects: projectsTask(), state: null, initiator: 'crm', config: config() };
	const { outcome } = sync(input);
	return outcome.state!;
}

describe('sync engine', () => {
	it('stores the base on the first sync of an equal pair and writes no fields', () => {
		const { outcome } = sync({ crm: crmTask(), projects: projectsTask(), state: null, initiator: 'crm', config: config() });
		expect(outcome.crmPatch).toEqual({});
		expect(outcome.projectsPatch).toEqual({});
		expect(outcome.state?.base).toMatchObject({ subject: '移行計画の作成', dueDate: '2026-12-10', priority: 'high', status: 'open', owner: 'ichiro.suzuki@example.jp' });
	});

	it('is echo-free: the reverse run after a sync writes nothing, not even the state', () => {
		const state = syncedPair();
		const crm = crmTask({ dueDate: '2026-12-12' });
		const first = sync({ crm, projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(first.projectsPatch).toEqual({ end_date: '2026-12-12' });
		const projectsAfter = projectsTask({ endDate: '2026-12-12T00:00:00.000+09:00' });
		const echo = sync({ crm, projects: projectsAfter, state: first.state, initiator: 'projects', config: config() }).outcome;
		expect(echo).toMatchObject({ crmPatch: {}, projectsPatch: {}, state: null, applied: [] });
	});

	it('never flip-flops a lossy priority: Highest → high stays Highest in CRM', () => {
		const state = syncedPair();
		const crm = crmTask({ priority: 'Highest' });
		// Highest and High both mean "high" in Projects: nothing to carry at all.
		const r = sync({ crm, projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(r.projectsPatch).toEqual({});
		const back = sync({ crm, projects: projectsTask(), state, initiator: 'projects', config: config() }).outcome;
		expect(back.crmPatch).toEqual({});
		const lowered = sync({ crm: crmTask({ priority: 'Lowest' }), projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(lowered.projectsPatch).toEqual({ priority: 'low' });
	});

	it('keeps Projects "none" once CRM holds Normal: neither side is written again', () => {
		const state = syncedPair();
		const toCrm = sync({ crm: crmTask(), projects: projectsTask({ priority: 'none' }), state, initiator: 'projects', config: config() }).outcome;
		expect(toCrm.crmPatch).toEqual({ Priority: 'Normal' });
		expect(toCrm.state?.base.priority).toBe('none');
		for (const initiator of ['crm', 'projects'] as const) {
			const echo = sync({ crm: crmTask({ priority: 'Normal' }), projects: projectsTask({ priority: 'none' }), state: toCrm.state, initiator, config: config() }).outcome;
			expect(echo).toMatchObject({ crmPatch: {}, projectsPatch: {}, state: null, applied: [] });
		}
	});

	it('keeps concurrent edits to different fields from both sides', () => {
		const state = syncedPair();
		const r = sync({
			crm: crmTask({ subject: '移行計画 v2' }),
			projects: projectsTask({ endDate: '2026-12-15T00:00:00.000+09:00' }),
			state,
			initiator: 'projects',
			config: config(),
		}).outcome;
		expect(r.projectsPatch).toEqual({ name: '移行計画 v2' });
		expect(r.crmPatch).toEqual({ Due_Date: '2026-12-15' });
		expect(r.state?.base).toMatchObject({ subject: '移行計画 v2', dueDate: '2026-12-15' });
	});

	it('refuses the strict-project date, still applies the other fields, and reports it once to the editor', () => {
		const state = syncedPair();
		const crm = crmTask({ dueDate: '2027-01-10', subject: '移行計画 (改)' });
		const r = sync({ crm, projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(r.projectsPatch).toEqual({ name: '移行計画 (改)' });
		expect(r.refusals).toHaveLength(1);
		expect(r.refusals[0]).toMatchObject({ rule: 'STRICT_PROJECT_DATE', field: 'dueDate', kept: '2026-12-10', reverted: false, recipient: { email: 'hanako.sato@example.jp' } });
		// Settled apart: each side keeps its value as its own base.
		expect(r.state?.settled).toEqual({ dueDate: { crm: '2027-01-10', projects: '2026-12-10' } });
		expect(r.state?.base.dueDate).toBe('2026-12-10');

		// The same refused value seen again (a duplicate event) is not reported twice.
		const again = sync({ crm, projects: projectsTask({ name: '移行計画 (改)' }), state: r.state, initiator: 'crm', config: config() }).outcome;
		expect(again.refusals).toEqual([]);
		expect(again.settled).toEqual(['dueDate']);
		expect(again.projectsPatch).toEqual({});
		expect(again.state).toBeNull();
	});

	it('reverts the source when configured, so both sides agree on the kept value', () => {
		const state = syncedPair();
		const r = sync({ crm: crmTask({ dueDate: '2027-01-10' }), projects: projectsTask(), state, initiator: 'crm', config: config({ onRejection: 'revertSource' }) }).outcome;
		expect(r.crmPatch).toEqual({ Due_Date: '2026-12-10' });
		expect(r.projectsPatch).toEqual({});
		expect(r.refusals[0].reverted).toBe(true);
		expect(r.state?.settled).toBeUndefined();
	});

	it('maps status through open/closed and reopens CRM to the configured status', () => {
		const state = syncedPair();
		const closeFromCrm = sync({ crm: crmTask({ status: 'Completed' }), projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(closeFromCrm.projectsPatch).toEqual({ status: { id: 's4' } });
		const closedState = closeFromCrm.state!;
		const reopenFromProjects = sync({
			crm: crmTask({ status: 'Completed' }),
			projects: projectsTask({ status: { id: 's1', name: 'Open', closed: false } }),
			state: closedState,
			initiator: 'projects',
			config: config(),
		}).outcome;
		expect(reopenFromProjects.crmPatch).toEqual({ Status: 'Not Started' });
	});

	it('keeps the close and reopen statuses in the state, and closes with them without a look-up', () => {
		const state = syncedPair();
		expect(state.statuses).toEqual({ open: 's1', closed: 's4' });
		const input: SyncInput = { crm: crmTask({ status: 'Completed' }), projects: projectsTask(), state, initiator: 'crm', config: config() };
		const plan = planSync(input);
		expect([...plan.needs]).toEqual([]);
		const outcome = finishSync(input, plan, {}, NOW);
		expect(outcome.projectsPatch).toEqual({ status: { id: 's4' } });
		expect(outcome.storedStatusUsed).toBe(true);
		// A pair without them asks for the statuses only when a change needs one (each look-up costs Projects calls).
		const fresh = { ...input, state: { v: 1 as const, base: state.base } };
		expect([...planSync({ ...fresh, crm: crmTask({ subject: 'x' }) }).needs]).toEqual([]);
		expect([...planSync(fresh).needs]).toEqual(['statuses']);
	});

	it("targets the first closed-type status and the default open one, else the first open one", () => {
		const open = { id: 's1', name: 'Open', closed: false };
		const inProgress = { id: 's2', name: 'In Progress', closed: false, isDefault: true };
		const closed = { id: 's4', name: 'Closed', closed: true };
		expect(statusTargets([open, inProgress, closed])).toEqual({ open: 's2', closed: 's4' });
		expect(statusTargets([open, { ...inProgress, isDefault: false }, closed])).toEqual({ open: 's1', closed: 's4' });
		expect(statusTargets([{ ...closed, isDefault: true }, open])).toEqual({ open: 's1', closed: 's4' });
	});

	it('resolves owners by e-mail and refuses one without a counterpart', () => {
		const state = syncedPair();
		const toEmily = sync({ crm: crmTask({ owner: { id: 'u3', email: 'Emily.Clark@example.com' } }), projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(toEmily.projectsPatch).toEqual({ owners_and_work: { owners: [{ zpuid: 'z3' }] } });
		const toKen = sync({ crm: crmTask({ owner: { id: 'u4', email: 'ken.tanaka@example.jp' } }), projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(toKen.projectsPatch).toEqual({});
		expect(toKen.refusals[0].rule).toBe('OWNER_NO_COUNTERPART');
	});

	it('rewrites only the base when both sides already agree but the base is stale', () => {
		const state: SyncState = { v: 1, base: { ...syncedPair().base, subject: 'old' } };
		const r = sync({ crm: crmTask(), projects: projectsTask(), state, initiator: 'crm', config: config() }).outcome;
		expect(r.crmPatch).toEqual({});
		expect(r.projectsPatch).toEqual({});
		expect(r.state?.base.subject).toBe('移行計画の作成');
	});

	it('syncs a custom field pair', () => {
		const cfg = config({ customFields: [{ crm: 'Budget', projects: 'UDF_BUDGET', direction: 'both' }] });
		const first = sync({ crm: crmTask({ custom: { Budget: 100 } }), projects: projectsTask({ custom: { UDF_BUDGET: '100' } }), state: null, initiator: 'crm', config: cfg }).outcome;
		const r = sync({ crm: crmTask({ custom: { Budget: 250 } }), projects: projectsTask({ custom: { UDF_BUDGET: '100' } }), state: first.state, initiator: 'crm', config: cfg }).outcome;
		expect(r.projectsPatch).toEqual({ UDF_BUDGET: '250' });
	});
});

describe('refusal e-mails', () => {
	it('tell the editor in Japanese what was not applied, why, and where', () => {
		const state = syncedPair();
		const input: SyncInput = { crm: crmTask({ dueDate: '2027-01-10' }), projects: projectsTask(), state, initiator: 'crm', config: config() };
		const [refusal] = finishSync(input, planSync(input), context, NOW).refusals;
		const links = { crm: 'https://crm.zoho.jp/crm/tab/Tasks/c1', projects: 'https://projects.zoho.jp/portal/x#taskdetail/41/p1' };
		const ja = composeLetter(refusal, '移行計画の作成', links, 'ja');
		expect(ja.subject).toBe('[Zoho 同期] タスク「移行計画の作成」の期限の変更は Zoho Projects に反映されませんでした');
		expect(ja.body).toContain('佐藤 花子 様');
		expect(ja.body).toContain('2027-01-10');
		expect(ja.body).toContain('期間固定プロジェクト');
		expect(ja.body).toContain('2026-12-01 ～ 2026-12-25');
		expect(ja.body).toContain('Zoho Projects の期限は 2026-12-10 のままです');
		expect(ja.body).toContain(links.crm);
		expect(ja.body).toContain(links.projects);
		const both = composeLetter(refusal, '移行計画の作成', links, 'both');
		expect(both.body).toContain('strict (fixed-duration) project');
		expect(both.body).toContain('期間固定プロジェクト');
	});
});
