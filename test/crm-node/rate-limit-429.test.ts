/**
 * Issue 10 item 8: Zoho names the CRM 429 body two ways — its "handling API limits" article says
 * `TOO_MANY_REQUESTS`, its OpenAPI description (zoho/crm-oas) gives `RATE_LIMIT_EXCEEDED`. The
 * transport keys on the HTTP status, so both bodies are retried and reported alike (through the
 * engine, as in transport.test.ts).
 */
import { TASKS } from '../zoho-sim/seed-data';
import { byId, crmContext, type CrmContext, jsonOf, recordWaits } from './helpers';

const BODIES = {
	TOO_MANY_REQUESTS: { code: 'TOO_MANY_REQUESTS', details: {}, message: 'Too many requests. Please try again later.', status: 'error' },
	RATE_LIMIT_EXCEEDED: { code: 'RATE_LIMIT_EXCEEDED', details: {}, message: 'Too many requests. Please try again later.', status: 'error' },
};

describe('Zoho CRM transport: both 429 bodies', () => {
	let ctx: CrmContext;
	beforeAll(async () => (ctx = await crmContext()));
	afterAll(async () => await ctx.sim.stop());
	/** Every wait the transport asked for, in ms; it is spent on the simulator's clock. */
	const waits = recordWaits(() => ctx);

	const getPlan = { resource: 'task', operation: 'get', taskId: byId(TASKS.plan.crmId) };
	const statuses = () => ctx.sim.log.filter({ product: 'crm' }).map((e) => e.status);

	it.each(Object.entries(BODIES))('retries a 429 %s the same way and then reads the task', async (_code, body) => {
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 2, body });
		const result = await ctx.run(getPlan);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].id).toBe(TASKS.plan.crmId);
		expect(statuses()).toEqual([429, 429, 200]);
		expect(waits).toEqual([500, 1000]);
	});

	it.each(Object.entries(BODIES))('gives up on a lasting 429 %s with the same message', async (_code, body) => {
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 10, body });
		const result = await ctx.run(getPlan);
		expect(result.error?.message).toBe(`Zoho CRM kept refusing to read the task ${TASKS.plan.crmId}: too many requests at once (HTTP 429, 4 attempts)`);
		expect(statuses()).toEqual([429, 429, 429, 429]);
	});
});
