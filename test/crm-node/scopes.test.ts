/**
 * A credential whose consent lacks one scope the CRM node needs: Zoho answers 401
 * `OAUTH_SCOPE_MISMATCH`, and the node's error tells the user to reconnect the credential so Zoho
 * asks for the scopes again. (Every other CRM node test runs with exactly the product's scope list,
 * `ZOHO_SCOPES`, which proves that list complete for what they do.)
 */
import { ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { Harness } from '../harness/engine';
import { simCredential, startSim } from '../harness/sim';
import { OAUTH_CLIENT } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { crmWorkflow } from './helpers';

describe('Zoho CRM Tasks node: a credential without a scope it needs', () => {
	let sim: ZohoSim;
	beforeAll(async () => (sim = await startSim()));
	afterAll(async () => await sim.stop());

	it('creating a task without ZohoCRM.modules.tasks.ALL fails with a reconnect message', async () => {
		const scopes = ZOHO_SCOPES.filter((s) => s !== 'ZohoCRM.modules.tasks.ALL');
		const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim, sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, scopes)) });
		const before = sim.crm.store.all('Tasks').length;
		const result = await harness.run(crmWorkflow({ resource: 'task', operation: 'create', subject: 'Needs a scope' }), [{ json: {} }]);
		expect(result.error).toBeDefined();
		const error = result.error as Error & { description?: string; httpCode?: string };
		expect(error.message).toContain('OAUTH_SCOPE_MISMATCH');
		expect(error.message).toMatch(/lacks a Zoho CRM scope/);
		expect(error.description).toContain('Reconnect the Zoho Task Sync credential so Zoho asks for the scopes again');
		expect(sim.crm.store.all('Tasks')).toHaveLength(before);
		const refused = sim.log.filter({ method: 'POST', path: '/crm/v8/Tasks' });
		expect(refused.length).toBeGreaterThan(0);
		expect(refused.every((e) => e.status === 401)).toBe(true);
	});
});
