/**
 * The CRM transport under Zoho's throttling and failures (bounded retries, counted in requests,
 * never timed) and across pages: page numbers for the first 2,000 records, then page tokens.
 */
import { RETRY } from '../../nodes/shared/crm/transport';
import { TASKS } from '../zoho-sim/seed-data';
import { byId, crmContext, type CrmContext, items, jsonOf, recordWaits } from './helpers';

const query = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('Zoho CRM transport: retries', () => {
	let ctx: CrmContext;
	beforeAll(async () => (ctx = await crmContext()));
	afterAll(async () => await ctx.sim.stop());
	/** Every wait the transport asked for, in ms; it is spent on the simulator's clock. */
	const waits = recordWaits(() => ctx);

	const getPlan = { resource: 'task', operation: 'get', taskId: byId(TASKS.plan.crmId) };
	const statuses = () => ctx.sim.log.filter({ product: 'crm' }).map((e) => e.status);

	it('retries a throttled read (429 with Retry-After) and succeeds', async () => {
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 2, headers: { 'Retry-After': '0' } });
		const result = await ctx.run(getPlan);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)[0].id).toBe(TASKS.plan.crmId);
		expect(statuses()).toEqual([429, 429, 200]);
	});

	it('waits as long as Retry-After asks (seconds or an HTTP date), up to the cap', async () => {
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 2, headers: { 'Retry-After': '3' } });
		expect((await ctx.run(getPlan)).error).toBeUndefined();
		expect(statuses()).toEqual([429, 429, 200]);
		expect(waits).toEqual([3000, 3000]);

		ctx.sim.log.clear();
		waits.length = 0;
		const now = ctx.sim.clock.now();
		const at = Math.ceil(now / 1000) * 1000 + 4000; // HTTP dates have whole seconds
		ctx.sim.faults.add({ product: 'crm', status: 503, times: 1, headers: { 'Retry-After': new Date(at).toUTCString() } });
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 1, headers: { 'Retry-After': String(RETRY.maxWaitMs / 1000) } });
		expect((await ctx.run(getPlan)).error).toBeUndefined();
		expect(statuses()).toEqual([503, 429, 200]);
		expect(waits).toEqual([at - now, RETRY.maxWaitMs]);
	});

	it('backs off 0.5 s, 1 s, 2 s when Zoho names no wait', async () => {
		ctx.sim.faults.add({ product: 'crm', method: 'GET', status: 503, times: 3 });
		expect((await ctx.run(getPlan)).error).toBeUndefined();
		expect(statuses()).toEqual([503, 503, 503, 200]);
		expect(waits).toEqual([500, 1000, 2000]);
	});

	it('fails the item at once, saying when to retry, when Retry-After is longer than the node waits', async () => {
		const now = ctx.sim.clock.now();
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 1, headers: { 'Retry-After': '30' } });
		const result = await ctx.run(getPlan, items({ n: 1 }, { n: 2 }), { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const failed = result.output('CRM', 1);
		expect(failed.map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, `Zoho CRM asked to wait 30 s before the next attempt to read the task ${TASKS.plan.crmId} (HTTP 429); retry after ${new Date(now + 30_000).toISOString()}`],
		]);
		// No wait and no second attempt for the first item; the second item was served.
		expect(waits).toEqual([]);
		expect(statuses()).toEqual([429, 200]);
		expect(jsonOf(result).map((t) => t.id)).toEqual([TASKS.plan.crmId]);
	});

	it('gives up after 3 retries with a clear 429 error', async () => {
		ctx.sim.faults.add({ product: 'crm', status: 429, times: 10, headers: { 'Retry-After': '0' } });
		const result = await ctx.run(getPlan);
		expect(result.error?.message).toBe(`Zoho CRM kept refusing to read the task ${TASKS.plan.crmId}: too many requests at once (HTTP 429, 4 attempts)`);
		expect(statuses()).toEqual([429, 429, 429, 429]);
	});

	it('retries a 5xx on reads and updates, and reports the last one after 4 attempts', async () => {
		ctx.sim.faults.add({ product: 'crm', method: 'PUT', status: 502, times: 1 });
		const task = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Retry me' });
		const updated = await ctx.run({ resource: 'task', operation: 'update', taskId: byId(String(task.id)), updateFields: { status: 'Deferred' } });
		expect(updated.error).toBeUndefined();
		expect(ctx.sim.crm.getRecord('Tasks', String(task.id))?.Status).toBe('Deferred');
		expect(ctx.sim.log.filter({ method: 'PUT' }).map((e) => e.status)).toEqual([502, 200]);

		ctx.sim.log.clear();
		ctx.sim.faults.add({ product: 'crm', method: 'GET', status: 503, times: 10 });
		const failed = await ctx.run(getPlan);
		expect(failed.error?.message).toBe(`Zoho CRM failed to read the task ${TASKS.plan.crmId}: HTTP 503 (4 attempts)`);
		expect(statuses()).toEqual([503, 503, 503, 503]);
	});

	it('never repeats a create after a 5xx (it may have been written), but does after a 429', async () => {
		const count = () => ctx.sim.crm.store.all('Tasks').filter((t) => t.Subject === 'Once only').length;
		ctx.sim.faults.add({ product: 'crm', method: 'POST', path: '^/crm/v8/Tasks$', status: 500, times: 1 });
		const failed = await ctx.run({ resource: 'task', operation: 'create', subject: 'Once only' }, items({}));
		expect(failed.error?.message).toBe('Zoho CRM failed to create tasks: HTTP 500 (not retried, because repeating it could write twice)');
		expect(ctx.sim.log.filter({ method: 'POST' })).toHaveLength(1);

		ctx.sim.log.clear();
		ctx.sim.faults.add({ product: 'crm', method: 'POST', path: '^/crm/v8/Tasks$', status: 429, times: 1, headers: { 'Retry-After': '0' } });
		const created = await ctx.run({ resource: 'task', operation: 'create', subject: 'Once only' }, items({}));
		expect(created.error).toBeUndefined();
		expect(ctx.sim.log.filter({ method: 'POST' }).map((e) => e.status)).toEqual([429, 201]);
		expect(count()).toBe(1);
	});

	it('with continueOnFail, a throttled batch fails its items and the run goes on', async () => {
		ctx.sim.faults.add({ product: 'crm', method: 'POST', status: 429, times: 10, headers: { 'Retry-After': '0' } });
		const result = await ctx.run({ resource: 'task', operation: 'create', subject: '={{ $json.s }}' }, items({ s: 'a' }, { s: 'b' }), { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(result.output('CRM', 1).map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
		expect(result.output('CRM', 1)[0].json.error).toMatch(/^Zoho CRM kept refusing to create tasks/);
		expect(ctx.sim.log.filter({ method: 'POST' })).toHaveLength(4);
	});
});

describe('Zoho CRM transport: paging', () => {
	let ctx: CrmContext;
	let total: number;
	beforeAll(async () => {
		ctx = await crmContext();
		for (let i = 0; i < 2150; i++) ctx.sim.crm.createAsUser('Tasks', { Subject: `Bulk ${String(i).padStart(4, '0')}` });
		total = ctx.sim.crm.store.all('Tasks').length;
	});
	afterAll(async () => await ctx.sim.stop());
	beforeEach(() => ctx.sim.log.clear());

	const listCalls = () => ctx.sim.log.filter({ path: '/crm/v8/Tasks' }).map((e) => query(e.query));

	it('reads past 200 records page by page, up to the limit', async () => {
		const result = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: false, limit: 450, options: { fields: ['Subject'] } });
		const out = jsonOf(result);
		expect(out).toHaveLength(450);
		expect(new Set(out.map((t) => t.id)).size).toBe(450);
		expect(listCalls().map((q) => [q.page, q.per_page])).toEqual([
			['1', '200'],
			['2', '200'],
			['3', '200'],
		]);
	});

	it('returns all records, switching from page numbers to page_token after the 2,000-record window', async () => {
		const result = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, options: { fields: ['Subject'], sortOrder: 'asc', sortBy: 'id' } });
		const out = jsonOf(result);
		expect(out).toHaveLength(total);
		expect(new Set(out.map((t) => t.id)).size).toBe(total);
		const calls = listCalls();
		expect(calls.slice(0, 10).map((q) => q.page)).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
		expect(calls.slice(10).every((q) => q.page === undefined && typeof q.page_token === 'string' && q.page_token.length > 0)).toBe(true);
		expect(calls).toHaveLength(Math.ceil(total / 200));
	});
});
