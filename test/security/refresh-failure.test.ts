/**
 * Issue 12 item 1: when Zoho refuses a token refresh, the node's error — which n8n saves with the
 * execution — must hold no token and no client secret, whatever way the refusal comes (an HTTP error
 * from the token endpoint, or HTTP 200 with `{error}`).
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { Harness } from '../harness/engine';
import { simCredential } from '../harness/sim';
import { PROJECTS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { rl, runProjects, startProjectsSim, stopProjectsSim } from '../projects-node/helpers';

const get = { resource: 'task', operation: 'get', projectId: rl(PROJECTS.migration.id), taskId: TASKS.plan.zpId };

/** Every secret the credential holds, as n8n would merge them into token data. */
function secretsOf(credential: ICredentialDataDecryptedObject): string[] {
	const tokens = credential.oauthTokenData as Record<string, string>;
	return [tokens.access_token, tokens.refresh_token, String(credential.clientSecret)].filter((s) => s && s.length > 8);
}

describe('a refused token refresh leaves no secret in the saved execution', () => {
	let sim: ZohoSim;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	afterEach(() => sim.faults.clear());

	it.each([
		['answers HTTP 200 with an error (a revoked refresh token)', () => sim.accounts.refreshTokens.clear()],
		['answers HTTP 500', () => sim.faults.add({ product: 'accounts', path: '/oauth/v2/token$', status: 500, body: { error: 'internal' }, times: Infinity })],
		['answers HTTP 400 invalid_client', () => sim.faults.add({ product: 'accounts', path: '/oauth/v2/token$', status: 400, body: { error: 'invalid_client' }, times: Infinity })],
	])('the token endpoint %s', async (_label, refuse) => {
		const credential = simCredential(sim);
		const harness = new Harness({ zohoTaskSyncOAuth2Api: credential });
		sim.accounts.expireAll();
		refuse();
		const { result } = await runProjects(harness, get);
		expect(result.error?.message).toMatch(/Zoho refused to refresh the access token/);
		// What n8n stores: the whole run (result data, the node's error with its response and context).
		const stored = JSON.stringify(result.run) + JSON.stringify(result.error, Object.getOwnPropertyNames(result.error ?? {}));
		for (const secret of secretsOf(credential)) expect(stored).not.toContain(secret);
	});
});
