import type {
	IAllExecuteFunctions,
	IDataObject,
	IHttpRequestMethods,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { DATA_CENTERS } from './dataCenters';

export const ZOHO_CREDENTIAL = 'zohoTaskSyncOAuth2Api';

export type ZohoProduct = 'crm' | 'projects';

export interface ZohoCredential {
	dataCenter: string;
	customAccountsUrl?: string;
	customCrmUrl?: string;
	customProjectsUrl?: string;
	/** Seconds to wait for an answer (credential field; 30 when absent, as in credentials saved before it). */
	requestTimeout?: number;
	oauthTokenData?: { access_token?: string; api_domain?: string };
}

export const DEFAULT_TIMEOUT_S = 30;

/** A call Zoho did not answer in time, or that never reached it: the transports retry reads, never writes. */
export class ZohoUnreachable extends NodeApiError {
	timedOut = false;
}

export interface ZohoRequest {
	method: IHttpRequestMethods;
	/** Path below the product's base URL, e.g. `/crm/v8/Tasks` or `/api/v3/portal/1/projects`. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[];
	headers?: Record<string, string>;
	/** Called before the call is sent again with a refreshed token (the Projects transport counts it in its budget). */
	beforeRetry?: () => Promise<void>;
}

export interface ZohoResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
}

const trimSlash = (url: string) => url.replace(/\/+$/, '');

/** The registrable end of a host: `zohoapis.com.au` of `https://www.zohoapis.com.au`. */
const apiSuffix = (url: string): string => {
	try {
		return new URL(url).hostname.replace(/^.*?(zohoapis\.)/, '$1');
	} catch {
		return '';
	}
};

/**
 * CRM base URL: the custom URL, else the `api_domain` Zoho returned with the token when it lies in the
 * chosen data centre, else the DC table. The named data centre wins: an `api_domain` left from a token of
 * another data centre (the credential was switched, the token not yet renewed) must not keep receiving
 * the CRM traffic.
 */
export function crmBaseUrl(credential: ZohoCredential): string {
	if (credential.dataCenter === 'custom') return trimSlash(credential.customCrmUrl ?? '');
	const table = (DATA_CENTERS[credential.dataCenter] ?? DATA_CENTERS.us).crm;
	const fromToken = credential.oauthTokenData?.api_domain;
	return trimSlash(fromToken && /^https:\/\//.test(fromToken) && apiSuffix(fromToken) === apiSuffix(table) ? fromToken : table);
}

/** Projects base URL: never `api_domain` (Zoho answers 404 for Projects on www.zohoapis.*). */
export function projectsBaseUrl(credential: ZohoCredential): string {
	if (credential.dataCenter === 'custom') return trimSlash(credential.customProjectsUrl ?? '');
	return (DATA_CENTERS[credential.dataCenter] ?? DATA_CENTERS.us).projects;
}

export function baseUrl(credential: ZohoCredential, product: ZohoProduct): string {
	return product === 'crm' ? crmBaseUrl(credential) : projectsBaseUrl(credential);
}

/** Zoho's expired-token answer: CRM says INVALID_TOKEN, Projects V3 says INVALID_OAUTHTOKEN. */
function isExpiredToken(response: ZohoResponse): boolean {
	if (response.statusCode !== 401) return false;
	const body = (response.body ?? {}) as IDataObject;
	const error = (Array.isArray(body.error) ? body.error[0] : body.error) as IDataObject | undefined;
	const code = body.code ?? error?.title ?? error?.code;
	return code === 'INVALID_TOKEN' || code === 'INVALID_OAUTHTOKEN';
}

function parseBody(body: unknown): unknown {
	if (typeof body !== 'string') return body;
	if (body === '') return undefined;
	try {
		return JSON.parse(body);
	} catch {
		return body;
	}
}

/**
 * The one authenticated request every node makes. Zoho documents `Authorization: Zoho-oauthtoken`,
 * which n8n's OAuth2 signing cannot produce (it only emits `Bearer`), so the token is read from the
 * credential here; an expired token is refreshed through n8n, which stores it, and the call is
 * retried once. HTTP errors are returned, not thrown: each product's transport reads Zoho's bodies.
 */
export async function zohoRequest(
	this: IAllExecuteFunctions,
	product: ZohoProduct,
	request: ZohoRequest,
): Promise<ZohoResponse> {
	const credential = (await this.getCredentials(ZOHO_CREDENTIAL)) as unknown as ZohoCredential;
	const base = baseUrl(credential, product);
	if (!base) {
		throw new NodeApiError(this.getNode(), {} as JsonObject, {
			message: `The Zoho credential has no ${product === 'crm' ? 'CRM' : 'Projects'} API URL`,
			description: 'With the Custom data center, fill in every URL field of the credential.',
		});
	}
	const timeout = Math.min(300, Math.max(1, Number(credential.requestTimeout) || DEFAULT_TIMEOUT_S)) * 1000;
	const token = await currentToken(credential.oauthTokenData?.access_token);
	let response = await send.call(this, base, request, token, timeout);
	if (isExpiredToken(response)) {
		const refreshed = await refreshOnce.call(this, token);
		await request.beforeRetry?.();
		response = await send.call(this, base, request, refreshed, timeout);
	}
	return response;
}

/**
 * Refreshes in flight or done in this process, by the token they replaced. Executions that start
 * with the same expired token (many at once, at the hour) share one refresh instead of each asking
 * Zoho's token endpoint, and a token already replaced is not sent again to meet a 401 — each such
 * 401 is one more call in Zoho Projects' 100-per-2-minutes count. Tokens live here as they do in the
 * credential, in this process's memory only; a few are kept, the oldest dropped first.
 */
const replaced = new Map<string, Promise<string>>();
const REPLACED_KEPT = 20;

async function currentToken(token: string | undefined): Promise<string | undefined> {
	let current = token;
	// Follow the chain of replacements (a refreshed token expires in its turn); each link is one refresh.
	for (let hops = 0; current && replaced.has(current) && hops < REPLACED_KEPT; hops++) {
		try {
			current = await replaced.get(current)!;
		} catch {
			return current;
		}
	}
	return current;
}

async function refreshOnce(this: IAllExecuteFunctions, expired: string | undefined): Promise<string> {
	if (!expired) return await refreshToken.call(this, expired);
	let pending = replaced.get(expired);
	if (!pending) {
		pending = refreshToken.call(this, expired);
		replaced.set(expired, pending);
		// A refused refresh is not shared: the next call asks Zoho again (and says so to its own user).
		pending.catch(() => replaced.get(expired) === pending && replaced.delete(expired));
		while (replaced.size > REPLACED_KEPT) replaced.delete(replaced.keys().next().value!);
	}
	return await pending;
}


const RECONNECT =
	'Open the Zoho Task Sync credential and click "Reconnect" (the refresh token was revoked, expired, or belongs to another data center).';

/**
 * Refresh through n8n (which stores the new token). Zoho may answer a dead refresh token with
 * HTTP 200 and `{error}`; n8n then keeps the old token data, so "same token as before" means refused.
 */
async function refreshToken(this: IAllExecuteFunctions, expired: string | undefined): Promise<string> {
	let refreshed: { access_token?: string; error?: string } | undefined;
	try {
		refreshed = (await this.helpers.refreshOAuth2Token.call(this, ZOHO_CREDENTIAL)) as typeof refreshed;
	} catch (error) {
		throw new NodeApiError(this.getNode(), refusal(error), {
			message: 'Zoho refused to refresh the access token',
			description: RECONNECT,
		});
	}
	if (!refreshed?.access_token || refreshed.access_token === expired) {
		const refused = refusal(refreshed);
		throw new NodeApiError(this.getNode(), refused, {
			message: `Zoho refused to refresh the access token${refused.error ? ` (${String(refused.error)})` : ''}`,
			description: RECONNECT,
		});
	}
	return refreshed.access_token;
}

/**
 * What an error may keep of a refused refresh: Zoho's error code and the HTTP status. n8n merges the
 * old token data (access and refresh token) into what it hands back, and saves a node's error with the
 * execution, so nothing else of it is passed on.
 */
function refusal(from: unknown): JsonObject {
	const e = (from ?? {}) as { error?: unknown; httpCode?: unknown; statusCode?: unknown; response?: { status?: unknown; data?: { error?: unknown } } };
	const code = [e.error, e.response?.data?.error].find((c): c is string => typeof c === 'string' && /^[\w.-]{1,64}$/.test(c));
	const status = [e.response?.status, e.statusCode, e.httpCode].find((c) => typeof c === 'number' || (typeof c === 'string' && /^\d{3}$/.test(c)));
	return { ...(code && { error: code }), ...(status !== undefined && { status: String(status) }) };
}

async function send(
	this: IAllExecuteFunctions,
	base: string,
	request: ZohoRequest,
	token: string | undefined,
	timeout: number,
): Promise<ZohoResponse> {
	try {
		// Not httpRequestWithAuthentication: n8n's OAuth2 signing can only send `Bearer`, and Zoho documents
		// `Zoho-oauthtoken`; the refresh still goes through n8n's refreshOAuth2Token (see zohoRequest).
		const response = (await this.helpers.httpRequest({
			method: request.method,
			url: base + request.path,
			qs: request.qs,
			body: request.body,
			json: request.body !== undefined,
			headers: { Accept: 'application/json', ...request.headers, Authorization: `Zoho-oauthtoken ${token ?? ''}` },
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
			timeout,
		})) as IN8nHttpFullResponse;
		return {
			statusCode: response.statusCode,
			headers: response.headers as Record<string, string>,
			body: parseBody(response.body),
		};
	} catch (error) {
		// Only the network error's code is kept: the request it carries holds the Authorization header.
		const code = String((error as { code?: unknown }).code ?? (error as { cause?: { code?: unknown } }).cause?.code ?? '');
		const timedOut = /ETIMEDOUT|ECONNABORTED|ESOCKETTIMEDOUT/.test(code) || /timeout/i.test(String((error as Error).message));
		const unreachable = new ZohoUnreachable(this.getNode(), { network: /^[A-Z_]{1,40}$/.test(code) ? code : 'NETWORK' }, {
			message: timedOut ? `Zoho did not answer within ${timeout / 1000} s (${base})` : `Could not reach Zoho at ${base}`,
			description: timedOut
				? 'Zoho may still apply a write it did not answer: writes are not sent again; the next sync (or Reconcile) sees what Zoho holds. Raise the Request Timeout of the credential if Zoho is slow.'
				: 'Check the data center of the credential and the network between n8n and Zoho.',
		});
		unreachable.timedOut = timedOut;
		throw unreachable;
	}
}
