import { COMPANIES, CONTACTS, FIELDS, PORTAL_ID, TASKS, USERS } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

describe('Zoho Task Sync: Match Accounts, Import Users, Reconcile', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const account = (id: string) => env.sim.crm.getRecord('Accounts', id) as Record<string, unknown>;

	it('matches accounts by name across full/half-width forms, and maps them only when asked', async () => {
		const report = await env.run({ operation: 'matchAccounts', portalId: PORTAL_ID }, [{}]);
		const status = (name: string) => [...report.synced, ...report.skipped, ...report.rejected].find((m) => m.name === name)?.status;
		expect(status(COMPANIES.sakura.crmName)).toBe('mapped');
		expect(status(COMPANIES.acme.crmName)).toBe('unmapped');
		expect(status(COMPANIES.abc.crmName)).toBe('unmapped');
		expect(status(COMPANIES.northwind.crmName)).toBe('crmOnly');
		expect(account(COMPANIES.acme.accountId)[FIELDS.accountClient] ?? null).toBeNull();

		const write = await env.run({ operation: 'matchAccounts', portalId: PORTAL_ID, writeMapping: true }, [{}]);
		expect(write.synced.map((m) => m.name).sort()).toEqual([COMPANIES.acme.crmName, COMPANIES.abc.crmName].sort());
		expect(account(COMPANIES.abc.accountId)[FIELDS.accountClient]).toBe(COMPANIES.abc.clientId);
		const again = await env.run({ operation: 'matchAccounts', portalId: PORTAL_ID, writeMapping: true }, [{}]);
		expect(again.synced).toEqual([]);
	});

	it('reports ambiguous names instead of guessing', async () => {
		env.sim.crm.createAsUser('Accounts', { Account_Name: 'acme  corporation' });
		const r = await env.run({ operation: 'matchAccounts', portalId: PORTAL_ID, writeMapping: true }, [{}]);
		expect(r.rejected).toHaveLength(1);
		expect(r.rejected[0]).toMatchObject({ status: 'ambiguous', rule: 'AMBIGUOUS_NAME' });
		expect(account(COMPANIES.acme.accountId)[FIELDS.accountClient] ?? null).toBeNull();
	});

	it('imports missing CRM users as portal users and contacts as client users, idempotently by e-mail', async () => {
		const first = await env.run({ operation: 'importUsers', portalId: PORTAL_ID, importWhat: 'both' }, [{}]);
		expect(first.errors).toEqual([]);
		expect(first.synced.map((x) => [x.kind, x.email])).toEqual([
			['portalUser', USERS.ken.email],
			['clientUser', CONTACTS.kimura.email],
		]);
		const users = env.sim.projects.snapshot().users as { email: string }[];
		expect(users.some((u) => u.email === USERS.ken.email)).toBe(true);
		const contacts = env.sim.projects.snapshot().contacts as { email: string; clientId?: string }[];
		expect(contacts.filter((c) => c.email === CONTACTS.kimura.email)).toHaveLength(1);

		const second = await env.run({ operation: 'importUsers', portalId: PORTAL_ID, importWhat: 'both' }, [{}]);
		expect(second.synced).toEqual([]);
		expect(second.skipped.every((x) => x.reason === 'exists')).toBe(true);
	});

	it('reconciles changes made while no event reached the sync, then finds nothing more', async () => {
		await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: TASKS.design.crmId }, { id: TASKS.plan.crmId }]);
		const since = env.sim.clock.iso();
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'Design (missed CRM event)' }, USERS.emily.crmId);
		env.sim.projects.editTask(TASKS.plan.zpId, { name: '移行計画 (Projects で変更)' }, 'ichiro');
		env.sim.clock.advance(60_000);

		const r = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since }, [{}]);
		expect(r.synced[0]).toMatchObject({ operation: 'reconcile', counts: { pairs: 2, synced: 2, failed: 0 } });
		expect((env.sim.projects.task(TASKS.design.zpId) as { name: string }).name).toBe('Design (missed CRM event)');
		expect((env.sim.crm.getRecord('Tasks', TASKS.plan.crmId) as { Subject: string }).Subject).toBe('移行計画 (Projects で変更)');

		const cursor = String(r.synced[0].cursor);
		env.mark();
		const again = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since: cursor }, [{}]);
		expect(again.synced[0]).toMatchObject({ counts: { synced: 0, failed: 0 } });
		expect(env.calls('projects', true) + env.calls('crm', true)).toBe(0);
	});

	it('keeps going when one pair fails, reports it, and retries it on the next run', async () => {
		await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: TASKS.design.crmId }, { id: TASKS.plan.crmId }]);
		const since = env.sim.clock.iso();
		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'design edit' });
		env.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Subject: 'plan edit' });
		env.sim.faults.add({ product: 'projects', method: 'PATCH', path: `/tasks/${TASKS.plan.zpId}$`, status: 403, times: 1 });
		const r = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since }, [{}]);
		expect(r.synced[0]).toMatchObject({ counts: { pairs: 2, synced: 1, failed: 1 } });
		expect(r.synced[0].failures).toEqual([expect.objectContaining({ crmTaskId: TASKS.plan.crmId })]);
		expect(r.errors).toEqual([expect.objectContaining({ error: 'Reconcile: 1 of 2 linked pairs failed' })]);
		expect(String(r.errors[0].message)).toContain(TASKS.plan.crmId);
		expect((env.sim.projects.task(TASKS.design.zpId) as { name: string }).name).toBe('design edit');

		// Without an explicit start, the node keeps its own cursor: it moves past everything seen, and
		// the failed pair is kept aside and retried by the next run.
		env.sim.faults.add({ product: 'projects', method: 'PATCH', path: `/tasks/${TASKS.plan.zpId}$`, status: 403, times: 1 });
		const failing = await env.run({ operation: 'reconcile', portalId: PORTAL_ID }, [{}]);
		expect(failing.synced[0]).toMatchObject({ counts: { failed: 1 }, retry: [{ crmTaskId: TASKS.plan.crmId, attempts: 1 }] });
		expect(env.harness.nodeStaticData('Sync').reconcileCursor).toBe(failing.synced[0].cursor);
		const healed = await env.run({ operation: 'reconcile', portalId: PORTAL_ID }, [{}]);
		expect(healed.synced[0]).toMatchObject({ counts: { failed: 0, retried: 1 }, retry: [] });
		expect((env.sim.projects.task(TASKS.plan.zpId) as { name: string }).name).toBe('plan edit');
		expect(env.harness.nodeStaticData('Sync').reconcileCursor).toBe(healed.synced[0].cursor);
	});
});
