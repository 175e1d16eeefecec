import type { INode } from 'n8n-workflow';

import { json } from '../zoho-sim/kit';
import type { ZohoSim } from '../zoho-sim/server';
import { Harness } from './engine';
import { ZohoProbe } from './ProbeNode';
import { CREDENTIAL_REF, simCredential, startSim } from './sim';

const probeWorkflow = (product: string, path: string) => ({
	nodes: [
		{ id: '1', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: '2', name: 'Probe', type: 'test.zohoProbe', typeVersion: 1, position: [200, 0], parameters: { product, path }, credentials: CREDENTIAL_REF },
	] as INode[],
	connections: { Start: { main: [[{ node: 'Probe', type: 'main', index: 0 }]] } },
});

describe('engine harness: the shared Zoho request function through n8n-core', () => {
	let sim: ZohoSim;
	const seen: { product: string; authorization: string }[] = [];

	beforeAll(async () => {
		sim = await startSim();
		// Probe routes that only echo who called: the test is about auth, not about a Zoho module.
		sim.router.add('crm', 'GET', '/crm/v8/__probe', (req) => {
			seen.push({ product: 'crm', authorization: String(req.headers.authorization) });
			return json(200, { user: req.userId });
		});
		sim.router.add('projects', 'GET', '/api/v3/__probe', (req) => {
			seen.push({ product: 'projects', authorization: String(req.headers.authorization) });
			return json(200, { user: req.userId });
		});
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => {
		seen.length = 0;
		sim.log.clear();
	});

	it("sends Zoho's own Authorization scheme, not Bearer", async () => {
		const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) }, { 'test.zohoProbe': new ZohoProbe() });
		const result = await harness.run(probeWorkflow('crm', '/crm/v8/__probe'));
		expect(result.error).toBeUndefined();
		expect(result.output('Probe')[0].json.statusCode).toBe(200);
		expect(seen).toHaveLength(1);
		expect(seen[0].authorization).toMatch(/^Zoho-oauthtoken 1000\.access\./);
	});

	it.each(['crm', 'projects'])('refreshes an expired token once, stores it, and retries (%s)', async (product) => {
		const credential = simCredential(sim);
		const oldToken = (credential.oauthTokenData as { access_token: string }).access_token;
		const harness = new Harness({ zohoTaskSyncOAuth2Api: credential }, { 'test.zohoProbe': new ZohoProbe() });
		const refreshesBefore = sim.accounts.refreshCount;
		sim.clock.advance(3601 * 1000); // past the 1-hour access-token lifetime

		const path = product === 'crm' ? '/crm/v8/__probe' : '/api/v3/__probe';
		const result = await harness.run(probeWorkflow(product, path));

		expect(result.error).toBeUndefined();
		expect(result.output('Probe')[0].json.statusCode).toBe(200);
		expect(sim.accounts.refreshCount - refreshesBefore).toBe(1);
		// One 401 answer, then the retry that succeeded.
		expect(sim.log.filter({ product: product as 'crm' | 'projects' }).map((e) => e.status)).toEqual([401, 200]);
		expect(harness.credentials.oauthUpdates).toBe(1);
		const stored = harness.credentials.data.zohoTaskSyncOAuth2Api.oauthTokenData as Record<string, string>;
		expect(stored.access_token).not.toBe(oldToken);
		expect(stored.refresh_token).toBe((credential.oauthTokenData as Record<string, string>).refresh_token);
		expect(seen.at(-1)!.authorization).toBe(`Zoho-oauthtoken ${stored.access_token}`);

		// The stored token serves the next execution without another refresh.
		const again = await harness.run(probeWorkflow(product, path));
		expect(again.error).toBeUndefined();
		expect(sim.accounts.refreshCount - refreshesBefore).toBe(1);
	});

	it('fails with a clear error when the refresh token is revoked', async () => {
		const credential = simCredential(sim);
		const harness = new Harness({ zohoTaskSyncOAuth2Api: credential }, { 'test.zohoProbe': new ZohoProbe() });
		sim.accounts.refreshTokens.clear();
		sim.accounts.expireAll();
		const result = await harness.run(probeWorkflow('crm', '/crm/v8/__probe'));
		expect(result.error?.message).toMatch(/Zoho refused to refresh the access token/);
		expect((result.error as { description?: string }).description).toMatch(/Reconnect/);
		expect(seen).toHaveLength(0);
	});
});
