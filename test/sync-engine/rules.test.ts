import {
	counterpartDeleted,
	endBeforeStart,
	nameTooLong,
	needsOf,
	ownerNoCounterpart,
	ownerNotInProject,
	strictProjectDate,
	subtaskReopen,
	type Rule,
} from '../../nodes/shared/sync/rules';
import type { FieldChange, SyncContext } from '../../nodes/shared/sync/types';
import { config, crmTask, projectsTask } from './fixtures';

const change = (over: Partial<FieldChange>): FieldChange => ({ field: 'dueDate', from: 'crm', to: 'projects', value: '2026-12-12', previous: '2026-12-10', kind: 'propagate', ...over });
const strictProject = { id: '41', name: 'データ移行プロジェクト', startDate: '2026-12-01', endDate: '2026-12-25', strict: true };

function check(rule: Rule, c: FieldChange, context: SyncContext = {}, projects = projectsTask()) {
	if (!rule.applies(c, projects)) return 'not applicable';
	return rule.check({ change: c, crm: crmTask(), projects, context, config: config() });
}

describe('STRICT_PROJECT_DATE (利用例1)', () => {
	it('refuses a due date after a strict project ends, naming the range', () => {
		expect(check(strictProjectDate, change({ value: '2026-12-26' }), { project: strictProject })).toEqual({
			rule: 'STRICT_PROJECT_DATE',
			field: 'dueDate',
			facts: { project: 'データ移行プロジェクト', projectStart: '2026-12-01', projectEnd: '2026-12-25' },
		});
	});
	it('refuses a date before it starts and accepts the last day', () => {
		expect(check(strictProjectDate, change({ value: '2026-11-30' }), { project: strictProject })).not.toBeNull();
		expect(check(strictProjectDate, change({ value: '2026-12-25' }), { project: strictProject })).toBeNull();
	});
	it('lets any date through in a normal project, and only looks at changes to Projects', () => {
		expect(check(strictProjectDate, change({ value: '2027-06-01' }), { project: { ...strictProject, strict: false } })).toBeNull();
		expect(check(strictProjectDate, change({ to: 'crm', from: 'projects' }), { project: strictProject })).toBe('not applicable');
	});
});

describe('SUBTASK_REOPEN_PARENT_CLOSED (利用例2)', () => {
	const subtask = projectsTask({ parentTaskId: 'p0', status: { id: 's4', name: 'Closed', closed: true } });
	const reopen = change({ field: 'status', value: 'open', previous: 'closed' });
	it('refuses reopening a subtask whose parent is closed', () => {
		expect(check(subtaskReopen, reopen, { parent: { id: 'p0', name: 'データ検証', closed: true } }, subtask)).toEqual({
			rule: 'SUBTASK_REOPEN_PARENT_CLOSED',
			field: 'status',
			facts: { parent: 'データ検証' },
		});
	});
	it('allows it when the parent is open, and never applies to top-level tasks or closing', () => {
		expect(check(subtaskReopen, reopen, { parent: { id: 'p0', name: 'x', closed: false } }, subtask)).toBeNull();
		expect(check(subtaskReopen, reopen, {}, projectsTask())).toBe('not applicable');
		expect(check(subtaskReopen, change({ field: 'status', value: 'closed' }), {}, subtask)).toBe('not applicable');
	});
});

describe('END_BEFORE_START', () => {
	it('refuses an end date before the Projects start date', () => {
		expect(check(endBeforeStart, change({ value: '2026-11-30' }))).toMatchObject({ rule: 'END_BEFORE_START', facts: { startDate: '2026-12-01' } });
		expect(check(endBeforeStart, change({ value: '2026-12-01' }))).toBeNull();
	});
});

describe('owners', () => {
	const users = new Map([['ichiro.suzuki@example.jp', { email: 'ichiro.suzuki@example.jp', zpuid: 'z2' }]]);
	it('OWNER_NO_COUNTERPART: a person without an account on the other side', () => {
		expect(check(ownerNoCounterpart, change({ field: 'owner', value: 'ken.tanaka@example.jp' }), { projectsUsers: users })).toMatchObject({ rule: 'OWNER_NO_COUNTERPART', facts: { email: 'ken.tanaka@example.jp' } });
		expect(check(ownerNoCounterpart, change({ field: 'owner', value: 'ichiro.suzuki@example.jp' }), { projectsUsers: users })).toBeNull();
	});
	const members = (...emails: string[]) => new Map(emails.map((email, i) => [email, { email, zpuid: `m${i}` }]));
	it('OWNER_NOT_IN_PROJECT: a portal user outside the project', () => {
		const c = change({ field: 'owner', value: 'ichiro.suzuki@example.jp' });
		expect(check(ownerNotInProject, c, { projectsUsers: users, projectMembers: members('hanako.sato@example.jp') })).toMatchObject({ rule: 'OWNER_NOT_IN_PROJECT' });
		expect(check(ownerNotInProject, c, { projectMembers: members('ichiro.suzuki@example.jp') })).toBeNull();
	});
	it('a member of the project needs no portal-wide look-up; anyone else does', () => {
		const c = change({ field: 'owner', value: 'ichiro.suzuki@example.jp' });
		expect([...needsOf([c], projectsTask(), config())]).toEqual(['projectMembers']);
		expect([...needsOf([c], projectsTask(), config(), { projectMembers: members('ichiro.suzuki@example.jp') })]).toEqual([]);
		expect(check(ownerNoCounterpart, c, { projectMembers: members('ichiro.suzuki@example.jp') })).toBeNull();
		expect([...needsOf([c], projectsTask(), config(), { projectMembers: members('hanako.sato@example.jp') })]).toEqual(['projectsUsers']);
	});
});

describe('NAME_TOO_LONG', () => {
	it('counts characters, not bytes', () => {
		expect(check(nameTooLong, change({ field: 'subject', value: 'あ'.repeat(255) }))).toBeNull();
		expect(check(nameTooLong, change({ field: 'subject', value: 'あ'.repeat(256) }))).toMatchObject({ rule: 'NAME_TOO_LONG', facts: { length: 256, limit: 255 } });
	});
});

describe('COUNTERPART_DELETED', () => {
	const ichiro = { email: 'ichiro.suzuki@example.jp', name: '鈴木 一郎' };
	const emily = { email: 'emily.clark@example.com', name: 'Emily Clark' };
	it('Projects task deleted: clears the CRM link, keeps the CRM task, tells who deleted it', () => {
		expect(counterpartDeleted.decide({ deleted: 'projects', surviving: { ref: 'c1', name: '移行計画', owner: ichiro }, deletedBy: emily })).toEqual({
			rule: 'COUNTERPART_DELETED',
			field: 'link',
			clear: 'crm',
			attempted: 'delete',
			kept: 'c1',
			recipient: emily,
			facts: { deletedSide: 'projects', surviving: '移行計画' },
		});
	});
	it("CRM task deleted: clears the Projects task's CRM id; with no known deleter, tells the survivor's owner", () => {
		const decision = counterpartDeleted.decide({ deleted: 'crm', surviving: { ref: '700:41:p1', name: 'x', owner: ichiro }, deletedBy: null });
		expect(decision).toMatchObject({ clear: 'projects', kept: '700:41:p1', recipient: ichiro });
		expect(counterpartDeleted.decide({ deleted: 'crm', surviving: { ref: 'r', name: 'x', owner: ichiro }, deletedBy: { email: null } }).recipient).toBe(ichiro);
	});
	it('never asks for a delete: only the surviving side is cleared', () => {
		for (const deleted of ['crm', 'projects'] as const) {
			expect(counterpartDeleted.decide({ deleted, surviving: { ref: 'r', name: 'x', owner: null }, deletedBy: null }).clear).not.toBe(deleted);
		}
	});
});

describe('needs', () => {
	it('asks for nothing extra for a subject change, the project for a due date, the parent for a subtask reopen', () => {
		const task = projectsTask({ parentTaskId: 'p0' });
		expect([...needsOf([change({ field: 'subject', value: 'x' })], task, config())]).toEqual([]);
		expect([...needsOf([change({})], task, config())]).toEqual(['project']);
		expect([...needsOf([change({ field: 'status', value: 'open' })], task, config({ projectsOpenStatusId: 's1' }))]).toEqual(['parent']);
		expect([...needsOf([change({ field: 'status', value: 'closed' })], task, config())]).toEqual(['statuses']);
		// A close status kept in the sync state needs no look-up.
		expect([...needsOf([change({ field: 'status', value: 'closed' })], task, config(), { storedStatuses: { closed: 's4' } })]).toEqual([]);
		expect([...needsOf([change({ field: 'owner', value: 'a@b', to: 'crm', from: 'projects' })], task, config())]).toEqual(['crmUsers']);
	});
});
