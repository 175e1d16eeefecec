/** Shared set-up for the Projects conformance tests: a running simulator and a typed HTTP call. */
import { OAUTH_CLIENT, PORTAL_ID } from '../zoho-sim/seed-data';
import { type SimOptions, ZohoSim } from '../zoho-sim/server';

/** Tests start on a fixed instant so every timestamp is predictable. */
export const START = '2026-11-20T00:00:00Z';

export interface V3Error {
	error: {
		status_code: string | number;
		title: string;
		error_type: string;
		details: { message: string; field_name?: string }[];
	};
}

export interface Person {
	zpuid: string;
	zuid?: string;
	name?: string;
	email?: string;
	first_name?: string;
	last_name?: string;
}

export interface TaskJson {
	id: string;
	key: string;
	name: string;
	description: string;
	status: { id: string; name: string; color_hexcode: string; is_closed_type: boolean };
	is_completed: boolean;
	priority: string;
	start_date?: string;
	end_date?: string;
	created_time: string;
	last_modified_time: string;
	created_by?: Person;
	updated_by?: Person;
	owners_and_work: { owners: Person[] };
	tasklist: { id: string; name: string };
	parental_info?: { parent_task_id: string; root_task_id: string };
	association_info: { has_subtasks: boolean };
	depth: number;
	[customField: string]: unknown;
}

export interface PageInfo {
	page: number;
	per_page: number;
	has_next_page: boolean;
}

export interface Res<T> {
	status: number;
	headers: Headers;
	text: string;
	body: T;
}

export interface CallOptions {
	body?: unknown;
	/** Sent as-is (malformed JSON tests). */
	raw?: string;
	token?: string;
	authorization?: string;
	contentType?: string;
}

export class Client {
	constructor(
		readonly sim: ZohoSim,
		readonly token: string,
	) {}

	/** `path` starting with `/api` or `/_sim` is used as-is; otherwise it is under the seed portal. */
	async call<T = unknown>(method: string, path: string, opts: CallOptions = {}): Promise<Res<T>> {
		const url = path.startsWith('/api') || path.startsWith('/_sim') ? path : `/api/v3/portal/${PORTAL_ID}${path}`;
		const headers: Record<string, string> = { authorization: opts.authorization ?? `Zoho-oauthtoken ${opts.token ?? this.token}` };
		let payload: string | undefined = opts.raw;
		if (opts.body !== undefined) payload = JSON.stringify(opts.body);
		if (payload !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
		const res = await fetch(this.sim.url + url, { method, headers, body: payload });
		const text = await res.text();
		let body: unknown = text;
		if (text && (res.headers.get('content-type') ?? '').includes('json')) body = JSON.parse(text);
		return { status: res.status, headers: res.headers, text, body: body as T };
	}

	get<T = unknown>(path: string, opts?: CallOptions) {
		return this.call<T>('GET', path, opts);
	}
	post<T = unknown>(path: string, body: unknown, opts?: CallOptions) {
		return this.call<T>('POST', path, { ...opts, body });
	}
	patch<T = unknown>(path: string, body: unknown, opts?: CallOptions) {
		return this.call<T>('PATCH', path, { ...opts, body });
	}
	del<T = unknown>(path: string, opts?: CallOptions) {
		return this.call<T>('DELETE', path, opts);
	}

	/** A token for another user of the OAuth client (a CRM user id, or a zpuid). */
	tokenFor(userId: string): string {
		return this.sim.accounts.issue(OAUTH_CLIENT.clientId, userId).access_token;
	}
}

/** The throttle is raised for suites that are not about it, so long suites never trip it by accident. */
export async function startSim(options: SimOptions = {}): Promise<Client> {
	const sim = new ZohoSim({ now: START, ...options, projects: { throttleLimit: 100_000, ...options.projects } });
	await sim.start();
	return new Client(sim, sim.accounts.issue(OAUTH_CLIENT.clientId).access_token);
}

/** The first error detail, for compact assertions. */
export function detail(res: Res<unknown>): { status: number; title: string; message: string; field?: string } {
	const e = (res.body as V3Error).error;
	return { status: res.status, title: e.title, message: e.details[0]?.message ?? '', field: e.details[0]?.field_name };
}

export const filterParam = (criteria: { field_name: string; criteria_condition: string; value: string[] }[], pattern?: string) =>
	encodeURIComponent(JSON.stringify(pattern ? { criteria, pattern } : { criteria }));
