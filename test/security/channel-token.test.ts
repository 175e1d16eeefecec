/**
 * Issue 12 item 13: when Zoho refuses a notification channel because of its token, the error (which
 * n8n shows and may save) names the field but never the channel token's value.
 */
import { Harness } from '../harness/engine';
import { simCredential, startSim } from '../harness/sim';
import type { ZohoSim } from '../zoho-sim/server';
import { sharedClock, triggerWorkflow } from '../crm-node/trigger-helpers';

describe('Zoho CRM Tasks Trigger: a refused channel token stays secret', () => {
	let sim: ZohoSim;
	let harness: Harness;
	let clock: ReturnType<typeof sharedClock>;
	beforeEach(async () => {
		sim = await startSim();
		clock = sharedClock(sim);
		harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
		await harness.listen();
	});
	afterEach(async () => {
		await harness.close();
		await sim.stop();
		clock.stop();
	});

	it('the activation error names the token field, not its value', async () => {
		const refusal = { code: 'INVALID_DATA', details: { api_name: 'token', json_path: '$.watch[0].token' }, message: 'invalid data', status: 'error' };
		sim.faults.add({ product: 'crm', method: 'POST', path: '/actions/watch$', status: 400, body: { watch: [refusal] }, times: Infinity });
		const error = await harness.activate(triggerWorkflow({ mode: 'instant' }), 'Trigger').then(
			() => undefined,
			(e: unknown) => e as Error & { description?: string },
		);
		expect(error?.message).toMatch(/token/);
		const token = String(harness.nodeStaticData('Trigger').token ?? '');
		expect(token.length).toBeGreaterThanOrEqual(30);
		const shown = `${error?.message ?? ''} ${error?.description ?? ''} ${JSON.stringify(error, Object.getOwnPropertyNames(error ?? {}))}`;
		expect(shown).not.toContain(token);
	});
});
