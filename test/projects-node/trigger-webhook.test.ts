/**
 * Webhook mode of the Zoho Projects Trigger through n8n-core's HookContext and WebhookContext: the
 * simulator plays a workflow rule's webhook and posts to the node's URL over real HTTP.
 */
import { HookContext } from 'n8n-core';
import type { IDataObject, INode, IWebhookData } from 'n8n-workflow';

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
	// Issue 10: a Zoho rule webhook may be set to GET, with everything in the URL query [P16].
	describe('GET deliveries', () => {
		/** The webhooks n8n registers for the node (method and path per entry, as its webhook service evaluates them). */
		const registered = (parameters: IDataObject) => {
			const workflow = harness.workflow(spec(parameters));
			const node = workflow.getNode(NAME)!;
			const value = (expression: unknown) => workflow.expression.getSimpleParameterValue(node, expression as string, 'internal', {});
			return harness.nodeTypes
				.getByNameAndVersion(node.type, 1)
				.description.webhooks!.map((w) => ({ name: w.name, method: value(w.httpMethod), path: value(w.path), hidden: value(w.ndvHideUrl) }));
		};

		/** n8n's activation: checkExists, then create when missing, for every webhook entry of the node. */
		const activateEveryEntry = async (parameters: WorkflowSpec) => {
			const workflow = harness.workflow(parameters);
			const node = workflow.getNode(NAME)!;
			const type = harness.nodeTypes.getByNameAndVersion(node.type, 1);
			const calls: string[] = [];
			for (const description of type.description.webhooks!) {
				const methods = type.webhookMethods![description.name]!;
				const webhookData = { httpMethod: description.httpMethod, node: NAME, path: `${WEBHOOK_ID}/webhook`, webhookDescription: description, workflowId: 'wf1', isTest: false } as unknown as IWebhookData;
				const context = new HookContext(workflow, node, harness.additionalData(), 'trigger', 'activate', webhookData);
				const exists = await methods.checkExists.call(context);
				calls.push(`${String(description.httpMethod)} checkExists ${exists}`);
				if (!exists) calls.push(`${String(description.httpMethod)} create ${await methods.create.call(context)}`);
				calls.push(`${String(description.httpMethod)} delete ${await methods.delete.call(context)}`);
			}
			return calls;
		};

		it('n8n registers the same URL for GET as for POST, in Webhook mode only; the editor shows it once', () => {
			expect(registered({ mode: 'webhook', secret: SECRET })).toEqual([
				{ name: 'default', method: 'POST', path: 'webhook', hidden: false },
				{ name: 'default', method: 'GET', path: 'webhook', hidden: true },
			]);
			expect(registered({ mode: 'polling' }).map((w) => w.path)).toEqual([undefined, undefined]);
			expect(registered({}).map((w) => w.path)).toEqual([undefined, undefined]);
		});

		it('the lifecycle n8n runs per entry subscribes nothing and refuses an empty secret for either', async () => {
			sim.log.clear();
			expect(await activateEveryEntry(spec())).toEqual([
				'POST checkExists false',
				'POST create true',
				'POST delete true',
				'GET checkExists false',
				'GET create true',
				'GET delete true',
			]);
			// Zoho has no webhook API: nothing was registered anywhere, once or twice.
			expect(sim.log.count({ product: 'projects' })).toBe(0);
			await expect(activateEveryEntry(withSecret(''))).rejects.toThrow(/^Set a secret before activating/);
		});

		it("a rule set to GET starts the workflow with the same item as the same rule's POST", async () => {
			await harness.activate(spec(), NAME);
			sim.projects.addWebhook({ url, events: ['task.update'], method: 'GET', secretName: 'zts_secret', secretValue: SECRET });
			sim.projects.addWebhook({ url, events: ['task.update'], format: 'form', secretName: 'zts_secret', secretValue: SECRET });
			// A change no earlier test made, so the rule fires (a no-op edit sends nothing).
			sim.projects.editTask(TASKS.design.zpId, { end_date: '2026-12-24' }, 'emily');
			await sim.flush();
			await harness.settle();

			expect(sim.deliveries.map((d) => [new URL(d.url).search.includes('zts_secret='), d.status])).toEqual([
				[true, 200],
				[false, 200],
			]);
			const [fromGet, fromPost] = harness.webhookRuns.map((r) => r.output('After').map((i) => i.json));
			expect(fromGet).toEqual(fromPost);
			expect(fromGet).toEqual([
				expect.objectContaining({ event: 'task.update', task_id: TASKS.design.zpId, end_date: '2026-12-24', modified_by_email: 'emily.clark@example.com' }),
			]);
			expect(fromGet[0]).not.toHaveProperty('zts_secret');

			// Hand-made: the same fields by GET and by POST give the same item.
			const fields = { task_id: TASKS.plan.zpId, [FIELDS.projectsCrmTaskId]: TASKS.plan.crmId, status: 'Open' };
			harness.webhookRuns.length = 0;
			const get = await fetch(`${url}?${new URLSearchParams({ ...fields, zts_secret: SECRET })}`);
			const post = await fetch(url, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ ...fields, zts_secret: SECRET }).toString(),
			});
			await harness.settle();
			expect([get.status, post.status]).toEqual([200, 200]);
			expect(harness.webhookRuns.map((r) => r.output('After')[0].json)).toEqual([fields, fields]);

			// Only the two registered methods reach the node (the harness routes by method, as n8n does).
			const put = await fetch(`${url}?${new URLSearchParams({ ...fields, zts_secret: SECRET })}`, { method: 'PUT' });
			await harness.settle();
			expect(put.status).toBe(404);
			expect(harness.webhookRuns).toHaveLength(2);
		});

		it('a GET without the right secret gets 401 and starts nothing, as a POST does', async () => {
			await harness.activate(spec(), NAME);
			sim.projects.addWebhook({ url, events: ['task.update'], method: 'GET', secretName: 'zts_secret', secretValue: 'wrong-secret' });
			sim.projects.addWebhook({ url, events: ['task.update'], method: 'GET' });
			sim.projects.editTask(TASKS.design.zpId, { end_date: '2026-12-23' });
			await sim.flush();

			const fields = { task_id: TASKS.plan.zpId, status: 'Open' };
			const statuses = [];
			for (const secret of [SECRET.slice(0, -1), `${SECRET}x`, '', undefined]) {
				const query = new URLSearchParams(secret === undefined ? fields : { ...fields, zts_secret: secret });
				const get = await fetch(`${url}?${query}`);
				const post = await fetch(`${url}?${query}`, { method: 'POST' });
				statuses.push([get.status, post.status]);
			}
			// The secret under another parameter name does not count either.
			const renamed = await fetch(`${url}?${new URLSearchParams({ ...fields, secret: SECRET })}`);
			await harness.settle();

			expect(sim.deliveries.map((d) => d.status)).toEqual([401, 401]);
			expect(statuses).toEqual([
				[401, 401],
				[401, 401],
				[401, 401],
				[401, 401],
			]);
			expect(renamed.status).toBe(401);
			expect(harness.webhookRuns).toHaveLength(0);
		});

		// The trigger checks only the secret: Zoho's payload is user-defined, so ids are passed on as
		// text and checked where they are used. A GET gets exactly what the same POST gets.
		it('a GET with an invalid id is treated as the same POST: refused at an unknown webhook id, passed on as text otherwise', async () => {
			await harness.activate(spec(), NAME);
			const wrongWebhook = `${harness.webhookBaseUrl}/00000000-0000-4000-8000-000000000000/webhook?zts_secret=${SECRET}`;
			const unknown = [(await fetch(wrongWebhook)).status, (await fetch(wrongWebhook, { method: 'POST' })).status];
			expect(unknown).toEqual([404, 404]);

			const fields = { task_id: 'not-a-task-id', project_id: '-1', zts_secret: SECRET };
			const get = await fetch(`${url}?${new URLSearchParams(fields)}`);
			const post = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(fields) });
			await harness.settle();
			expect([get.status, post.status]).toEqual([200, 200]);
			const [fromGet, fromPost] = harness.webhookRuns.map((r) => r.output('After')[0].json);
			expect(fromGet).toEqual(fromPost);
			expect(fromGet).toEqual({ task_id: 'not-a-task-id', project_id: '-1' });
		});
	});
});
