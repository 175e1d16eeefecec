/**
 * Runs workflows through n8n-core's real engine: WorkflowExecute for executions, PollContext for
 * polls, HookContext for webhook lifecycles and WebhookContext for incoming calls, which a small
 * HTTP server on 127.0.0.1 receives — so the simulator's callbacks reach the trigger for real.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { ExecutionLifecycleHooks, HookContext, PollContext, WebhookContext, WorkflowExecute } from 'n8n-core';
import type {
	ICredentialDataDecryptedObject,
	IConnections,
	IDataObject,
	INode,
	INodeExecutionData,
	INodeType,
	IWorkflowSettings,
	IRun,
	IWebhookData,
	IWorkflowExecuteAdditionalData,
	WorkflowExecuteMode,
} from 'n8n-workflow';
import { Workflow, createRunExecutionData } from 'n8n-workflow';

import { TestCredentialsHelper } from './credentials';
import { createNodeTypes } from './nodeTypes';

export interface WorkflowSpec {
	nodes: INode[];
	connections: IConnections;
	/** The workflow's settings, e.g. its time zone. */
	settings?: IWorkflowSettings;
}

export interface RunResult {
	run: IRun;
	/** Items of a node's output (default: first run, output 0). */
	output(node: string, outputIndex?: number): INodeExecutionData[];
	/** The error the run ended with, if any. */
	error?: Error;
}

type HookMethod = 'checkExists' | 'create' | 'delete';

let executionCounter = 0;

export class Harness {
	readonly credentials: TestCredentialsHelper;
	readonly nodeTypes;
	/** Static data per workflow id, kept across runs as n8n's database would. */
	private staticData = new Map<string, IDataObject>();
	private server?: Server;
	private active = new Map<string, { spec: WorkflowSpec; node: INode; workflowId: string }>();
	/** Executions started by incoming webhook calls, in arrival order. */
	readonly webhookRuns: RunResult[] = [];
	private pendingRuns: Promise<unknown>[] = [];
	webhookBaseUrl = 'http://127.0.0.1:9/webhook';

	constructor(credentials: Record<string, ICredentialDataDecryptedObject>, extraTypes: Record<string, INodeType> = {}) {
		this.credentials = new TestCredentialsHelper(credentials);
		this.nodeTypes = createNodeTypes(extraTypes);
	}

	workflow(spec: WorkflowSpec, id = 'wf1'): Workflow {
		if (!this.staticData.has(id)) this.staticData.set(id, {});
		return new Workflow({
			id,
			nodes: spec.nodes,
			connections: spec.connections,
			nodeTypes: this.nodeTypes,
			active: true,
			staticData: this.staticData.get(id),
			settings: spec.settings ?? {},
		});
	}

	/** The static data n8n would have stored for a node. */
	nodeStaticData(node: string, workflowId = 'wf1'): IDataObject {
		return (this.staticData.get(workflowId)?.[`node:${node}`] ?? {}) as IDataObject;
	}

	additionalData(hooks?: ExecutionLifecycleHooks, extra: Partial<IWorkflowExecuteAdditionalData> = {}): IWorkflowExecuteAdditionalData {
		return {
			executionId: `exec-${++executionCounter}`,
			hooks,
			credentialsHelper: this.credentials,
			variables: {},
			restApiUrl: 'http://127.0.0.1:9/rest',
			instanceBaseUrl: 'http://127.0.0.1:9/',
			webhookBaseUrl: this.webhookBaseUrl,
			webhookTestBaseUrl: this.webhookBaseUrl.replace(/webhook$/, 'webhook-test'),
			webhookWaitingBaseUrl: 'http://127.0.0.1:9/webhook-waiting',
			formWaitingBaseUrl: 'http://127.0.0.1:9/form-waiting',
			...extra,
		} as unknown as IWorkflowExecuteAdditionalData;
	}

	/** Execute a workflow from `startNode` (default: the first node) with the given items. */
	async run(
		spec: WorkflowSpec,
		input: INodeExecutionData[] = [{ json: {} }],
		options: { startNode?: string; mode?: WorkflowExecuteMode; workflowId?: string } = {},
	): Promise<RunResult> {
		const mode = options.mode ?? 'manual';
		const workflow = this.workflow(spec, options.workflowId);
		const start = workflow.getNode(options.startNode ?? spec.nodes[0].name);
		if (!start) throw new Error(`no node ${options.startNode}`);
		const hooks = new ExecutionLifecycleHooks(mode, `exec-${executionCounter + 1}`, {
			id: workflow.id,
			name: 'test',
			nodes: spec.nodes,
			connections: spec.connections,
			active: true,
			settings: {},
		} as never);
		const done = new Promise<IRun>((resolve) => hooks.addHandler('workflowExecuteAfter', (run) => resolve(run)));
		const runData = createRunExecutionData({
			executionData: { nodeExecutionStack: [{ node: start, data: { main: [input] }, source: null }] },
		});
		await new WorkflowExecute(this.additionalData(hooks), mode, runData).processRunExecutionData(workflow);
		const run = await done;
		return toResult(run);
	}

	/** One poll of a polling trigger, as n8n's poller (mode 'trigger') or "Fetch test event" (mode 'manual'). */
	async poll(spec: WorkflowSpec, nodeName: string, mode: 'trigger' | 'manual' = 'trigger', workflowId = 'wf1') {
		const workflow = this.workflow(spec, workflowId);
		const node = workflow.getNode(nodeName)!;
		const type = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		if (!type.poll) throw new Error(`${node.type} is not a polling node`);
		const context = new PollContext(workflow, node, this.additionalData(), mode, mode === 'manual' ? 'manual' : 'activate');
		return await type.poll.call(context);
	}

	/** Call one webhook lifecycle method (checkExists / create / delete) as n8n does on (de)activation. */
	async hook(spec: WorkflowSpec, nodeName: string, method: HookMethod, workflowId = 'wf1'): Promise<boolean> {
		const workflow = this.workflow(spec, workflowId);
		const node = workflow.getNode(nodeName)!;
		const type = this.nodeTypes.getByNameAndVersion(node.type, node.typeVersion);
		const description = type.description.webhooks?.[0];
		const fn = type.webhookMethods?.default?.[method];
		if (!description || !fn) throw new Error(`${node.type} has no webhook method ${method}`);
		const webhookData = {
			httpMethod: description.httpMethod,
			node: node.name,
			path: `${node.webhookId}/${String(description.path)}`,
			webhookDescription: description,
			workflowId,
			isTest: false,
		} as unknown as IWebhookData;
		const context = new HookContext(workflow, node, this.additionalData(), 'trigger', 'activate', webhookData);
		return await fn.call(context);
	}

	/** Start the webhook receiver; node webhook URLs point at it from now on. */
	async listen(): Promise<string> {
		this.server = createServer((req, res) => void this.receive(req, res));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.webhookBaseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
		return this.webhookBaseUrl;
	}

	/** Activate a webhook trigger: checkExists, then create when missing (n8n's activation). */
	async activate(spec: WorkflowSpec, nodeName: string, workflowId = 'wf1'): Promise<void> {
		const node = spec.nodes.find((n) => n.name === nodeName)!;
		if (!(await this.hook(spec, nodeName, 'checkExists', workflowId))) await this.hook(spec, nodeName, 'create', workflowId);
		this.active.set(node.webhookId!, { spec, node, workflowId });
	}

	async deactivate(spec: WorkflowSpec, nodeName: string, workflowId = 'wf1'): Promise<void> {
		const node = spec.nodes.find((n) => n.name === nodeName)!;
		this.active.delete(node.webhookId!);
		await this.hook(spec, nodeName, 'delete', workflowId);
	}

	/** Wait until every execution started by a webhook call has finished. */
	async settle(): Promise<void> {
		while (this.pendingRuns.length) await Promise.all(this.pendingRuns.splice(0));
	}

	async close(): Promise<void> {
		await this.settle();
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	private async receive(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const [, , webhookId] = url.pathname.split('/');
		const target = this.active.get(webhookId);
		const type_ = target && this.nodeTypes.getByNameAndVersion(target.node.type, target.node.typeVersion);
		// As n8n does, a request reaches the webhook entry registered for its method, and no other.
		const description = type_?.description.webhooks?.find((w) => String(w.httpMethod) === req.method);
		if (!target || !type_ || !description) {
			res.writeHead(404).end('{"message":"webhook not registered"}');
			return;
		}
		const raw = await new Promise<string>((resolve) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
		});
		const type = String(req.headers['content-type'] ?? '');
		let body: unknown = raw;
		if (type.includes('json') && raw) body = JSON.parse(raw);
		else if (type.includes('x-www-form-urlencoded')) body = Object.fromEntries(new URLSearchParams(raw));
		const request = { method: req.method, headers: req.headers, query: Object.fromEntries(url.searchParams), params: {}, body, rawBody: Buffer.from(raw) };
		const response = expressLike(res);
		const { spec, node, workflowId } = target;
		const workflow = this.workflow(spec, workflowId);
		const webhookData = {
			httpMethod: description.httpMethod,
			node: node.name,
			path: url.pathname,
			webhookDescription: description,
			workflowId,
			isTest: false,
		} as unknown as IWebhookData;
		const additional = this.additionalData(undefined, { httpRequest: request, httpResponse: response } as never);
		const context = new WebhookContext(workflow, workflow.getNode(node.name)!, additional, 'webhook', webhookData, [], null);
		try {
			const result = await type_.webhook!.call(context);
			if (!result.noWebhookResponse && !res.headersSent) response.status(200).json({ message: 'Workflow was started' });
			if (result.workflowData) {
				const input = result.workflowData[0] ?? [];
				const run = this.run(spec, input, { startNode: node.name, mode: 'webhook', workflowId }).then((r) => this.webhookRuns.push(r));
				this.pendingRuns.push(run);
			}
		} catch (error) {
			if (!res.headersSent) response.status(500).json({ message: (error as Error).message });
		}
	}
}

function toResult(run: IRun): RunResult {
	const runData = run.data.resultData.runData;
	return {
		run,
		error: run.data.resultData.error as Error | undefined,
		output(node: string, outputIndex = 0) {
			const task = runData[node]?.[0];
			if (!task) throw new Error(`node "${node}" did not run${run.data.resultData.error ? `: ${run.data.resultData.error.message}` : ''}`);
			return task.data?.main?.[outputIndex] ?? [];
		},
	};
}

/** The parts of Express's response that n8n nodes use. */
function expressLike(res: ServerResponse) {
	const api = {
		status(code: number) {
			res.statusCode = code;
			return api;
		},
		json(body: unknown) {
			res.setHeader('content-type', 'application/json');
			res.end(JSON.stringify(body));
			return api;
		},
		send(body?: unknown) {
			res.end(typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body ?? ''));
			return api;
		},
		end(body?: string) {
			res.end(body);
			return api;
		},
		setHeader(name: string, value: string) {
			res.setHeader(name, value);
			return api;
		},
		header(name: string, value: string) {
			res.setHeader(name, value);
			return api;
		},
		get headersSent() {
			return res.headersSent;
		},
	};
	return api;
}
