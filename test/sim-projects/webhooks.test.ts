/** Webhooks (configured in Zoho's UI, registered here through the simulator) delivered over real HTTP. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { FIELDS, PORTAL_ID, PROJECTS, STATUSES, TASKS, USERS } from '../zoho-sim/seed-data';
import { type Client, type TaskJson, startSim } from './helpers';

interface Received {
	path: string;
	contentType: string;
	fields: Record<string, string>;
}

let c: Client;
let receiver: Server;
let received: Received[] = [];
let hookBase = '';

beforeAll(async () => {
	receiver = createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const text = Buffer.concat(chunks).toString('utf8');
			const contentType = String(req.headers['content-type'] ?? '');
			const fields = contentType.includes('json') ? (JSON.parse(text) as Record<string, string>) : Object.fromEntries(new URLSearchParams(text));
			received.push({ path: req.url ?? '', contentType, fields });
			res.writeHead(200).end('ok');
		});
	});
	await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
	hookBase = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});
afterAll(async () => {
	await new Promise<void>((resolve) => receiver.close(() => resolve()));
});
beforeEach(async () => {
	c = await startSim();
	received = [];
});
afterEach(() => c.sim.stop());

const WEBSITE = `/projects/${PROJECTS.website.id}/tasks`;
const ALL = ['task.create', 'task.update', 'task.delete', 'comment.add'] as const;

it('posts JSON for create, update, comment and delete, with the secret parameter', async () => {
	c.sim.projects.addWebhook({ url: `${hookBase}/json`, events: [...ALL], format: 'json', secretName: 'zts_secret', secretValue: 's3cret' });
	const task = (await c.post<TaskJson>(WEBSITE, { name: 'Hooked', end_date: '2026-11-30', [FIELDS.projectsCrmTaskId]: '42' })).body;
	c.sim.clock.advance(60_000);
	await c.patch(`${WEBSITE}/${task.id}`, { status: { id: STATUSES.closed.id } }, { token: c.tokenFor(USERS.emily.crmId) });
	await c.post(`${WEBSITE}/${task.id}/comments`, { comment: 'done' });
	await c.del(`${WEBSITE}/${task.id}`);
	await c.sim.flush();

	// Deliveries run concurrently, so arrival order is not asserted here (the reorder test covers order).
	expect(received.map((r) => r.fields.event).sort()).toEqual(['comment.add', 'task.create', 'task.delete', 'task.update']);
	const by = (event: string) => received.find((r) => r.fields.event === event)?.fields;
	for (const r of received) {
		expect(r.contentType).toBe('application/json');
		expect(r.fields).toMatchObject({ zts_secret: 's3cret', portal_id: PORTAL_ID, project_id: PROJECTS.website.id, task_id: task.id, task_name: 'Hooked', [FIELDS.projectsCrmTaskId]: '42' });
	}
	expect(by('task.create')).toMatchObject({ status: 'Open', is_closed: 'false', end_date: '2026-11-30', modified_by: USERS.hanako.zpuid });
	expect(by('task.update')).toMatchObject({ status: 'Closed', status_id: STATUSES.closed.id, is_closed: 'true', modified_by: USERS.emily.zpuid, modified_time: c.sim.clock.iso() });
	expect(by('comment.add')).toMatchObject({ comment: 'done' });
	expect(by('comment.add')?.comment_id).toMatch(/^\d+$/);
	expect(c.sim.deliveries.filter((d) => d.status === 200)).toHaveLength(4);
});

it('posts form-encoded name=value pairs when the webhook says so, only for its events', async () => {
	c.sim.projects.addWebhook({ url: `${hookBase}/form`, events: ['task.update'], format: 'form', secretName: 'token', secretValue: 'a b&c' });
	await c.post(WEBSITE, { name: 'Not sent' });
	await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, { end_date: '2026-12-01' });
	await c.sim.flush();
	expect(received).toHaveLength(1);
	expect(received[0].contentType).toBe('application/x-www-form-urlencoded');
	expect(received[0].fields).toMatchObject({ event: 'task.update', token: 'a b&c', task_id: TASKS.design.zpId, end_date: '2026-12-01', task_name: TASKS.design.name });
});

it('sends nothing for a write that changes nothing, or for another project', async () => {
	c.sim.projects.addWebhook({ url: `${hookBase}/x`, events: [...ALL], projectIds: [PROJECTS.migration.id] });
	await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, { name: 'elsewhere' });
	await c.patch(`/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`, { name: TASKS.plan.name });
	await c.sim.flush();
	expect(received).toHaveLength(0);
	await c.patch(`/projects/${PROJECTS.migration.id}/tasks/${TASKS.plan.zpId}`, { name: '移行計画' });
	await c.sim.flush();
	expect(received).toHaveLength(1);
});

it('fires for edits made in the Projects UI, attributed to that user', async () => {
	c.sim.projects.addWebhook({ url: `${hookBase}/ui`, events: [...ALL] });
	c.sim.projects.editTask(TASKS.design.zpId, { priority: 'high' }, 'maria');
	c.sim.projects.addComment(TASKS.design.zpId, '<p>UI comment</p>', 'emily');
	await c.sim.flush();
	const pairs = received.map((r) => [r.fields.event, r.fields.modified_by, r.fields.priority]);
	expect(pairs.sort()).toEqual([
		['comment.add', USERS.emily.zpuid, 'high'],
		['task.update', USERS.maria.zpuid, 'high'],
	]);
});

it('duplicates and reorders deliveries under delivery faults', async () => {
	c.sim.projects.addWebhook({ url: `${hookBase}/faulty`, events: ['task.update'] });
	c.sim.delivery = { duplicate: 2, reorder: true };
	c.sim.clock.advance(1000);
	await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, { name: 'first' });
	c.sim.clock.advance(1000);
	await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, { name: 'second' });
	expect(received).toHaveLength(0); // held back until flushed
	await c.sim.flush();
	expect(received.map((r) => r.fields.task_name).sort()).toEqual(['first', 'first', 'second', 'second']);
	// Reordered: the later edit arrives before the earlier one.
	expect(received.findIndex((r) => r.fields.task_name === 'second')).toBeLessThan(received.findIndex((r) => r.fields.task_name === 'first'));
});

it('can be registered and removed over the /_sim control API', async () => {
	const created = await c.post<{ id: string }>('/_sim/projects/webhooks', { url: `${hookBase}/ctl`, events: ['task.create'], format: 'form', secretName: 'k', secretValue: 'v' });
	expect(created.status).toBe(201);
	await c.post(WEBSITE, { name: 'via control' });
	await c.sim.flush();
	expect(received.map((r) => r.fields.k)).toEqual(['v']);
	expect((await c.del(`/_sim/projects/webhooks/${created.body.id}`)).status).toBe(204);
	await c.post(WEBSITE, { name: 'after removal' });
	await c.sim.flush();
	expect(received).toHaveLength(1);
});

// Zoho's webhook form lets a rule call its URL with GET instead of POST [P16]; then there is no body
// and every parameter, the secret included, is appended to the URL (after any query it already has).
it('delivers by GET with every parameter in the URL query when the webhook is set to GET', async () => {
	c.sim.projects.addWebhook({ url: `${hookBase}/get?fixed=1`, events: ['task.update'], method: 'GET', secretName: 'zts_secret', secretValue: 'a b&c' });
	c.sim.projects.addWebhook({ url: `${hookBase}/post`, events: ['task.update'], format: 'json', secretName: 'zts_secret', secretValue: 'a b&c' });
	await c.patch(`${WEBSITE}/${TASKS.design.zpId}`, { end_date: '2026-12-02' });
	await c.sim.flush();
	expect(received).toHaveLength(2);
	const got = received.find((r) => r.path.startsWith('/get'))!;
	const posted = received.find((r) => r.path === '/post')!;
	expect(got.contentType).toBe('');
	expect(got.fields).toEqual({});
	const url = new URL(got.path, hookBase);
	expect(url.pathname).toBe('/get');
	const { fixed, ...query } = Object.fromEntries(url.searchParams);
	expect(fixed).toBe('1');
	// Exactly the fields a POST of the same change carries, secret included.
	expect(query).toEqual(posted.fields);
	expect(query).toMatchObject({ zts_secret: 'a b&c', event: 'task.update', task_id: TASKS.design.zpId, end_date: '2026-12-02', task_name: TASKS.design.name });
	expect(c.sim.deliveries.find((d) => d.url.includes('/get'))).toMatchObject({ url: url.toString(), status: 200 });

	// The control API takes the method too (POST when not given).
	const viaControl = await c.post<{ method: string }>('/_sim/projects/webhooks', { url: `${hookBase}/ctl-get`, events: ['task.update'], method: 'GET' });
	const byDefault = await c.post<{ method: string }>('/_sim/projects/webhooks', { url: `${hookBase}/ctl-post`, events: ['task.update'] });
	expect([viaControl.body.method, byDefault.body.method]).toEqual(['GET', 'POST']);
});
