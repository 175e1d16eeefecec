/**
 * Zoho Accounts: the OAuth authorize (auto-consent) and token endpoints, and the access-token check
 * every CRM and Projects route goes through.
 */
import { randomBytes } from 'node:crypto';

import type { Router, SimClock, SimRequest, SimResponse } from './kit';
import { json } from './kit';
import { grantScopes, missingScopes, type ScopeNeed } from './scopes';

export interface OAuthClient {
	clientId: string;
	clientSecret: string;
	/** The user whose data the tokens act on (a CRM user id; Projects maps it by e-mail). */
	userId: string;
}

interface TokenRecord {
	clientId: string;
	userId: string;
	expiresAt: number;
	/** The scopes the consent granted (unknown names already dropped). */
	scopes: string[];
}

export interface AccountsOptions {
	/** Access-token lifetime in seconds (Zoho: 3600). */
	tokenTtlSeconds: number;
	/**
	 * Accept `Authorization: Bearer` on Projects too. CRM always accepts it: real Zoho CRM takes a
	 * Bearer token (n8n's own Zoho CRM node signs so [S19]); for Projects no source says, so the
	 * default is strict (ASSUMPTIONS.md).
	 */
	acceptBearer: boolean;
	/**
	 * Refuse a route whose scope the token lacks (Projects 401 `INVALID_OAUTHSCOPE`, CRM 401
	 * `OAUTH_SCOPE_MISMATCH`), as Zoho does. Default on.
	 */
	enforceScopes: boolean;
	/**
	 * Scopes of tokens issued directly (`issue()` without scopes, `POST /_sim/tokens`): the product
	 * credential's own list, so tests run with what a user's consent grants.
	 */
	defaultScopes: readonly string[];
}

const token = (prefix: string) => `${prefix}.${randomBytes(16).toString('hex')}`;

export class Accounts {
	clients: OAuthClient[] = [];
	accessTokens = new Map<string, TokenRecord>();
	refreshTokens = new Map<string, { clientId: string; userId: string; scopes: string[] }>();
	private codes = new Map<string, { clientId: string; userId: string; redirectUri: string; scopes: string[] }>();
	/** Number of successful refresh_token grants (tests assert a refresh happened exactly once). */
	refreshCount = 0;

	constructor(
		private clock: SimClock,
		private baseUrl: () => string,
		public options: AccountsOptions,
	) {}

	addClient(client: OAuthClient): void {
		this.clients.push(client);
	}

	/**
	 * Issue a token pair directly (seeding credentials for tests, the demo and `npm run sim`), as if
	 * the user had consented to `scopes` (default: `options.defaultScopes`, the product's list).
	 */
	issue(
		clientId: string,
		userId?: string,
		scopes?: string | readonly string[],
	): { access_token: string; refresh_token: string; api_domain: string; expires_in: number; scope: string } {
		const client = this.clients.find((c) => c.clientId === clientId);
		if (!client) throw new Error(`unknown client ${clientId}`);
		const uid = userId ?? client.userId;
		const granted = grantScopes(scopes ?? this.options.defaultScopes);
		const refresh = token('1000.refresh');
		this.refreshTokens.set(refresh, { clientId, userId: uid, scopes: granted });
		return { ...this.newAccessToken(clientId, uid, granted), refresh_token: refresh };
	}

	/** Make every live access token expire now (the next call gets 401 INVALID_TOKEN). */
	expireAll(): void {
		for (const rec of this.accessTokens.values()) rec.expiresAt = this.clock.now() - 1;
	}

	private newAccessToken(clientId: string, userId: string, scopes: string[]) {
		const access = token('1000.access');
		this.accessTokens.set(access, {
			clientId,
			userId,
			expiresAt: this.clock.now() + this.options.tokenTtlSeconds * 1000,
			scopes,
		});
		// `scope` echoes what was granted (space-separated; ASSUMPTIONS.md), so a client can see dropped names [P27].
		return { access_token: access, scope: scopes.join(' '), api_domain: this.baseUrl(), token_type: 'Bearer', expires_in: this.options.tokenTtlSeconds };
	}

	register(router: Router): void {
		router.add('accounts', 'GET', '/oauth/v2/auth', (req) => this.authorize(req));
		router.add('accounts', 'POST', '/oauth/v2/token', (req) => this.token(req));
		router.add('accounts', 'POST', '/oauth/v2/token/revoke', (req) => this.revoke(req));
	}

	/** Auto-consent: redirect straight back with a code, as Zoho does after the user clicks Accept. */
	private authorize(req: SimRequest): SimResponse {
		const q = req.query;
		const client = this.clients.find((c) => c.clientId === q.get('client_id'));
		const redirectUri = q.get('redirect_uri');
		if (!client || !redirectUri) return json(400, { error: 'invalid_client' });
		if (q.get('response_type') !== 'code') return json(400, { error: 'unsupported_response_type' });
		const code = token('1000.code');
		// The consent grants the scope names it knows and silently drops the rest [P27].
		this.codes.set(code, { clientId: client.clientId, userId: client.userId, redirectUri, scopes: grantScopes(q.get('scope')) });
		const target = new URL(redirectUri);
		target.searchParams.set('code', code);
		target.searchParams.set('location', 'us');
		target.searchParams.set('accounts-server', this.baseUrl());
		const state = q.get('state');
		if (state) target.searchParams.set('state', state);
		return { status: 302, headers: { location: target.toString() } };
	}

	private token(req: SimRequest): SimResponse {
		// Zoho takes the parameters in the query string or a form body.
		const form = { ...Object.fromEntries(req.query), ...((req.body as Record<string, string>) ?? {}) };
		const client = this.clients.find((c) => c.clientId === form.client_id);
		if (!client || client.clientSecret !== form.client_secret) return json(200, { error: 'invalid_client' });
		if (form.grant_type === 'authorization_code') {
			const grant = this.codes.get(form.code);
			if (!grant || grant.clientId !== client.clientId) return json(200, { error: 'invalid_code' });
			this.codes.delete(form.code);
			const refresh = token('1000.refresh');
			this.refreshTokens.set(refresh, { clientId: client.clientId, userId: grant.userId, scopes: grant.scopes });
			return json(200, { ...this.newAccessToken(client.clientId, grant.userId, grant.scopes), refresh_token: refresh });
		}
		if (form.grant_type === 'refresh_token') {
			const grant = this.refreshTokens.get(form.refresh_token);
			if (!grant || grant.clientId !== client.clientId) return json(200, { error: 'invalid_code' });
			this.refreshCount++;
			// Zoho's refresh answer carries no new refresh token.
			return json(200, this.newAccessToken(client.clientId, grant.userId, grant.scopes));
		}
		return json(200, { error: 'unsupported_grant_type' });
	}

	private revoke(req: SimRequest): SimResponse {
		const t = req.query.get('token') ?? (req.body as Record<string, string> | undefined)?.token;
		if (t) this.refreshTokens.delete(t);
		return json(200, { status: 'success' });
	}

	/**
	 * The user behind a request, or Zoho's 401 in the product's own shape.
	 * CRM: `{code:'INVALID_TOKEN',...}`; Projects V3: `{error:{title:'INVALID_OAUTHTOKEN',...}}`.
	 */
	authenticate(req: SimRequest): { userId: string; scopes: string[] } | SimResponse {
		const header = String(req.headers.authorization ?? '');
		const [scheme, value] = header.split(/\s+/, 2);
		const schemeOk = scheme === 'Zoho-oauthtoken' || (scheme === 'Bearer' && (req.product === 'crm' || this.options.acceptBearer));
		const rec = schemeOk && value ? this.accessTokens.get(value) : undefined;
		if (rec && rec.expiresAt > this.clock.now()) return { userId: rec.userId, scopes: rec.scopes };
		if (req.product === 'projects') {
			return json(401, {
				error: {
					status_code: '401',
					title: 'INVALID_OAUTHTOKEN',
					error_type: 'OAUTH_ERROR',
					details: [{ message: 'Invalid OAuth access token.' }],
				},
			});
		}
		if (!schemeOk && header) {
			return json(401, { code: 'AUTHENTICATION_FAILURE', details: {}, message: 'Authentication failed', status: 'error' });
		}
		return json(401, { code: 'INVALID_TOKEN', details: {}, message: 'invalid oauth token', status: 'error' });
	}

	/**
	 * Zoho's answer when the token's scopes do not cover the route (`need`), or undefined when they do.
	 * Projects V3: 401 `INVALID_OAUTHSCOPE` in the V3 error shape (reference §1.3/§3; the detail message
	 * and `error_type` are assumed). CRM: 401 `OAUTH_SCOPE_MISMATCH` in CRM's `{code,details,message,status}`
	 * shape [S8]; whether Zoho names the missing scope is unknown, so `details` stays empty.
	 */
	checkScope(req: SimRequest, granted: readonly string[], need: ScopeNeed): SimResponse | undefined {
		if (!this.options.enforceScopes || missingScopes(granted, need).length === 0) return undefined;
		if (req.product === 'projects') {
			return json(401, {
				error: {
					status_code: '401',
					title: 'INVALID_OAUTHSCOPE',
					error_type: 'OAUTH_ERROR',
					details: [{ message: 'Invalid OAuth scope.' }],
				},
			});
		}
		return json(401, { code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: 'invalid oauth scope to access this URL', status: 'error' });
	}
}
