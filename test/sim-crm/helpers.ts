/**
 * Shared plumbing of the CRM conformance tests: a started simulator with a token, a tiny fetch
 * wrapper, and a local HTTP server that records the callbacks the simulator sends.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { OAUTH_CLIENT } from '../zoho-sim/seed-data';
import { type SimOptions, ZohoSim } from '../zoho-sim/server';

export type Rec = Record<string, unknown>;

export interface Reply {
	status: number;
	/** Parsed JSON; undefined for an empty body (204/304). */
	body: unknown;
	text: string;
}

export interface CallOptions {
	body?: unknown;
	/** Sent as-is (malformed JSON tests). */
	raw?: string;
	headers?: Record<string, string>;
	token?: string;
}

/** Fixed start so every run sees the same clock. */
export const START = '2026-11-20T00:00:00Z';

export class Client {
	constructor(
		readonly sim: ZohoSim,
		public token: string,
	) {}

	/** A fresh token for the API user (after moving the clock past the 1-hour token lifetime). */
	renewToken(): void {
		this.token = this.sim.accounts.issue(OAUTH_CLIENT.clientId).access_token;
	}

	async call(method: string, path: string, opts: CallOptions = {}): Promise<Reply> {
		const headers: Record<string, string> = { Authorization: `Zoho-oauthtoken ${opts.token ?? this.token}`, ...opts.headers };
		let body: string | undefined = opts.raw;
		if (opts.body !== undefined) {
			body = JSON.stringify(opts.body);
			headers['content-type'] = 'application/json';
		}
		const res = await fetch(`${this.sim.url}${path}`, { method, headers, body });
		const text = await res.text();
		return { status: res.status, body: text ? (JSON.parse(text) as unknown) : undefined, text };
	}

	get = (path: string, opts?: CallOptions) => this.call('GET', path, opts);
	post = (path: string, body: unknown, opts?: CallOptions) => this.call('POST', path, { ...opts, body });
	put = (path: string, body: unknown, opts?: CallOptions) => this.call('PUT', path, { ...opts, body });
	patch = (path: string, body: unknown, opts?: CallOptions) => this.call('PATCH', path, { ...opts, body });
	del = (path: string, opts?: CallOptions) => this.call('DELETE', path, opts);

	/** A token acting as another CRM user. */
	tokenFor(userId: string): string {
		return this.sim.accounts.issue(OAUTH_CLIENT.clientId, userId).access_token;
	}
}

export async function startSim(options: SimOptions = {}): Promise<Client> {
	const sim = new ZohoSim({ now: START, ...options });
	await sim.start();
	return new Client(sim, sim.accounts.issue(OAUTH_CLIENT.clientId).access_token);
}

/** `{data:[...]}` of a reply. */
export const dataOf = (r: Reply): Rec[] => (r.body as { data: Rec[] }).data;
export const infoOf = (r: Reply): Rec => (r.body as { info: Rec }).info;
export const bodyOf = (r: Reply): Rec => r.body as Rec;
export const detailsOf = (item: Rec): Rec => item.details as Rec;

/** Records callbacks POSTed to it; answers 200. */
export class CallbackSink {
	readonly received: { path: string; body: Rec }[] = [];
	private server?: Server;
	url = '';

	async start(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				this.received.push({ path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Rec });
				res.writeHead(200).end('ok');
			});
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.url;
	}

	bodies(): Rec[] {
		return this.received.map((r) => r.body);
	}

	reset(): void {
		this.received.length = 0;
	}

	async stop(): Promise<void> {
		this.server?.closeAllConnections();
		await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
	}
}
