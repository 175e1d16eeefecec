/**
 * A credential whose consent lacks one scope the Projects node needs: Zoho answers 401
 * `INVALID_OAUTHSCOPE` (or, on some routes, 400 `URL_RULE_NOT_CONFIGURED`), and the node's error tells the user to reconnect the credential so Zoho asks
 * for the scopes again. (Every other Projects node test runs with exactly the product's scope list,
 * `ZOHO_SCOPES`, which proves that list complete for what they do.)
 */
import { ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { Harness } from '../harness/engine';
import { simCredential } from '../harness/sim';
import { OAUTH_CLIENT, PROJECTS, TASKS } from '../zoho-sim/seed-data';
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

	// Reference §1.3 [P27]: some V3 routes answer a missing scope with 400 URL_RULE_NOT_CONFIGURED
	// ("Given URL is wrong") instead; the simulator plays that for the routes named in its option.
	it('where Zoho answers a missing scope as 400 URL_RULE_NOT_CONFIGURED, the error says so and asks to reconnect', async () => {
		const route = 'GET /api/v3/portal/:portal/projects/:project/tasks/:task';
		sim.projects.options.scopeAsUrlRule = [route];
		try {
			sim.log.clear();
			const scopes = ZOHO_SCOPES.filter((s) => s !== 'ZohoProjects.tasks.ALL');
			const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim, sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, scopes)) });
			const { result } = await runProjects(harness, { resource: 'task', operation: 'get', projectId: rl(PROJECTS.website.id), taskId: TASKS.design.zpId });
			const error = result.error as Error & { description?: string; httpCode?: string };
			expect(error).toBeDefined();
			expect(error.message).toContain('URL_RULE_NOT_CONFIGURED');
			expect(error.httpCode).toBe('400');
			expect(error.description).toMatch(/did not accept the URL/);
			expect(error.description).toMatch(/lacks an OAuth scope/);
			expect(error.description).toContain('Reconnect the Zoho Task Sync credential so Zoho asks for the scopes again');
			// Never read as a missing record.
			expect(error.description).not.toMatch(/does not exist|deleted|not found/i);
			expect(sim.log.filter({ method: 'GET', product: 'projects' }).map((e) => e.status)).toEqual([400]);
		} finally {
			sim.projects.options.scopeAsUrlRule = [];
		}
	});
});
