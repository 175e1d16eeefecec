/**
 * The simulator's building blocks: a controllable clock, routing, the request log and fault
 * injection. Product modules (accounts, crm, projects) register routes on a Router and read the
 * clock; nothing here knows about Zoho's products.
 */
import type { IncomingHttpHeaders } from 'node:http';

export type Product = 'accounts' | 'crm' | 'projects' | 'sim';

export interface SimRequest {
	method: string;
	path: string;
	query: URLSearchParams;
	headers: IncomingHttpHeaders;
	rawBody: string;
	/** Parsed JSON, or the form fields of a form-encoded body; undefined when empty. */
	body: unknown;
	/** Set when the body was not valid JSON. */
	bodyError?: string;
	params: Record<string, string>;
	product: Product;
	/** Route pattern that matched, e.g. `/crm/v8/Tasks/:id` (the Projects throttle counts per pattern). */
	route: string;
	/** The user the access token belongs to (set by the auth check). */
	userId?: string;
}

export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
}

export type Handler = (req: SimRequest) => SimResponse | Promise<SimResponse>;

export const json = (status: number, body?: unknown, headers?: Record<string, string>): SimResponse => ({
	status,
	body,
	headers,
});

/** A clock that tests move by hand; it starts at real time (or a given instant) and never ticks alone unless `running`. */
export class SimClock {
	private offset = 0;
	private frozenAt: number | undefined;

	constructor(start?: number | string) {
		if (start !== undefined) this.frozenAt = typeof start === 'string' ? Date.parse(start) : start;
	}

	now(): number {
		return (this.frozenAt ?? Date.now()) + this.offset;
	}

	iso(ms = this.now()): string {
		return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
	}

	advance(ms: number): void {
		this.offset += ms;
	}

	set(instant: number | string): void {
		const target = typeof instant === 'string' ? Date.parse(instant) : instant;
		this.offset = target - (this.frozenAt ?? Date.now());
	}

	/** Freeze at the current instant (tests) or follow real time again (demo). */
	freeze(frozen: boolean): void {
		const now = this.now();
		this.frozenAt = frozen ? now : undefined;
		this.offset = frozen ? 0 : now - Date.now();
	}
}

interface RouteEntry {
	method: string;
	pattern: string;
	regex: RegExp;
	keys: string[];
	handler: Handler;
	product: Product;
}

export type RouteMatch =
	| { kind: 'found'; handler: Handler; params: Record<string, string>; pattern: string; product: Product }
	| { kind: 'method'; allowed: string[]; product: Product }
	| { kind: 'none' };

export class Router {
	private routes: RouteEntry[] = [];

	/** `pattern` uses `:name` segments, e.g. `/crm/v8/:module/:id`. Literal routes registered first win. */
	add(product: Product, method: string, pattern: string, handler: Handler): void {
		const keys: string[] = [];
		const source = pattern
			.split('/')
			.map((seg) => {
				if (!seg.startsWith(':')) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
				keys.push(seg.slice(1));
				return '([^/]+)';
			})
			.join('/');
		this.routes.push({ method, pattern, regex: new RegExp(`^${source}/?$`), keys, handler, product });
	}

	/** Every registered route (product, method, pattern), in registration order. */
	list(): { product: Product; method: string; pattern: string }[] {
		return this.routes.map(({ product, method, pattern }) => ({ product, method, pattern }));
	}

	match(method: string, path: string): RouteMatch {
		const allowed: string[] = [];
		let product: Product | undefined;
		for (const route of this.routes) {
			const m = route.regex.exec(path);
			if (!m) continue;
			if (route.method !== method) {
				allowed.push(route.method);
				product ??= route.product;
				continue;
			}
			const params: Record<string, string> = {};
			route.keys.forEach((k, i) => (params[k] = decodeURIComponent(m[i + 1])));
			return { kind: 'found', handler: route.handler, params, pattern: route.pattern, product: route.product };
		}
		return allowed.length ? { kind: 'method', allowed, product: product ?? 'sim' } : { kind: 'none' };
	}
}

export interface LogEntry {
	time: number;
	method: string;
	path: string;
	/** Query string without the leading `?`. */
	query: string;
	product: Product;
	route: string;
	status: number;
	userId?: string;
	/** The request's `If-Modified-Since` header as sent, when it had one (incremental reads). */
	ifModifiedSince?: string;
}

export class RequestLog {
	entries: LogEntry[] = [];

	add(entry: LogEntry): void {
		this.entries.push(entry);
	}

	clear(): void {
		this.entries = [];
	}

	/** Entries matching every given field; `path` may be a RegExp. */
	filter(where: Partial<Omit<LogEntry, 'path'>> & { path?: string | RegExp; writes?: boolean } = {}): LogEntry[] {
		return this.entries.filter((e) => {
			if (where.product && e.product !== where.product) return false;
			if (where.method && e.method !== where.method) return false;
			if (where.status !== undefined && e.status !== where.status) return false;
			if (where.route && e.route !== where.route) return false;
			if (where.writes && e.method === 'GET') return false;
			if (where.path instanceof RegExp ? !where.path.test(e.path) : where.path && e.path !== where.path) return false;
			return true;
		});
	}

	count(where: Parameters<RequestLog['filter']>[0] = {}): number {
		return this.filter(where).length;
	}
}

export interface FaultSpec {
	product?: Product;
	method?: string;
	/** Regular expression source matched against the request path. */
	path?: string;
	/** Answer with this status (and Zoho-shaped body unless `body` is given) instead of handling the request. */
	status?: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Delay before handling, in real milliseconds (latency, or a timeout when longer than the client waits). */
	latencyMs?: number;
	/** Accept the request and never answer (the client's timeout fires). */
	hang?: boolean;
	/**
	 * Drop the connection instead of answering (after `latencyMs`, when given): the client sees a
	 * reset, as when a proxy gives up on a slow call. Unlike `hang` it ends the call.
	 */
	reset?: boolean;
	/**
	 * Handle the request first, then answer with this fault (its status, `hang` or `reset`) instead
	 * of the real answer: a write that was applied although its caller never hears so. Applies only
	 * when the real answer was a success (a refused request changed nothing).
	 */
	afterApply?: boolean;
	/** How many matching requests this fault applies to (default 1; Infinity for all). */
	times?: number;
}

export interface Fault extends FaultSpec {
	id: number;
	remaining: number;
}

export class Faults {
	private list: Fault[] = [];
	private nextId = 1;

	add(spec: FaultSpec): Fault {
		const fault: Fault = { ...spec, id: this.nextId++, remaining: spec.times ?? 1 };
		this.list.push(fault);
		return fault;
	}

	clear(): void {
		this.list = [];
	}

	active(): Fault[] {
		return this.list.filter((f) => f.remaining > 0);
	}

	/** The first fault matching the request, consumed once. */
	take(product: Product, method: string, path: string): Fault | undefined {
		const fault = this.list.find(
			(f) =>
				f.remaining > 0 &&
				(!f.product || f.product === product) &&
				(!f.method || f.method === method) &&
				(!f.path || new RegExp(f.path).test(path)),
		);
		if (fault) fault.remaining--;
		return fault;
	}
}

/** Callback delivery faults (CRM notifications, Projects webhooks): duplicates and reordering. */
export interface DeliveryFaults {
	/** Deliver every callback this many times (2 = each one twice). */
	duplicate: number;
	/** Hold callbacks back and deliver them in reverse order when flushed. */
	reorder: boolean;
}

export const ZERO_DELIVERY_FAULTS: DeliveryFaults = { duplicate: 1, reorder: false };

let idCounter = 0;
/** Zoho-looking numeric ids: CRM uses 19 digits, Projects 13-19; unique within a process. */
export function newId(prefix: string): string {
	idCounter++;
	return prefix + String(idCounter).padStart(19 - prefix.length, '0');
}
