/** The per-user, per-URL-pattern rolling throttle and its lockout, all on the simulator clock. */
import { OAUTH_CLIENT, PORTAL_ID, PROJECTS, TASKS, USERS } from '../zoho-sim/seed-data';
import { ZohoSim } from '../zoho-sim/server';
import { Client, START, type V3Error } from './helpers';

const LIST = `/projects/${PROJECTS.migration.id}/tasks?page=1`;
const ONE = `/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`;
const LIST_PATTERN = '/api/v3/portal/:portal/projects/:project/tasks';

interface ThrottleBody {
	error: { status_code: number; title: string; error_type: string; details: { message: string } };
}

async function start(options: ConstructorParameters<typeof ZohoSim>[0] = {}): Promise<Client> {
	const sim = new ZohoSim({ now: START, ...options });
	await sim.start();
	return new Client(sim, sim.accounts.issue(OAUTH_CLIENT.clientId).access_token);
}

async function burn(c: Client, path: string, n: number): Promise<number[]> {
	const statuses: number[] = [];
	for (let i = 0; i < n; i++) statuses.push((await c.get(path)).status);
	return statuses;
}

describe('throttle (HTTP 400, as Zoho answers)', () => {
	let c: Client;
	beforeEach(async () => {
		c = await start();
	});
	afterEach(() => c.sim.stop());

	it('refuses the 101st call in the window with URL_ROLLING_THROTTLES_LIMIT_EXCEEDED and the lock minutes', async () => {
		const statuses = await burn(c, LIST, 100);
		expect(statuses.every((s) => s === 200)).toBe(true);
		const res = await c.get<ThrottleBody>(LIST);
		expect(res.status).toBe(400);
		expect(res.body).toEqual({
			error: {
				status_code: 400,
				title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED',
				error_type: 'OPERATIONAL_VALIDATION_ERROR',
				details: { message: 'Cannot execute more than 100 requests per API in 2 minutes. Try again after 30 minutes.' },
			},
		});
		expect(res.headers.get('retry-after')).toBeNull();
		expect(c.sim.projects.lockedUntil(USERS.hanako.crmId, LIST_PATTERN)).toBe(Date.parse(START) + 30 * 60_000);
	});

	it('counts per URL pattern: another pattern is free, the same pattern for another project is locked', async () => {
		await burn(c, LIST, 101);
		expect((await c.get(ONE)).status).toBe(200);
		// Same pattern, other project: locked too, since Zoho counts per pattern.
		expect((await c.get(`/projects/${PROJECTS.website.id}/tasks?page=1`)).status).toBe(400);
	});

	it('counts per user', async () => {
		await burn(c, LIST, 101);
		expect((await c.get(LIST, { token: c.tokenFor(USERS.ichiro.crmId) })).status).toBe(200);
	});

	it('stays locked after the window, with the real remaining minutes, until the lock time has passed', async () => {
		await burn(c, LIST, 101);
		c.sim.clock.advance(2 * 60_000 + 1);
		const later = await c.get<ThrottleBody>(LIST);
		expect(later.status).toBe(400);
		expect(later.body.error.details.message).toBe('Cannot execute more than 100 requests per API in 2 minutes. Try again after 28 minutes.');
		c.sim.clock.advance(27 * 60_000);
		expect((await c.get<ThrottleBody>(LIST)).body.error.details.message).toMatch(/Try again after 1 minutes\.$/);
		c.sim.clock.advance(60_000);
		expect((await c.get(LIST)).status).toBe(200);
		expect(c.sim.projects.lockedUntil(USERS.hanako.crmId, LIST_PATTERN)).toBeUndefined();
	});

	it('is a rolling window: 50 calls a minute never lock; the calls of the last 2 minutes count', async () => {
		for (let i = 0; i < 4; i++) {
			expect((await burn(c, LIST, 50)).every((s) => s === 200)).toBe(true);
			c.sim.clock.advance(60_001);
		}
		// Only the previous minute's 50 are still inside the window: 50 more pass, the 51st is refused.
		expect(await burn(c, LIST, 51)).toEqual([...Array<number>(50).fill(200), 400]);
	});

	it('counts calls that are refused for other reasons, and is reported in the request log', async () => {
		for (let i = 0; i < 100; i++) await c.get(`/projects/${PROJECTS.migration.id}/tasks`); // no page: 400 each
		expect((await c.get<V3Error | ThrottleBody>(LIST)).body.error.title).toBe('URL_ROLLING_THROTTLES_LIMIT_EXCEEDED');
		expect(c.sim.log.count({ route: LIST_PATTERN, status: 400 })).toBe(101);
	});

	it('does not apply to the /_sim control routes or to the direct-manipulation methods', async () => {
		await burn(c, LIST, 101);
		expect((await c.get(`/_sim/projects/tasks/${TASKS.plan.zpId}`)).status).toBe(200);
		expect(c.sim.projects.editTask(TASKS.plan.zpId, { name: 'UI edit' }).name).toBe('UI edit');
		expect((await c.get('/_sim/projects/throttle')).body).toEqual({
			locks: [{ key: `${USERS.hanako.crmId} ${LIST_PATTERN}`, lockedUntil: new Date(Date.parse(START) + 30 * 60_000).toISOString().replace('.000', '') }],
		});
	});
});

describe('throttle variants', () => {
	it('answers 429 with Retry-After in seconds when configured so', async () => {
		const c = await start({ projects: { throttleStatus: 429 } });
		try {
			await burn(c, LIST, 100);
			const res = await c.get<ThrottleBody>(LIST);
			expect(res.status).toBe(429);
			expect(res.body.error).toMatchObject({ status_code: 429, title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED' });
			expect(res.headers.get('retry-after')).toBe('1800');
			c.sim.clock.advance(10 * 60_000);
			expect((await c.get(LIST)).headers.get('retry-after')).toBe('1200');
		} finally {
			await c.sim.stop();
		}
	});

	it('honours a custom limit, window and lock', async () => {
		const c = await start({ projects: { throttleLimit: 5, windowMs: 60_000, lockMs: 8 * 60_000 } });
		try {
			expect(await burn(c, `/api/v3/portal/${PORTAL_ID}/projects?page=1`, 6)).toEqual([200, 200, 200, 200, 200, 400]);
			const res = await c.get<ThrottleBody>('/projects?page=1');
			expect(res.body.error.details.message).toBe('Cannot execute more than 5 requests per API in 1 minutes. Try again after 8 minutes.');
		} finally {
			await c.sim.stop();
		}
	});
});
