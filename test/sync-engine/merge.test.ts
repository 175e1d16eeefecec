import { merge } from '../../nodes/shared/sync/merge';
import type { Values } from '../../nodes/shared/sync/types';
import { config } from './fixtures';

const base: Values = { subject: 'A', dueDate: '2026-12-10', priority: 'high', status: 'open' };
const input = (crm: Values, projects: Values, over = {}) => ({
	crm: { ...base, ...crm },
	projects: { ...base, ...projects },
	base,
	initiator: 'crm' as const,
	crmModified: '2026-11-25T10:00:00Z',
	projectsModified: '2026-11-25T09:00:00Z',
	...over,
});
const fields = ['subject', 'dueDate', 'priority', 'status'] as const;

describe('three-way merge', () => {
	it('needs nothing when both sides equal the base', () => {
		const r = merge([...fields], input({}, {}), config());
		expect(r.changes).toEqual([]);
		expect(r.inSync).toEqual([...fields]);
	});

	it('carries a one-sided change to the other side', () => {
		const r = merge([...fields], input({ dueDate: '2026-12-12' }, {}), config());
		expect(r.changes).toEqual([{ field: 'dueDate', from: 'crm', to: 'projects', value: '2026-12-12', previous: '2026-12-10', kind: 'propagate' }]);
	});

	it('keeps concurrent edits of different fields from both sides', () => {
		const r = merge([...fields], input({ subject: 'B' }, { dueDate: '2026-12-11' }), config());
		expect(r.changes.map((c) => [c.field, c.to])).toEqual([
			['subject', 'projects'],
			['dueDate', 'crm'],
		]);
	});

	it.each([
		['mostRecent', 'crm'],
		['crmWins', 'crm'],
		['projectsWins', 'projects'],
	] as const)('settles a same-field conflict by policy %s', (policy, winner) => {
		const r = merge(['subject'], input({ subject: 'from CRM' }, { subject: 'from Projects' }), config({ conflictPolicy: policy }));
		expect(r.changes).toHaveLength(1);
		expect(r.changes[0].from).toBe(winner);
		expect(r.changes[0].kind).toBe('conflict');
	});

	it('lets the most recent side win when Projects changed later', () => {
		const r = merge(['subject'], input({ subject: 'c' }, { subject: 'p' }, { projectsModified: '2026-11-25T11:00:00Z' }), config());
		expect(r.changes[0]).toMatchObject({ from: 'projects', value: 'p' });
	});

	it('holds a change that the field direction forbids, and ignores fields turned off', () => {
		const cfg = config({ directions: { ...config().directions, subject: 'crmToProjects', dueDate: 'off' } });
		const r = merge([...fields], input({ dueDate: '2027-01-01' }, { subject: 'p' }), cfg);
		expect(r.changes).toEqual([]);
		expect(r.held).toEqual(['subject']);
	});

	it('lets the initiating side win when the pair has no base yet', () => {
		const r = merge(['subject'], { ...input({ subject: 'c' }, { subject: 'p' }), base: undefined, initiator: 'projects' }, config());
		expect(r.changes[0]).toMatchObject({ from: 'projects', kind: 'initial' });
	});

	describe('lossy maps compared in the coarser space', () => {
		// Projects "none" is written to CRM as Normal, which CRM reads back as "medium".
		it('sees CRM "medium" as in sync with Projects "none" and keeps "none" as the base', () => {
			const r = merge(['priority'], input({ priority: 'medium' }, { priority: 'none' }, { base: { ...base, priority: 'high' } }), config());
			expect(r.changes).toEqual([]);
			expect(r.agreed).toEqual({ priority: 'none' });
		});

		it('sees CRM "medium" as unchanged against a base of "none"', () => {
			const r = merge(['priority'], input({ priority: 'medium' }, { priority: 'low' }, { base: { ...base, priority: 'none' } }), config());
			expect(r.changes).toEqual([{ field: 'priority', from: 'projects', to: 'crm', value: 'low', previous: 'medium', kind: 'propagate' }]);
		});

		it('still carries a real CRM change away from a base of "none"', () => {
			const r = merge(['priority'], input({ priority: 'high' }, { priority: 'none' }, { base: { ...base, priority: 'none' } }), config());
			expect(r.changes).toEqual([{ field: 'priority', from: 'crm', to: 'projects', value: 'high', previous: 'none', kind: 'propagate' }]);
		});

		it('follows a configured map: "none" written as Low reads back as "low"', () => {
			const cfg = config({ projectsPriorityToCrm: { high: 'High', medium: 'Normal', low: 'Low', none: 'Low' } });
			expect(merge(['priority'], input({ priority: 'low' }, { priority: 'none' }), cfg).agreed).toEqual({ priority: 'none' });
			expect(merge(['priority'], input({ priority: 'medium' }, { priority: 'none' }), cfg).agreed).toEqual({});
		});
	});
});
