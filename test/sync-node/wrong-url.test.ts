/**
 * Issue 10 item 3: Zoho Projects V3 answers a URL it does not know with 400 URL_RULE_NOT_CONFIGURED
 * (reference §3.10, [P1b][P28]), not 404. When a task read of the sync meets that answer, the item
 * must fail with Zoho's words; it must not read as "the Projects task was deleted" and unlink the pair.
 */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS, taskLinkValue } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

describe('Zoho Task Sync: a Projects URL Zoho does not know', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	it('fails the item on 400 URL_RULE_NOT_CONFIGURED and keeps the link (not taken for a deleted task)', async () => {
		const primed = await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: TASKS.design.crmId }]);
		expect(primed.errors).toEqual([]);

		// The simulator's own answer to a wrong V3 path, served where the sync reads the linked task.
		const wrong = await fetch(`${env.sim.url}/api/v3/portal/${PORTAL_ID}/projects/${PROJECTS.website.id}/taskz/${TASKS.design.zpId}`, {
			headers: { Authorization: `Zoho-oauthtoken ${env.sim.accounts.issue(env.sim.accounts.clients[0].clientId).access_token}` },
		});
		expect(wrong.status).toBe(400);
		const body = (await wrong.json()) as { error: { title: string } };
		expect(body.error.title).toBe('URL_RULE_NOT_CONFIGURED');
		env.sim.faults.add({ product: 'projects', method: 'GET', path: `/tasks/${TASKS.design.zpId}$`, status: 400, body, times: Infinity });

		env.sim.clock.advance(60_000);
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: 'edited while Zoho refuses the URL' });
		const r = await env.run({ operation: 'syncTask', source: 'crm' }, [{ id: TASKS.design.crmId }]);

		expect(r.rejected).toEqual([]);
		expect(r.skipped).toEqual([]);
		expect(r.errors).toHaveLength(1);
		expect(JSON.stringify(r.errors[0])).toContain('URL_RULE_NOT_CONFIGURED');
		const crm = env.sim.crm.getRecord('Tasks', TASKS.design.crmId);
		expect(crm?.[FIELDS.taskLink]).toBe(taskLinkValue(PROJECTS.website.id, TASKS.design.zpId));
		expect(env.sim.log.count({ method: 'DELETE' })).toBe(0);
	});
});
