/**
 * The common CRM error bodies (401 INVALID_TOKEN / OAUTH_SCOPE_MISMATCH, 404 unknown URL, 429) and a
 * record's INVALID_DATA against record.json's API_Exception, the error every record operation lists.
 * Real HTTP against the simulator.
 */
import { OAUTH_CLIENT } from '../zoho-sim/seed-data';
import { type Client, startSim } from '../sim-crm/helpers';
import { problems } from './conform';
import { MAX_LENGTH_INTEGER, RATE_LIMIT, SCOPE_MESSAGE } from './excuses';
import { OPS } from './ops';

/** record.json lists only 200 (with the error as an alternative body); ASSUMPTIONS.md. */
const AS_200 = { status: '200', why: 'CRM/OpenAPI conformance: record.json lists only 200' };

describe('CRM common errors against record.json API_Exception', () => {
	let c: Client;
	beforeAll(async () => (c = await startSim()));
	afterAll(async () => await c.sim.stop());

	it('401 INVALID_TOKEN', async () => {
		const r = await c.get('/crm/v8/Tasks?fields=Subject', { token: 'not-a-token' });
		expect(r.status).toBe(401);
		expect(problems(r, OPS.getRecords, { alt: 'API_Exception', statusAs: AS_200 })).toEqual([]);
	});

	it('401 OAUTH_SCOPE_MISMATCH', async () => {
		const token = c.sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, ['ZohoCRM.modules.deals.READ']).access_token;
		const r = await c.get('/crm/v8/Tasks?fields=Subject', { token });
		expect(r.status).toBe(401);
		expect(problems(r, OPS.getRecords, { alt: 'API_Exception', statusAs: AS_200, excuses: [SCOPE_MESSAGE] })).toEqual([]);
	});

	it('404 INVALID_URL_PATTERN for a path no route serves', async () => {
		const r = await c.get('/crm/v8/Nothing/here/at/all');
		expect(r.status).toBe(404);
		expect(problems(r, OPS.getRecords, { alt: 'API_Exception', statusAs: AS_200 })).toEqual([]);
	});

	it('400 INVALID_DATA on a record (per item) and at the top level', async () => {
		const item = await c.post('/crm/v8/Tasks', { data: [{ Subject: 'x', Due_Date: 'tomorrow' }] });
		expect(item.status).toBe(400);
		expect(problems(item, OPS.createRecords, { alt: 0, statusAs: AS_200 })).toEqual([]);
		const top = await c.get('/crm/v8/Tasks?fields=Subject&per_page=500');
		expect(top.status).toBe(400);
		expect(problems(top, OPS.getRecords, { alt: 'API_Exception', statusAs: AS_200, excuses: [MAX_LENGTH_INTEGER] })).toEqual([]);
	});

	it('429 beyond the concurrency limit', async () => {
		const limited = await startSim({ crm: { concurrencyLimit: 1 } });
		try {
			limited.sim.faults.add({ product: 'crm', latencyMs: 300, times: 3 });
			const replies = await Promise.all([1, 2, 3].map(() => limited.get('/crm/v8/Tasks?fields=Subject')));
			const refused = replies.filter((r) => r.status === 429);
			expect(refused.length).toBeGreaterThan(0);
			for (const r of refused) expect(problems(r, OPS.getRecords, { alt: 'API_Exception', statusAs: AS_200, excuses: RATE_LIMIT })).toEqual([]);
		} finally {
			await limited.sim.stop();
		}
	});
});
