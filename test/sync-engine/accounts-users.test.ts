import { matchAccounts } from '../../nodes/shared/sync/accounts';
import { planImport } from '../../nodes/shared/sync/users';

describe('account matching by name', () => {
	const companies = [
		{ id: 'c1', name: '株式会社サクラ商事' },
		{ id: 'c2', name: 'Acme Corporation' },
		{ id: 'c3', name: 'ABC株式会社' },
		{ id: 'c4', name: 'Globex' },
		{ id: 'c5', name: 'globex ' },
	];
	const accounts = [
		{ id: 'a1', name: '株式会社サクラ商事', clientId: 'c1' },
		{ id: 'a2', name: 'Acme Corporation' },
		{ id: 'a3', name: 'ＡＢＣ株式会社' },
		{ id: 'a4', name: 'Northwind Traders' },
		{ id: 'a5', name: 'GLOBEX' },
	];
	const result = matchAccounts(accounts, companies);
	const byName = (name: string) => result.find((r) => r.name === name);

	it('reports the mapped pair through the stored mapping', () => {
		expect(byName('株式会社サクラ商事')).toMatchObject({ status: 'mapped', companies: [{ id: 'c1' }] });
	});
	it('pairs same-name unmapped accounts, across full- and half-width forms', () => {
		expect(byName('Acme Corporation')).toMatchObject({ status: 'unmapped', accounts: [{ id: 'a2' }], companies: [{ id: 'c2' }] });
		expect(byName('ＡＢＣ株式会社')).toMatchObject({ status: 'unmapped', companies: [{ id: 'c3' }] });
	});
	it('never guesses between several same-name candidates', () => {
		expect(byName('GLOBEX')).toMatchObject({ status: 'ambiguous' });
		expect(byName('GLOBEX')?.companies).toHaveLength(2);
	});
	it('lists records without a counterpart', () => {
		expect(byName('Northwind Traders')?.status).toBe('crmOnly');
	});
});

describe('import plans', () => {
	it('creates only people missing by e-mail, case-insensitively, and is idempotent', () => {
		const source = [
			{ id: '1', email: 'Hanako.Sato@example.jp', name: '佐藤 花子' },
			{ id: '2', email: 'ken.tanaka@example.jp', name: '田中 健' },
			{ id: '3', email: null, name: 'No Mail' },
			{ id: '4', email: 'KEN.tanaka@example.jp', name: '田中 健 (dup)' },
		];
		const plan = planImport(source, [{ id: 'z1', email: 'hanako.sato@example.jp', name: '佐藤 花子' }]);
		expect(plan.create.map((p) => p.id)).toEqual(['2']);
		expect(plan.existing.map((e) => e.target.id)).toEqual(['z1']);
		expect(plan.skipped.map((s) => s.reason)).toEqual(['no e-mail address', 'duplicate e-mail ken.tanaka@example.jp']);
		const rerun = planImport(source, [{ id: 'z1', email: 'hanako.sato@example.jp', name: '' }, { id: 'z2', email: 'ken.tanaka@example.jp', name: '' }]);
		expect(rerun.create).toEqual([]);
	});
});
