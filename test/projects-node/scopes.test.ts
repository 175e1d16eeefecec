/**
 * A credential whose consent lacks one scope the Projects node needs: Zoho answers 401
 * `INVALID_OAUTHSCOPE`, and the node's error tells the user to reconnect the credential so Zoho asks
 * for the scopes again. (Every other Projects node test runs with exactly the product's scope list,
 * `ZOHO_SCOPES`, which proves that list complete for what they do.)
 */
import { ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { Harness } from '../harness/engine';
import { simCredential } from '../harness/sim';
import { OAUTH_CLIENT, PROJECTS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { rl, runProjects, startProjectsSim, stopProjectsSim } from './helpers';

describe('Zoho Projects node: a credential without a scope it needs', () => {
	let sim: ZohoSim;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));

	it('creating a task without ZohoProjects.tasks.ALL fails with a reconnect message', async () => {
		const scopes = ZOHO_SCOPES.filter((s) => s !== 'ZohoProjects.tasks.ALL');
		const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim, sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, scopes)) });
		const { result } = await runProjects(harness, { resource: 'task', operation: 'create', projectId: rl(PROJECTS.website.id), name: 'Needs a scope' });
		expect(result.error).toBeDefined();
		const error = result.error as Error & { description?: string };
		expect(error.message).toContain('INVALID_OAUTHSCOPE');
		expect(error.description).toContain('Reconnect the Zoho Task Sync credential so Zoho asks for the scopes again');
		expect(sim.log.filter({ method: 'POST', product: 'projects' }).every((e) => e.status === 401)).toBe(true);
	});
});
