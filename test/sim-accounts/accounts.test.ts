import { OAUTH_CLIENT, API_USER } from '../zoho-sim/seed-data';
import { ZohoSim } from '../zoho-sim/server';

/** Zoho Accounts in the simulator: authorize (auto-consent), token grants, refresh, revoke, expiry. */
describe('simulator: Zoho Accounts OAuth', () => {
	let sim: ZohoSim;
	beforeAll(async () => {
		sim = new ZohoSim();
		await sim.start();
	});
	afterAll(async () => await sim.stop());

	const form = (fields: Record<string, string>) =>
		fetch(`${sim.url}/oauth/v2/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields).toString() });
	const authorize = (query: Record<string, string>) => fetch(`${sim.url}/oauth/v2/auth?${new URLSearchParams(query)}`, { redirect: 'manual' });
	const client = { client_id: OAUTH_CLIENT.clientId, client_secret: OAUTH_CLIENT.clientSecret };
	const redirect = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';

	async function codeFlow() {
		const res = await authorize({ client_id: OAUTH_CLIENT.clientId, response_type: 'code', redirect_uri: redirect, scope: 'ZohoCRM.modules.tasks.ALL', access_type: 'offline', prompt: 'consent', state: 'xyz' });
		const location = new URL(String(res.headers.get('location')));
		return { res, location, code: String(location.searchParams.get('code')) };
	}

	it('consents automatically and redirects back with a code, the state and the accounts server', async () => {
		const { res, location } = await codeFlow();
		expect(res.status).toBe(302);
		expect(`${location.origin}${location.pathname}`).toBe(redirect);
		expect(location.searchParams.get('state')).toBe('xyz');
		expect(location.searchParams.get('accounts-server')).toBe(sim.url);
		expect(location.searchParams.get('code')).toMatch(/^1000\.code\./);
	});

	it('refuses an unknown client or a wrong response type', async () => {
		expect((await authorize({ client_id: 'nope', response_type: 'code', redirect_uri: redirect })).status).toBe(400);
		expect((await authorize({ client_id: OAUTH_CLIENT.clientId, response_type: 'token', redirect_uri: redirect })).status).toBe(400);
	});

	it('exchanges a code once for an access token, a refresh token and the api_domain', async () => {
		const { code } = await codeFlow();
		const res = await form({ ...client, grant_type: 'authorization_code', code, redirect_uri: redirect });
		const body = (await res.json()) as Record<string, unknown>;
		expect(res.status).toBe(200);
		expect(body).toMatchObject({ api_domain: sim.url, token_type: 'Bearer', expires_in: 3600 });
		expect(body.access_token).toMatch(/^1000\.access\./);
		expect(body.refresh_token).toMatch(/^1000\.refresh\./);
		// A code works once; Zoho answers a spent code with HTTP 200 and an error.
		const again = await form({ ...client, grant_type: 'authorization_code', code, redirect_uri: redirect });
		expect(await again.json()).toEqual({ error: 'invalid_code' });
	});

	it('refreshes without issuing a new refresh token, and counts refreshes', async () => {
		const { refresh_token } = sim.accounts.issue(OAUTH_CLIENT.clientId);
		const before = sim.accounts.refreshCount;
		const res = await form({ ...client, grant_type: 'refresh_token', refresh_token });
		const body = (await res.json()) as Record<string, unknown>;
		expect(body.access_token).toMatch(/^1000\.access\./);
		expect(body.refresh_token).toBeUndefined();
		expect(sim.accounts.refreshCount).toBe(before + 1);
		// The query-string form Zoho documents works too.
		const viaQuery = await fetch(`${sim.url}/oauth/v2/token?${new URLSearchParams({ ...client, grant_type: 'refresh_token', refresh_token })}`, { method: 'POST' });
		expect(((await viaQuery.json()) as Record<string, unknown>).access_token).toBeDefined();
	});

	// Zoho's official SDKs post the refresh as multipart/form-data (issue 10 item 6); the token endpoint
	// reads query, url-encoded and multipart forms alike. Its errors are `{"error":"<code>"}` [S22].
	it('refreshes and exchanges codes from a multipart/form-data body', async () => {
		const multipart = (fields: Record<string, string>) => {
			const data = new FormData();
			for (const [k, v] of Object.entries(fields)) data.append(k, v);
			return fetch(`${sim.url}/oauth/v2/token`, { method: 'POST', body: data });
		};
		const { refresh_token } = sim.accounts.issue(OAUTH_CLIENT.clientId);
		const before = sim.accounts.refreshCount;
		const res = await multipart({ ...client, grant_type: 'refresh_token', refresh_token });
		expect(res.status).toBe(200);
		const body = (await res.json()) as Record<string, unknown>;
		expect(body).toMatchObject({ api_domain: sim.url, token_type: 'Bearer', expires_in: 3600 });
		expect(body.access_token).toMatch(/^1000\.access\./);
		expect(sim.accounts.refreshCount).toBe(before + 1);
		const { code } = await codeFlow();
		const exchanged = (await (await multipart({ ...client, grant_type: 'authorization_code', code, redirect_uri: redirect })).json()) as Record<string, unknown>;
		expect(exchanged.refresh_token).toMatch(/^1000\.refresh\./);
		expect(await (await multipart({ ...client, grant_type: 'refresh_token', refresh_token: 'x' })).json()).toEqual({ error: 'invalid_code' });
	});

	it('answers token-endpoint errors in the Accounts shape, never a CRM or Projects body', async () => {
		// A JSON body carries no parameters for the token endpoint: no client → invalid_client.
		const jsonBody = await fetch(`${sim.url}/oauth/v2/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"client_id": ' });
		expect(await jsonBody.json()).toEqual({ error: 'invalid_client' });
		const broken = await fetch(`${sim.url}/oauth/v2/token`, { method: 'POST', headers: { 'content-type': 'multipart/form-data' }, body: 'x' });
		expect(broken.status).toBe(400);
		expect(await broken.json()).toEqual({ error: 'invalid_request' });
		sim.faults.add({ product: 'accounts', status: 429 });
		const throttled = await form({ ...client, grant_type: 'refresh_token', refresh_token: 'x' });
		expect(throttled.status).toBe(429);
		expect(await throttled.json()).toEqual({ error: 'too_many_requests', error_description: expect.stringContaining('too many requests') });
		sim.faults.add({ product: 'accounts', status: 500 });
		expect(await (await form({ ...client, grant_type: 'refresh_token', refresh_token: 'x' })).json()).toEqual({ error: expect.any(String) });
	});

	it('refuses a wrong secret, an unknown refresh token and an unknown grant', async () => {
		expect(await (await form({ ...client, client_secret: 'wrong', grant_type: 'refresh_token', refresh_token: 'x' })).json()).toEqual({ error: 'invalid_client' });
		expect(await (await form({ ...client, grant_type: 'refresh_token', refresh_token: 'x' })).json()).toEqual({ error: 'invalid_code' });
		expect(await (await form({ ...client, grant_type: 'password' })).json()).toEqual({ error: 'unsupported_grant_type' });
	});

	it('revokes a refresh token', async () => {
		const { refresh_token } = sim.accounts.issue(OAUTH_CLIENT.clientId);
		const res = await fetch(`${sim.url}/oauth/v2/token/revoke?token=${refresh_token}`, { method: 'POST' });
		expect(res.status).toBe(200);
		expect(await (await form({ ...client, grant_type: 'refresh_token', refresh_token })).json()).toEqual({ error: 'invalid_code' });
	});

	it('lets access tokens expire on the simulator clock, per product error shape', async () => {
		const { access_token } = sim.accounts.issue(OAUTH_CLIENT.clientId, API_USER.crmId);
		const call = (path: string) => fetch(`${sim.url}${path}`, { headers: { Authorization: `Zoho-oauthtoken ${access_token}` } });
		expect((await call('/crm/v8/users?type=CurrentUser')).status).toBe(200);
		sim.clock.advance(3601_000);
		const crm = await call('/crm/v8/users?type=CurrentUser');
		expect(crm.status).toBe(401);
		expect(await crm.json()).toMatchObject({ code: 'INVALID_TOKEN', status: 'error' });
		const projects = await call('/api/v3/portals');
		expect(projects.status).toBe(401);
		expect(await projects.json()).toMatchObject({ error: { title: 'INVALID_OAUTHTOKEN' } });
	});

	it('honours a configured token lifetime (expires_in and expiry on the simulator clock)', async () => {
		const short = new ZohoSim({ accounts: { tokenTtlSeconds: 60 } });
		await short.start();
		try {
			const issued = short.accounts.issue(OAUTH_CLIENT.clientId, API_USER.crmId);
			expect(issued.expires_in).toBe(60);
			const call = () => fetch(`${short.url}/crm/v8/users?type=CurrentUser`, { headers: { Authorization: `Zoho-oauthtoken ${issued.access_token}` } });
			short.clock.advance(59_000);
			expect((await call()).status).toBe(200);
			short.clock.advance(2_000);
			expect((await call()).status).toBe(401);
		} finally {
			await short.stop();
		}
	});

	// CRM accepts `Bearer` as well as `Zoho-oauthtoken` (n8n's own Zoho CRM node signs with Bearer [S19]).
	// Projects: no source says, so it stays strict unless relaxed (ASSUMPTIONS.md, "auth scheme").
	it('accepts Bearer on CRM; on Projects only Zoho-oauthtoken unless relaxed', async () => {
		const { access_token } = sim.accounts.issue(OAUTH_CLIENT.clientId);
		const call = (path: string, scheme: string) => fetch(`${sim.url}${path}`, { headers: { Authorization: `${scheme} ${access_token}` } });
		for (const scheme of ['Zoho-oauthtoken', 'Bearer']) expect({ scheme, status: (await call('/crm/v8/users?type=CurrentUser', scheme)).status }).toEqual({ scheme, status: 200 });
		const projects = await call('/api/v3/portals', 'Bearer');
		expect(projects.status).toBe(401);
		expect(await projects.json()).toMatchObject({ error: { status_code: '401', title: 'INVALID_OAUTHTOKEN' } });
		sim.accounts.options.acceptBearer = true;
		const relaxed = await call('/api/v3/portals', 'Bearer');
		sim.accounts.options.acceptBearer = false;
		expect(relaxed.status).toBe(200);
		// An unknown scheme still gets CRM's AUTHENTICATION_FAILURE.
		const basic = await call('/crm/v8/users?type=CurrentUser', 'Basic');
		expect(basic.status).toBe(401);
		expect(await basic.json()).toEqual({ code: 'AUTHENTICATION_FAILURE', details: {}, message: 'Authentication failed', status: 'error' });
	});
});
