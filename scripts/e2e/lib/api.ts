/**
 * Talking to a running n8n over HTTP: owner setup and login (REST, cookie), an API key, then the
 * public API (`X-N8N-API-KEY`) for workflows and executions. The same calls work on n8n 1.123 and
 * 2.x; where they differ (activation in 2.x also exists as "publish") the client tries both.
 */

export interface Owner {
	email: string;
	password: string;
	firstName: string;
	lastName: string;
}

export const DEFAULT_OWNER: Owner = { email: 'owner@example.com', password: 'ZohoTaskSync2026', firstName: 'E2E', lastName: 'Owner' };

export interface WorkflowBody {
	name: string;
	nodes: unknown[];
	connections: Record<string, unknown>;
	settings: Record<string, unknown>;
	staticData?: unknown;
}

export interface Execution {
	id: string;
	workflowId: string;
	status?: string;
	finished: boolean;
	mode: string;
	startedAt: string;
	stoppedAt?: string | null;
	data?: { resultData?: { error?: { message?: string }; runData?: Record<string, { data?: { main?: ({ json: Record<string, unknown> }[] | null)[] }; error?: { message?: string } }[]> } };
}

export class N8nClient {
	private cookie = '';
	private apiKey = '';
	private readonly browserId = 'zoho-task-sync-e2e';

	constructor(readonly url: string) {}

	/** Create the instance owner (first run) or log in (the owner exists already). */
	async ownerLogin(owner: Owner = DEFAULT_OWNER): Promise<void> {
		const setup = await this.raw('POST', '/rest/owner/setup', owner);
		if (setup.ok) this.takeCookie(setup);
		const login = await this.raw('POST', '/rest/login', { emailOrLdapLoginId: owner.email, email: owner.email, password: owner.password });
		if (!login.ok) throw new Error(`n8n login as ${owner.email} failed: ${login.status} ${await login.text()}`);
		this.takeCookie(login);
	}

	/** An API key with every scope the owner may grant; the public API calls use it from then on. */
	async createApiKey(label = `e2e-${Date.now()}`): Promise<string> {
		const scopes = await this.rest<string[]>('GET', '/rest/api-keys/scopes').catch(() => undefined);
		const body: Record<string, unknown> = { label, expiresAt: null };
		if (Array.isArray(scopes)) body.scopes = scopes;
		const created = await this.rest<{ rawApiKey?: string; apiKey?: string }>('POST', '/rest/api-keys', body);
		this.apiKey = created.rawApiKey ?? created.apiKey ?? '';
		if (!this.apiKey) throw new Error('n8n returned no API key');
		return this.apiKey;
	}

	useApiKey(key: string): void {
		this.apiKey = key;
	}

	/** A REST call with the owner's session cookie; returns `data` of n8n's `{data}` envelope. */
	async rest<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await this.raw(method, path, body);
		const text = await res.text();
		if (!res.ok) throw new Error(`n8n ${method} ${path} → ${res.status} ${text.slice(0, 500)}`);
		const parsed = text ? (JSON.parse(text) as { data?: T }) : {};
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	/** A public API call (`/api/v1…`) with the API key. */
	async api<T>(method: string, path: string, body?: unknown): Promise<T> {
		const res = await this.routed(() =>
			fetch(`${this.url}/api/v1${path}`, {
				method,
				headers: { 'X-N8N-API-KEY': this.apiKey, accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
				body: body !== undefined ? JSON.stringify(body) : undefined,
				signal: AbortSignal.timeout(60_000),
			}),
		);
		const text = await res.text();
		if (!res.ok) throw new ApiError(`n8n public API ${method} ${path} → ${res.status} ${text.slice(0, 800)}`, res.status);
		return (text ? JSON.parse(text) : {}) as T;
	}

	async createWorkflow(workflow: WorkflowBody): Promise<{ id: string; name: string }> {
		return await this.api('POST', '/workflows', workflow);
	}

	async deleteWorkflow(id: string): Promise<void> {
		await this.api('DELETE', `/workflows/${id}`);
	}

	async getWorkflow(id: string): Promise<WorkflowBody & { id: string; active: boolean }> {
		return await this.api('GET', `/workflows/${id}`);
	}

	async listWorkflows(): Promise<{ id: string; name: string; active: boolean }[]> {
		const page = await this.api<{ data: { id: string; name: string; active: boolean }[] }>('GET', '/workflows?limit=250');
		return page.data;
	}

	async updateWorkflow(id: string, workflow: WorkflowBody): Promise<void> {
		await this.api('PUT', `/workflows/${id}`, workflow);
	}

	/** Activate (1.x) / publish (2.x: `/activate` still exists there; `/publish` is tried if it does not). */
	async activate(id: string): Promise<void> {
		try {
			await this.api('POST', `/workflows/${id}/activate`);
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 404) throw error;
			await this.api('POST', `/workflows/${id}/publish`);
		}
	}

	async deactivate(id: string): Promise<void> {
		try {
			await this.api('POST', `/workflows/${id}/deactivate`);
		} catch (error) {
			if (!(error instanceof ApiError) || error.status !== 404) throw error;
			await this.api('POST', `/workflows/${id}/unpublish`);
		}
	}

	/**
	 * What the editor's "Execute workflow" button does: run the saved workflow in manual mode from
	 * the named trigger. The body carries both shapes: 1.x reads `workflowData`, 2.x loads the
	 * workflow itself and reads `triggerToStartFrom`. Returns the execution id.
	 */
	async runManually(id: string, triggerName: string): Promise<string> {
		const workflowData = await this.rest<Record<string, unknown>>('GET', `/rest/workflows/${id}`);
		const result = await this.rest<{ executionId?: string; waitingForWebhook?: boolean }>('POST', `/rest/workflows/${id}/run`, {
			workflowData,
			triggerToStartFrom: { name: triggerName },
		});
		if (!result.executionId) throw new Error(`n8n did not start a manual run of ${id}: ${JSON.stringify(result)}`);
		return String(result.executionId);
	}

	/** One execution with its run data. */
	async execution(id: string): Promise<Execution> {
		return await this.api('GET', `/executions/${id}?includeData=true`);
	}

	/** Wait until an execution has finished (any status but new/running/waiting). */
	async waitForExecution(id: string, timeoutMs = 120_000): Promise<Execution> {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const execution = await this.execution(id).catch(() => undefined);
			if (execution && execution.stoppedAt && !['new', 'running', 'waiting'].includes(String(execution.status))) return execution;
			if (Date.now() > deadline) throw new Error(`execution ${id} did not finish within ${Math.round(timeoutMs / 1000)} s`);
			await new Promise((r) => setTimeout(r, 500));
		}
	}

	/** Executions, newest first (with their run data when `includeData`). */
	async executions(filter: { workflowId?: string; status?: string; includeData?: boolean; limit?: number } = {}): Promise<Execution[]> {
		const qs = new URLSearchParams();
		if (filter.workflowId) qs.set('workflowId', filter.workflowId);
		if (filter.status) qs.set('status', filter.status);
		if (filter.includeData) qs.set('includeData', 'true');
		qs.set('limit', String(filter.limit ?? 100));
		const page = await this.api<{ data: Execution[] }>('GET', `/executions?${qs}`);
		return page.data;
	}

	/**
	 * n8n answers /rest/settings a moment before all of its routes are registered (seen on 1.123 and
	 * 2.41 under load: Express's own "Cannot POST /rest/login" page). Until `routesSettledBy`, such a
	 * 404 means "not yet" and the request is sent again; n8n's own 404s are JSON and pass through.
	 */
	private readonly routesSettledBy = Date.now() + 90_000;

	private async routed(send: () => Promise<Response>): Promise<Response> {
		for (;;) {
			const res = await send();
			const unrouted = res.status === 404 && /<pre>Cannot [A-Z]+ \//.test(await res.clone().text());
			if (!unrouted || Date.now() > this.routesSettledBy) return res;
			await new Promise((r) => setTimeout(r, 1_000));
		}
	}

	private async raw(method: string, path: string, body?: unknown): Promise<Response> {
		return await this.routed(() => this.send(method, path, body));
	}

	private async send(method: string, path: string, body?: unknown): Promise<Response> {
		return await fetch(`${this.url}${path}`, {
			method,
			headers: {
				accept: 'application/json',
				'browser-id': this.browserId,
				...(this.cookie ? { cookie: this.cookie } : {}),
				...(body !== undefined ? { 'content-type': 'application/json' } : {}),
			},
			body: body !== undefined ? JSON.stringify(body) : undefined,
			signal: AbortSignal.timeout(60_000),
		});
	}

	private takeCookie(res: Response): void {
		const all = res.headers.getSetCookie?.() ?? [];
		const auth = all.map((c) => c.split(';')[0]).find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth;
	}
}

export class ApiError extends Error {
	constructor(
		message: string,
		readonly status: number,
	) {
		super(message);
	}
}
