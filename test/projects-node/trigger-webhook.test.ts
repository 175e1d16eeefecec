/**
 * Webhook mode of the Zoho Projects Trigger through n8n-core's HookContext and WebhookContext: the
 * simulator plays a workflow rule's webhook and posts to the node's URL over real HTTP.
 */
import type { IDataObject, INode } from 'n8n-workflow';

import type { Harness, WorkflowSpec } from '../harness/engine';
import { FIELDS, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { TRIGGER, freshHarness, portal, rl, startProjectsSim, stopProjectsSim } from './helpers';

const NAME = 'Projects Trigger';
const WEBHOOK_ID = '5f1d7a3e-6c2b-4b8e-9a51-0d2f3c4b5a60';
const SECRET = 'q8Wm-3nZ_rT7vX2kLp9s';

const spec = (parameters: IDataObject = { mode: 'webhook', parameterName: 'zts_secret', secret: SECRET }): WorkflowSpec => ({
	nodes: [
		{ id: 'w', name: NAME, type: TRIGGER, typeVersion: 1, position: [0, 0], parameters, webhookId: WEBHOOK_ID },
		{ id: 'a', name: 'After', type: 'test.start', typeVersion: 1, position: [200, 0], parameters: {} },
	] as INode[],
	connections: { [NAME]: { main: [[{ node: 'After', type: 'main', index: 0 }]] } },
});
const withSecret = (secret: string, parameterName = 'zts_secret') => spec({ mode: 'webhook', parameterName, secret });

/** The secret an activation refusal offers, when its message carries one. */
const offered = (message: string) => /new random one: (\S+) — /.exec(message)?.[1];

describe('Zoho Projects Trigger: webhook mode', () => {
	let sim: ZohoSim;
	let harness: Harness;
	let url: string;

	beforeAll(async () => {
		sim = await startProjectsSim();
		harness = freshHarness(sim);
		await harness.listen();
		url = `${harness.webhookBaseUrl}/${WEBHOOK_ID}/webhook`;
	});
	afterAll(async () => {
		await harness.close();
		await stopProjectsSim(sim);
	});
	beforeEach(() => {
		sim.projects.webhooks.clear();
		sim.deliveries.length = 0;
		harness.webhookRuns.length = 0;
	});

	it('is one node with two modes: a webhook URL only in Webhook mode, polling by default', () => {
		const evaluate = (parameters: IDataObject) => {
			const workflow = harness.workflow(spec(parameters));
			const node = workflow.getNode(NAME)!;
			const [webhook] = harness.nodeTypes.getByNameAndVersion(node.type, 1).description.webhooks!;
			const value = (expression: unknown) => workflow.expression.getSimpleParameterValue(node, expression as string, 'internal', {});
			return { path: value(webhook.path), hideUrl: value(webhook.ndvHideUrl) };
		};
		expect(evaluate({ mode: 'webhook' })).toEqual({ path: 'webhook', hideUrl: false });
		expect(evaluate({ mode: 'polling' })).toEqual({ path: undefined, hideUrl: true });
		expect(evaluate({})).toEqual({ path: undefined, hideUrl: true });
	});

	it('refuses to go live without a secret, offering a freshly generated strong one that then works', async () => {
		const refusal = async (parameters: WorkflowSpec) => await harness.activate(parameters, NAME).then(() => new Error('activated'), (error: Error) => error);
		const first = await refusal(withSecret(''));
		const second = await refusal(withSecret('  ', 'n8n_key'));
		expect(first.message).toMatch(/^Set a secret before activating\. Here is a new random one: \S+ — paste it into this node's Secret field and, in Zoho Projects, as the value of the webhook's custom parameter "zts_secret", then activate again\.$/);
		expect(second.message).toContain('custom parameter "n8n_key"');
		const generated = offered(first.message)!;
		// 32 random bytes as base64url: 43 characters, fresh for every refusal.
		expect(generated).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(Buffer.from(generated, 'base64url')).toHaveLength(32);
		expect(offered(second.message)).toMatch(/^[A-Za-z0-9_-]{43}$/);
		expect(offered(second.message)).not.toBe(generated);

		// Pasted into the node and into Zoho's custom parameter, the generated secret lets Zoho in.
		await harness.activate(withSecret(generated), NAME);
		sim.projects.addWebhook({ url, events: ['task.update'], format: 'form', secretName: 'zts_secret', secretValue: generated });
		sim.projects.editTask(TASKS.design.zpId, { priority: 'low' });
		await sim.flush();
		await harness.settle();
		expect(sim.deliveries.map((d) => d.status)).toEqual([200]);
		expect(harness.webhookRuns.map((r) => r.output('After')[0].json)).toEqual([expect.objectContaining({ task_id: TASKS.design.zpId, priority: 'low' })]);
	});

	it('polls nothing in Webhook mode: Zoho calls in', async () => {
		sim.log.clear();
		expect(await harness.poll(spec({ mode: 'webhook', secret: SECRET, portalId: portal, projectId: rl(PROJECTS.website.id) }), NAME)).toBeNull();
		expect(sim.log.count({ product: 'projects' })).toBe(0);
	});

	it('JSON and form-encoded deliveries of the same change give identical items', async () => {
		await harness.activate(spec(), NAME);
		sim.projects.addWebhook({ url, events: ['task.update'], format: 'json', secretName: 'zts_secret', secretValue: SECRET });
		sim.projects.addWebhook({ url, events: ['task.update'], format: 'form', secretName: 'zts_secret', secretValue: SECRET });
		sim.projects.closeTask(TASKS.design.zpId, 'emily');
		await sim.flush();
		await harness.settle();

		expect(sim.deliveries.map((d) => d.status)).toEqual([200, 200]);
		expect(harness.webhookRuns).toHaveLength(2);
		const [fromJson, fromForm] = harness.webhookRuns.map((r) => r.output('After').map((i) => i.json));
		expect(fromJson).toEqual(fromForm);
		expect(fromJson).toEqual([
			expect.objectContaining({
				event: 'task.update',
				portal_id: '700000001',
				project_id: PROJECTS.website.id,
				task_id: TASKS.design.zpId,
				status: 'Closed',
				is_closed: 'true',
				modified_by_email: 'emily.clark@example.com',
			}),
		]);
		// The secret never reaches the workflow.
		expect(fromJson[0]).not.toHaveProperty('zts_secret');
	});

	it('a delivery without the right secret gets 401 and starts nothing', async () => {
		await harness.activate(spec(), NAME);
		sim.projects.addWebhook({ url, events: ['task.update'], format: 'json', secretName: 'zts_secret', secretValue: 'wrong-secret' });
		sim.projects.addWebhook({ url, events: ['task.update'], format: 'form' });
		sim.projects.editTask(TASKS.design.zpId, { priority: 'high' });
		await sim.flush();
		await harness.settle();
		expect(sim.deliveries.map((d) => d.status)).toEqual([401, 401]);
		expect(harness.webhookRuns).toHaveLength(0);

		// Hand-made calls: the secret as a query parameter is accepted; an empty body without one is not.
		const ok = await fetch(`${url}?zts_secret=${encodeURIComponent(SECRET)}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ task_id: TASKS.plan.zpId, [FIELDS.projectsCrmTaskId]: TASKS.plan.crmId, done: true }),
		});
		const refused = await fetch(url, { method: 'POST' });
		await harness.settle();
		expect([ok.status, refused.status]).toEqual([200, 401]);
		expect(harness.webhookRuns.map((r) => r.output('After')[0].json)).toEqual([
			{ task_id: TASKS.plan.zpId, [FIELDS.projectsCrmTaskId]: TASKS.plan.crmId, done: 'true' },
		]);
	});

	// Issue 10: whether Zoho puts the webhook's parameters in the URL or the body is unconfirmed, so the
	// trigger reads both; the body wins where both name a parameter.
	it('takes the parameters from the URL query, the body, or both alike', async () => {
		await harness.activate(spec(), NAME);
		const fields = { task_id: TASKS.plan.zpId, [FIELDS.projectsCrmTaskId]: TASKS.plan.crmId, status: 'Open' };
		const inQuery = await fetch(`${url}?${new URLSearchParams({ ...fields, zts_secret: SECRET })}`, { method: 'POST' });
		const inForm = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ ...fields, zts_secret: SECRET }).toString(),
		});
		const split = await fetch(`${url}?${new URLSearchParams({ task_id: TASKS.plan.zpId, status: 'stale', zts_secret: SECRET })}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ [FIELDS.projectsCrmTaskId]: TASKS.plan.crmId, status: 'Open' }),
		});
		const wrongInQuery = await fetch(`${url}?${new URLSearchParams({ ...fields, zts_secret: 'nope' })}`, { method: 'POST' });
		await harness.settle();
		expect([inQuery.status, inForm.status, split.status, wrongInQuery.status]).toEqual([200, 200, 200, 401]);
		const runs = harness.webhookRuns.map((r) => r.output('After')[0].json);
		expect(runs).toEqual([fields, fields, fields]);
	});

	it('comment events arrive with the comment text', async () => {
		await harness.activate(spec(), NAME);
		sim.projects.addWebhook({ url, events: ['comment.add'], format: 'form', secretName: 'zts_secret', secretValue: SECRET });
		sim.projects.addComment(TASKS.plan.zpId, '<p>確認しました</p>', 'ichiro');
		await sim.flush();
		await harness.settle();
		expect(harness.webhookRuns.map((r) => r.output('After')[0].json)).toEqual([
			expect.objectContaining({ event: 'comment.add', task_id: TASKS.plan.zpId, comment: '<p>確認しました</p>' }),
		]);
	});
});
