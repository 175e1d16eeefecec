import { NodeConnectionTypes } from 'n8n-workflow';
import type { INode } from 'n8n-workflow';

import { json } from '../zoho-sim/kit';
import type { ZohoSim } from '../zoho-sim/server';
import { Harness } from './engine';
import { ZohoProbe } from './ProbeNode';
import { ZohoProbeHook, ZohoProbePoll } from './ProbeTriggers';
import { CREDENTIAL_REF, simCredential, startSim } from './sim';

const probeWorkflow = (product: string, path: string) => ({
	nodes: [
		{ id: '1', name: 'Start', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} },
		{ id: '2', name: 'Probe', type: 'test.zohoProbe', typeVersion: 1, position: [200, 0], parameters: { product, path }, credentials: CREDENTIAL_REF },
	] as INode[],
	connections: { Start: { main: [[{ node: 'Probe', type: NodeConnectionTypes.Main, index: 0 }]] } },
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
		sim.routeScopes.set('GET /crm/v8/__probe', [['ZohoCRM.modules.tasks.READ']]);
		sim.routeScopes.set('GET /api/v3/__probe', [['ZohoProjects.tasks.READ']]);
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

describe('engine harness: triggers through PollContext, HookContext and WebhookContext', () => {
	let sim: ZohoSim;
	const items: number[] = [];
	const subscriptions = new Map<string, string>();

	beforeAll(async () => {
		sim = await startSim();
		sim.router.add('crm', 'GET', '/crm/v8/__items', (req) => json(200, { items: items.filter((n) => n > Number(req.query.get('after'))) }));
		sim.router.add('crm', 'POST', '/crm/v8/__subscriptions', (req) => {
			const id = String(subscriptions.size + 1);
			subscriptions.set(id, (req.body as { url: string }).url);
			return json(201, { id });
		});
		sim.router.add('crm', 'GET', '/crm/v8/__subscriptions/:id', (req) => (subscriptions.has(req.params.id) ? json(200, {}) : json(404, {})));
		sim.router.add('crm', 'DELETE', '/crm/v8/__subscriptions/:id', (req) => json(subscriptions.delete(req.params.id) ? 200 : 404, {}));
		for (const [method, pattern] of [['GET', '/crm/v8/__items'], ['POST', '/crm/v8/__subscriptions'], ['GET', '/crm/v8/__subscriptions/:id'], ['DELETE', '/crm/v8/__subscriptions/:id']]) {
			sim.routeScopes.set(`${method} ${pattern}`, [['ZohoCRM.modules.tasks.READ']]);
		}
	});
	afterAll(async () => await sim.stop());

	const trigger = (type: string, name: string) => ({
		nodes: [
			{ id: 't', name, type, typeVersion: 1, position: [0, 0], parameters: {}, credentials: CREDENTIAL_REF, webhookId: 'b6f1c7e2-probe' },
			{ id: 'n', name: 'After', type: 'test.start', typeVersion: 1, position: [200, 0], parameters: {} },
		] as INode[],
		connections: { [name]: { main: [[{ node: 'After', type: NodeConnectionTypes.Main, index: 0 }]] } },
	});

	it('polls with a cursor kept in static data; manual polls do not move it', async () => {
		const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) }, { 'test.zohoProbePoll': new ZohoProbePoll() });
		const spec = trigger('test.zohoProbePoll', 'Poll');
		items.push(1, 2);
		expect(await harness.poll(spec, 'Poll', 'manual')).toEqual([[{ json: { n: 1 } }, { json: { n: 2 } }]]);
		expect(harness.nodeStaticData('Poll').cursor).toBeUndefined();
		expect((await harness.poll(spec, 'Poll'))?.[0]).toHaveLength(2);
		expect(harness.nodeStaticData('Poll').cursor).toBe(2);
		expect(await harness.poll(spec, 'Poll')).toBeNull();
		items.push(3);
		expect(await harness.poll(spec, 'Poll')).toEqual([[{ json: { n: 3 } }]]);
	});

	it('activates a webhook trigger, runs the workflow per call, and deletes the subscription', async () => {
		const harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) }, { 'test.zohoProbeHook': new ZohoProbeHook() });
		const spec = trigger('test.zohoProbeHook', 'Hook');
		const base = await harness.listen();
		await harness.activate(spec, 'Hook');
		expect([...subscriptions.values()]).toEqual([`${base}/b6f1c7e2-probe/probe`]);
		expect(await harness.hook(spec, 'Hook', 'checkExists')).toBe(true);

		const res = await fetch(`${base}/b6f1c7e2-probe/probe`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"hello":"世界"}' });
		expect(res.status).toBe(200);
		await harness.settle();
		expect(harness.webhookRuns).toHaveLength(1);
		expect(harness.webhookRuns[0].output('After')[0].json).toEqual({ hello: '世界' });

		await harness.deactivate(spec, 'Hook');
		expect(subscriptions.size).toBe(0);
		expect(await harness.hook(spec, 'Hook', 'checkExists')).toBe(false);
		const after = await fetch(`${base}/b6f1c7e2-probe/probe`, { method: 'POST', body: '{}' });
		expect(after.status).toBe(404);
		await harness.close();
		expect(harness.webhookRuns).toHaveLength(1);
	});
});
