/**
 * ZohoSim: one HTTP origin on 127.0.0.1 serving Zoho Accounts, CRM v8 and Projects V3 as documented
 * in the reference, plus a control API under `/_sim` for tests, benchmarks, the e2e run and the demo.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import { Accounts, type AccountsOptions } from './accounts';
import { registerControl } from './control';
import { Crm, type CrmOptions } from './crm';
import {
	type DeliveryFaults,
	type Fault,
	Faults,
	type Product,
	RequestLog,
	Router,
	SimClock,
	type SimRequest,
	type SimResponse,
	ZERO_DELIVERY_FAULTS,
	json,
} from './kit';
import { ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { Projects, type ProjectsOptions } from './projects';
import { scopeAsUrlRule } from './projects/options';
import { projectsScopeNeed } from './projects/scopes';
import { crmScopeNeed } from './crm/scopes';
import type { ScopeNeed } from './scopes';
import { applySeed } from './seed';

export interface SimOptions {
	port?: number;
	/** Start time of the clock (default: real now, frozen). */
	now?: number | string;
	/** Load the seed data set (default true). */
	seed?: boolean;
	accounts?: Partial<AccountsOptions>;
	crm?: Partial<CrmOptions>;
	projects?: Partial<ProjectsOptions>;
}

interface Outbound {
	url: string;
	body: string;
	contentType: string;
	/** Projects rule webhooks may be set to GET: then no body, everything in the URL [P16]. */
	method: 'POST' | 'GET';
}

export class ZohoSim {
	readonly clock: SimClock;
	readonly log = new RequestLog();
	readonly faults = new Faults();
	readonly router = new Router();
	/** OAuth scopes of routes a test adds to `router` (`METHOD pattern` → need); the sim's own are in crm/ and projects/scopes.ts. */
	readonly routeScopes = new Map<string, ScopeNeed>();
	readonly accounts: Accounts;
	readonly crm: Crm;
	readonly projects: Projects;
	delivery: DeliveryFaults = { ...ZERO_DELIVERY_FAULTS };
	/** Callback attempts: url, status (0 = network failure) and body, for assertions. */
	readonly deliveries: { url: string; status: number; body: unknown }[] = [];

	private server?: Server;
	private inFlight = new Map<string, number>();
	private pending: Promise<void>[] = [];
	private held: Outbound[] = [];
	url = '';

	constructor(private options: SimOptions = {}) {
		this.clock = new SimClock(options.now ?? Date.now());
		this.accounts = new Accounts(this.clock, () => this.url, {
			tokenTtlSeconds: 3600,
			acceptBearer: false,
			enforceScopes: true,
			// Tokens issued directly carry what the product's credential asks the consent for.
			defaultScopes: ZOHO_SCOPES,
			...options.accounts,
		});
		this.crm = new Crm(this, options.crm);
		this.projects = new Projects(this, options.projects);
		this.accounts.register(this.router);
		this.crm.register(this.router);
		this.projects.register(this.router);
		registerControl(this);
		if (options.seed !== false) applySeed(this);
	}

	async start(port = this.options.port ?? 0): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	async stop(): Promise<void> {
		await this.flush();
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}

	/** Requests in flight for a product and user (the CRM concurrency limit reads it). */
	concurrent(product: Product, userId: string): number {
		return this.inFlight.get(`${product}:${userId}`) ?? 0;
	}

	/** Queue a callback (CRM notification or Projects webhook); delivery faults apply. */
	deliver(url: string, payload: unknown, contentType = 'application/json', method: Outbound['method'] = 'POST'): void {
		const body = typeof payload === 'string' ? payload : JSON.stringify(payload);
		const out: Outbound = { url, body, contentType, method };
		if (this.delivery.reorder) {
			this.held.push(out);
			return;
		}
		for (let i = 0; i < this.delivery.duplicate; i++) this.pending.push(this.post(out));
	}

	/** Wait for every queued callback (and release held, reordered ones in reverse order). */
	async flush(): Promise<void> {
		const held = this.held.reverse();
		this.held = [];
		for (const out of held) for (let i = 0; i < this.delivery.duplicate; i++) this.pending.push(this.post(out));
		while (this.pending.length) await Promise.all(this.pending.splice(0));
	}

	private async post(out: Outbound): Promise<void> {
		let status = 0;
		let body: unknown;
		try {
			const init: RequestInit = out.method === 'GET' ? { method: 'GET' } : { method: 'POST', headers: { 'content-type': out.contentType }, body: out.body };
			const res = await fetch(out.url, init);
			status = res.status;
			body = await res.text();
		} catch (error) {
			body = (error as Error).message;
		}
		this.deliveries.push({ url: out.url, status, body });
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const method = (req.method ?? 'GET').toUpperCase();
		const rawBody = await readBody(req);
		const match = this.router.match(method, url.pathname);
		const product: Product =
			match.kind === 'none' ? productOf(url.pathname) : match.product;
		const sreq: SimRequest = {
			method,
			path: url.pathname,
			query: url.searchParams,
			headers: req.headers,
			rawBody,
			body: undefined,
			params: match.kind === 'found' ? match.params : {},
			product,
			route: match.kind === 'found' ? match.pattern : url.pathname,
		};
		parseBody(sreq);
		let result: SimResponse;
		const key = `${product}:`;
		try {
			result = await this.dispatch(sreq, match);
		} catch (error) {
			// A bug in a handler must still look like Zoho, never a dropped connection.
			result = errorFor(product, 500, 'INTERNAL_ERROR', `simulator error: ${(error as Error).message}`);
		} finally {
			if (sreq.userId) this.inFlight.set(key + sreq.userId, (this.inFlight.get(key + sreq.userId) ?? 1) - 1);
		}
		// A hanging fault never answers, but the call was made: it is logged with status 0 so that
		// call counts include requests a client gave up on. A reset (-2) is logged the same way.
		const hung = result.status < 0;
		if (product !== 'sim') {
			this.log.add({
				time: this.clock.now(),
				method,
				path: url.pathname,
				query: url.searchParams.toString(),
				product,
				route: sreq.route,
				status: hung ? 0 : result.status,
				userId: sreq.userId,
				...(req.headers['if-modified-since'] !== undefined ? { ifModifiedSince: String(req.headers['if-modified-since']) } : {}),
			});
		}
		if (result.status === RESET) req.socket.destroy();
		if (hung) return;
		const headers: Record<string, string> = { ...result.headers };
		let payload = '';
		if (result.body !== undefined && result.status !== 204 && result.status !== 304) {
			payload = typeof result.body === 'string' ? result.body : JSON.stringify(result.body);
			headers['content-type'] ??= typeof result.body === 'string' ? 'text/html; charset=utf-8' : 'application/json;charset=UTF-8';
		}
		res.writeHead(result.status, headers);
		res.end(payload);
	}

	private async dispatch(req: SimRequest, match: ReturnType<Router['match']>): Promise<SimResponse> {
		const fault = req.product !== 'sim' ? this.faults.take(req.product, req.method, req.path) : undefined;
		if (fault?.afterApply) {
			// Apply-then-fail: the request is served for real, then its answer is lost.
			const served = await this.serve(req, match, 0);
			if (served.status >= 400) return served;
			if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
			return faultAnswer(req.product, fault);
		}
		// A plain latency fault on an authenticated API call is spent in flight (after the gate), so slow
		// calls hold a concurrency slot as they do at Zoho; otherwise it delays the answer up front.
		let inFlightLatency = 0;
		if (fault) {
			const api = match.kind === 'found' && (req.product === 'crm' || req.product === 'projects');
			if (fault.latencyMs && api && !fault.status && !fault.hang && !fault.reset) inFlightLatency = fault.latencyMs;
			else if (fault.latencyMs) await new Promise((r) => setTimeout(r, fault.latencyMs));
			if (fault.hang || fault.reset || fault.status) return faultAnswer(req.product, fault);
		}
		return await this.serve(req, match, inFlightLatency);
	}

	private async serve(req: SimRequest, match: ReturnType<Router['match']>, inFlightLatency: number): Promise<SimResponse> {
		// Zoho Accounts answers a bad token request with `{"error":"<code>"}` [S22], never a product's shape.
		if (req.bodyError && req.product === 'accounts') return json(400, { error: 'invalid_request' });
		if (match.kind === 'none') return unknownRoute(req);
		if (match.kind === 'method') return wrongMethod(req, match.allowed);
		if (req.product === 'crm' || req.product === 'projects') {
			const auth = this.accounts.authenticate(req);
			if ('status' in auth) return auth;
			req.userId = auth.userId;
			const key = `${req.product}:${auth.userId}`;
			this.inFlight.set(key, (this.inFlight.get(key) ?? 0) + 1);
			// Each route's scopes come from the product's table (crm/scopes.ts, projects/scopes.ts).
			const need =
				this.routeScopes.get(`${req.method} ${match.pattern}`) ??
				(req.product === 'crm' ? crmScopeNeed(req.method, match.pattern, match.params) : projectsScopeNeed(req.method, match.pattern));
			if (!need) throw new Error(`route ${req.method} ${match.pattern} declares no OAuth scope`);
			const refused = this.accounts.checkScope(req, auth.scopes, need);
			if (refused && req.product === 'projects' && scopeAsUrlRule(this.projects.options, req.method, match.pattern)) return unknownRoute(req);
			if (refused) return refused;
			const gate = req.product === 'crm' ? this.crm.gate(req) : this.projects.gate(req);
			if (gate) return gate;
			if (inFlightLatency) await new Promise((r) => setTimeout(r, inFlightLatency));
		}
		if (req.bodyError && req.product !== 'sim') {
			return req.product === 'crm'
				? json(400, { code: 'INVALID_DATA', details: {}, message: `body is not valid JSON: ${req.bodyError}`, status: 'error' })
				: errorFor('projects', 400, 'JSON_PARSE_ERROR', 'Malformed JSON in request body.');
		}
		return match.handler(req);
	}
}

/**
 * A path no route serves. Projects V3: 400 `URL_RULE_NOT_CONFIGURED` with the path as `instance`
 * (the error example of Zoho's V3 docs [P1b]; a wrong path such as `/portals/{id}/…` answers so live
 * [P28]). CRM: 404 `INVALID_URL_PATTERN` (CRM's status-code list). Accounts: `{error}` only.
 */
function unknownRoute(req: SimRequest): SimResponse {
	if (req.product === 'projects') {
		return json(400, {
			error: {
				status_code: '400',
				instance: req.path,
				title: 'URL_RULE_NOT_CONFIGURED',
				error_type: 'OPERATIONAL_VALIDATION_ERROR',
				details: [{ message: 'Given URL is wrong' }],
			},
		});
	}
	return errorFor(req.product, 404, 'INVALID_URL_PATTERN', 'Please check if the URL trying to access is a correct one');
}

/**
 * A served path with a verb it does not take. Projects V3: title `INVALID_METHOD` as live clients
 * saw it (PUT/POST on a task [P28]); the status 405 is assumed (ASSUMPTIONS.md: V3 lists 405 [P1]).
 */
function wrongMethod(req: SimRequest, allowed: string[]): SimResponse {
	if (req.product === 'projects') return errorFor('projects', 405, 'INVALID_METHOD', `This method is not allowed on this URL; allowed: ${allowed.join(', ')}`);
	return errorFor(req.product, 405, 'INVALID_REQUEST_METHOD', `The http request method type is not a valid one; allowed: ${allowed.join(', ')}`);
}

/** Status of a fault answer that drops the connection (logged as 0, like a hang). */
const RESET = -2;

function faultAnswer(product: Product, fault: Fault): SimResponse {
	if (fault.reset) return { status: RESET };
	if (fault.hang) return { status: -1 };
	const status = fault.status ?? 500;
	return fault.body !== undefined ? json(status, fault.body, fault.headers) : { ...faultBody(product, status), headers: fault.headers };
}

function productOf(path: string): Product {
	if (path.startsWith('/crm/')) return 'crm';
	if (path.startsWith('/api/')) return 'projects';
	if (path.startsWith('/oauth/')) return 'accounts';
	return 'sim';
}

/** Zoho-shaped error bodies: CRM `{code,details,message,status}`, Projects V3 `{error:{...}}`. */
export function errorFor(product: Product, status: number, code: string, message: string, details: Record<string, unknown> = {}): SimResponse {
	if (product === 'projects') {
		return json(status, {
			error: { status_code: String(status), title: code, error_type: 'FIELDS_VALIDATION_ERROR', details: [{ message, ...details }] },
		});
	}
	if (product === 'accounts') return json(status, { error: code.toLowerCase() });
	return json(status, { code, details, message, status: 'error' });
}

function faultBody(product: Product, status: number): SimResponse {
	if (product === 'accounts' && status === 429) {
		// The token endpoint's throttle message as reported live [P27]; the `error` code is inferred.
		return json(429, { error: 'too_many_requests', error_description: 'You have made too many requests continuously. Please try again after some time.' });
	}
	if (status === 429) return errorFor(product, 429, product === 'crm' ? 'RATE_LIMIT_EXCEEDED' : 'TOO_MANY_REQUESTS', 'Too many requests. Please try again later.');
	if (status >= 500) return errorFor(product, status, product === 'crm' ? 'INTERNAL_ERROR' : 'INTERNAL_SERVER_ERROR', 'Injected server error');
	return errorFor(product, status, 'BAD_REQUEST', 'Injected fault');
}

async function readBody(req: IncomingMessage): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks).toString('utf8');
}

function parseBody(req: SimRequest): void {
	if (!req.rawBody) return;
	const type = String(req.headers['content-type'] ?? '');
	if (type.includes('application/x-www-form-urlencoded')) {
		req.body = Object.fromEntries(new URLSearchParams(req.rawBody));
		return;
	}
	if (type.includes('multipart/form-data')) {
		// Zoho's official SDKs post the token refresh as multipart form data.
		const fields = multipartFields(req.rawBody, type);
		if (fields) req.body = fields;
		else req.bodyError = 'malformed multipart body';
		return;
	}
	if (req.product === 'accounts') {
		// The token endpoint reads the query string and form bodies only; anything else is no parameters.
		return;
	}
	try {
		req.body = JSON.parse(req.rawBody);
	} catch (error) {
		req.bodyError = (error as Error).message;
	}
}

/** The text fields of a `multipart/form-data` body (files are not expected here), or undefined. */
function multipartFields(raw: string, contentType: string): Record<string, string> | undefined {
	const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
	if (!boundary) return undefined;
	const fields: Record<string, string> = {};
	for (const part of raw.split(`--${boundary[1] ?? boundary[2].trim()}`)) {
		const split = part.indexOf('\r\n\r\n');
		if (split < 0) continue;
		const name = /content-disposition:[^\r\n]*\bname="([^"]*)"/i.exec(part.slice(0, split));
		if (name) fields[name[1]] = part.slice(split + 4).replace(/\r\n$/, '');
	}
	return fields;
}
