/**
 * The one Zoho Projects transport: every Projects call of every node goes through
 * `projectsRequest`, which paces it under the rate budget, refuses at once to call an API Zoho has
 * locked, retries server errors a bounded number of times, and turns V3 errors into NodeApiErrors.
 */
import type { IAllExecuteFunctions, IDataObject, IHttpRequestMethods } from 'n8n-workflow';

import { asNodeError } from '../errors';
import { ZOHO_CREDENTIAL, ZohoUnreachable, type ZohoResponse, zohoRequest } from '../zohoRequest';
import { DEFAULT_BUDGET, DEFAULT_LOCK_MS, type Reservation, apiPattern, lockedUntil, recordLock, reserveSlots, settle, useReservation } from './budget';
import { projectsClock } from './clock';
import { isThrottle, lockDurationMs, lockedError, projectsApiError, readV3Error } from './errors';

export interface ProjectsSettings {
	/** Numeric portal id. */
	portalId: string;
	/** Calls per 2 minutes for this credential and portal (default 90). */
	budget?: number;
	/** Every call made with these settings goes before callers without it (see Pace.urgent). */
	urgent?: boolean;
}

export interface ProjectsCall {
	method: IHttpRequestMethods;
	/** Below the portal, e.g. `/projects/1/tasks`; with `api: 'root'` the whole path (`/api/v3/portals`). */
	path: string;
	/** V3 keeps some modules (users) under `/api/v3.1`. */
	api?: 'v3' | 'v3.1' | 'root';
	qs?: IDataObject;
	body?: IDataObject;
	pace?: Pace;
}

/**
 * Pacing beyond one slot per call. `reserveNext`: also take a slot for a call that follows at once
 * (the transport puts it in `reserved`); `use`: make this call on a slot reserved before.
 */
export interface Pace {
	reserveNext?: boolean;
	reserved?: Reservation;
	use?: Reservation;
	/** Other callers wait for this call: it takes the next free slot before them (budget.ts). */
	urgent?: boolean;
}

/** Attempts for a server error: 1 + 3 retries, backing off 1 s, 2 s, 4 s. */
const RETRIES = 3;
const BACKOFF_MS = 1000;

export function fullPath(settings: ProjectsSettings, call: ProjectsCall): string {
	if (call.api === 'root') return call.path;
	return `/api/${call.api ?? 'v3'}/portal/${encodeURIComponent(settings.portalId)}${call.path}`;
}

/** One Zoho user on one portal: the key of its budget window and of look-ups kept for it. */
export function accountKey(ctx: IAllExecuteFunctions, settings: ProjectsSettings): string {
	const credentialId = ctx.getNode().credentials?.[ZOHO_CREDENTIAL]?.id ?? ctx.getNode().id;
	return `${credentialId}:${settings.portalId}`;
}

/**
 * A POST that failed with a server error may have been applied, so only 503 (not served) is
 * retried for it; GET, PATCH and DELETE are safe to repeat.
 */
function retriable(method: IHttpRequestMethods, status: number): boolean {
	if (status < 500) return false;
	return method === 'POST' ? status === 503 : true;
}

/** How long each execution's Projects calls have waited for budget (ms, Projects clock). */
const budgetWaits = new WeakMap<object, number>();

/**
 * What this execution waited for the Projects budget, for an execution hint: a user who sees a slow
 * run learns why, and what budget it keeps to. Empty when it never waited.
 */
export function budgetWaitHint(ctx: IAllExecuteFunctions, budget = DEFAULT_BUDGET): string {
	const waited = budgetWaits.get(ctx) ?? 0;
	if (waited < 1000) return '';
	return `Waited ${Math.round(waited / 1000)} s in all for the Zoho Projects budget: ${budget} calls per 2 minutes for this Zoho user and portal (Zoho locks the API for 30 minutes after 100). Raise it only if no other workflow or tool uses the same Zoho user.`;
}

/** One Projects call; resolves with the parsed body (undefined for 204). */
export async function projectsRequest(this: IAllExecuteFunctions, settings: ProjectsSettings, call: ProjectsCall): Promise<unknown> {
	const clock = projectsClock();
	const path = fullPath(settings, call);
	const key = accountKey(this, settings);
	const pattern = apiPattern(path);
	for (let attempt = 0; ; attempt++) {
		const locked = lockedUntil(key, pattern);
		if (locked !== undefined) throw lockedError(this.getNode(), pattern, locked, clock.now());
		const { pace } = call;
		let slot = attempt === 0 && pace?.use && useReservation(pace.use) ? pace.use : undefined;
		if (!slot) {
			const before = clock.now();
			const reserveNext = attempt === 0 && !!pace?.reserveNext;
			const [own, reserved] = await reserveSlots(key, settings.budget ?? DEFAULT_BUDGET, () => (reserveNext ? 2 : 1), !!(pace?.urgent || settings.urgent));
			slot = own;
			if (reserved && pace) pace.reserved = reserved;
			const waited = clock.now() - before;
			if (waited > 0) budgetWaits.set(this, (budgetWaits.get(this) ?? 0) + waited);
		}
		const resent: Reservation[] = [];
		let response: ZohoResponse;
		try {
			response = await zohoRequest.call(this, 'projects', {
				method: call.method,
				path,
				qs: call.qs,
				body: call.body,
				// The call answered 401 counts at Zoho too: its resend after the token refresh takes a slot of its own.
				beforeRetry: async () => void resent.push(...(await reserveSlots(key, settings.budget ?? DEFAULT_BUDGET, () => 1))),
			});
		} catch (error) {
			settle([slot, ...resent]);
			// A read Zoho did not answer is tried again (on a slot of its own); a write is not — Zoho may have applied it.
			if (!(error instanceof ZohoUnreachable) || call.method !== 'GET' || attempt >= RETRIES) throw asNodeError(this.getNode(), error);
			await clock.sleep(BACKOFF_MS * 2 ** attempt);
			continue;
		}
		settle([slot, ...resent]);
		const error = readV3Error(response.statusCode, response.body);
		if (!error) return response.body;
		if (isThrottle(error)) {
			const until = clock.now() + (lockDurationMs(error, response.headers['retry-after']) ?? DEFAULT_LOCK_MS);
			recordLock(key, pattern, until);
			throw lockedError(this.getNode(), pattern, until, clock.now());
		}
		if (attempt < RETRIES && retriable(call.method, error.status)) {
			await clock.sleep(BACKOFF_MS * 2 ** attempt);
			continue;
		}
		throw projectsApiError(this.getNode(), error, call.body);
	}
}

export interface PageOptions {
	/** Stop after this many items (undefined = all). */
	limit?: number;
	perPage?: number;
	/** Stop paging at the first item for which this returns true (it is not included). */
	stopAt?: (item: IDataObject) => boolean;
	/** Keep only items for which this returns true (the limit counts kept items). */
	keep?: (item: IDataObject) => boolean;
}

/** Whether a V3 list answer has a page after this one (page_info, else a full page of a bare array). */
export function hasNextPage(body: unknown, count: number, perPage: number): boolean {
	const raw = (body as IDataObject | undefined)?.page_info;
	const info = (Array.isArray(raw) ? raw[0] : raw) as IDataObject | undefined;
	if (info && info.has_next_page !== undefined) return info.has_next_page === true || info.has_next_page === 'true';
	// Bare-array lists (projects, portals) carry no page_info: a full page may have a successor.
	return count === perPage;
}

/**
 * Every page of a V3 list (`page` is mandatory, `per_page` ≤ 200); `key` names the array in the
 * body (`tasks`, `comments`), or undefined for lists that are a bare array.
 */
export async function projectsRequestAll(
	this: IAllExecuteFunctions,
	settings: ProjectsSettings,
	call: ProjectsCall,
	key: string | undefined,
	options: PageOptions = {},
): Promise<IDataObject[]> {
	const perPage = Math.min(200, options.perPage ?? (options.limit !== undefined && !options.keep ? Math.max(1, options.limit) : 200));
	const out: IDataObject[] = [];
	for (let page = 1; ; page++) {
		const body = await projectsRequest.call(this, settings, { ...call, qs: { ...call.qs, page, per_page: perPage } });
		const rows = (key ? (body as IDataObject | undefined)?.[key] : body) as IDataObject[] | undefined;
		const list = Array.isArray(rows) ? rows : [];
		for (const row of list) {
			if (options.stopAt?.(row)) return out;
			if (options.keep && !options.keep(row)) continue;
			out.push(row);
			if (options.limit !== undefined && out.length >= options.limit) return out;
		}
		if (!list.length || !hasNextPage(body, list.length, perPage)) return out;
	}
}
