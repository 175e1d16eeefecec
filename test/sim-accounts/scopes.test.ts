/**
 * The consent grants the scope names Zoho knows (dropping the rest silently [P27]), the token
 * answer echoes what was granted, and a refresh keeps the grant; over real HTTP.
 */
import { ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { grantScopes, missingScopes } from '../zoho-sim/scopes';
import { OAUTH_CLIENT } from '../zoho-sim/seed-data';
import { ZohoSim } from '../zoho-sim/server';

describe('simulator: scopes granted by the consent', () => {
	let sim: ZohoSim;
	beforeAll(async () => {
		sim = new ZohoSim();
		await sim.start();
	});
	afterAll(async () => await sim.stop());

	const redirect = 'http://127.0.0.1:5678/rest/oauth2-credential/callback';
	const client = { client_id: OAUTH_CLIENT.clientId, client_secret: OAUTH_CLIENT.clientSecret };
	const token = async (fields: Record<string, string>) =>
		(await (
			await fetch(`${sim.url}/oauth/v2/token`, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ ...client, ...fields }).toString(),
			})
		).json()) as Record<string, string>;

	async function consent(scope: string) {
		const res = await fetch(`${sim.url}/oauth/v2/auth?${new URLSearchParams({ client_id: OAUTH_CLIENT.clientId, response_type: 'code', redirect_uri: redirect, scope })}`, { redirect: 'manual' });
		const code = String(new URL(String(res.headers.get('location'))).searchParams.get('code'));
		return await token({ grant_type: 'authorization_code', code, redirect_uri: redirect });
	}

	const crmCreate = async (accessToken: string) =>
		await fetch(`${sim.url}/crm/v8/Tasks`, {
			method: 'POST',
			headers: { Authorization: `Zoho-oauthtoken ${accessToken}`, 'content-type': 'application/json' },
			body: JSON.stringify({ data: [{ Subject: 'Scoped' }] }),
		});

	it('grants the known names, drops unknown ones and echoes the grant in `scope`', async () => {
		const body = await consent('ZohoCRM.modules.tasks.READ,ZohoProjects.settings.ALL,ZohoCRM.nonsense,ZohoProjects.tasks.ALL');
		expect(body.scope).toBe('ZohoCRM.modules.tasks.READ ZohoProjects.tasks.ALL');
		expect((await crmCreate(body.access_token)).status).toBe(401);
	});

	it('keeps the grant on refreshed tokens', async () => {
		const first = await consent('ZohoCRM.modules.tasks.READ');
		const refreshed = await token({ grant_type: 'refresh_token', refresh_token: first.refresh_token });
		expect(refreshed.scope).toBe('ZohoCRM.modules.tasks.READ');
		const res = await crmCreate(refreshed.access_token);
		expect(res.status).toBe(401);
		expect(await res.json()).toEqual({ code: 'OAUTH_SCOPE_MISMATCH', details: {}, message: expect.any(String), status: 'error' });
	});

	it('grants the product credential its whole scope list (every name is one Zoho knows)', async () => {
		expect(grantScopes(ZOHO_SCOPES)).toEqual([...ZOHO_SCOPES]);
		const body = await consent(ZOHO_SCOPES.join(','));
		expect(body.scope.split(' ')).toEqual([...ZOHO_SCOPES]);
		expect((await crmCreate(body.access_token)).status).toBe(201);
	});

	it('issues direct tokens with the product list by default, or the scopes asked for', () => {
		expect(sim.accounts.issue(OAUTH_CLIENT.clientId).scope.split(' ')).toEqual([...ZOHO_SCOPES]);
		expect(sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, ['ZohoCRM.users.READ', 'Bogus.x.ALL']).scope).toBe('ZohoCRM.users.READ');
	});

	it('matches scopes as Zoho does: ALL covers below it, WRITE covers CREATE and UPDATE, case does not matter', () => {
		expect(missingScopes(['ZohoCRM.modules.ALL'], [['ZohoCRM.modules.tasks.CREATE']])).toEqual([]);
		expect(missingScopes(['ZohoCRM.settings.all'], [['ZohoCRM.settings.fields.READ']])).toEqual([]);
		expect(missingScopes(['ZohoCRM.modules.tasks.WRITE'], [['ZohoCRM.modules.tasks.UPDATE']])).toEqual([]);
		expect(missingScopes(['ZohoCRM.modules.tasks.READ'], [['ZohoCRM.modules.tasks.CREATE']])).toEqual(['ZohoCRM.modules.tasks.CREATE']);
		expect(missingScopes(['ZohoCRM.modules.tasks.ALL'], [['ZohoCRM.modules.notes.READ']])).toEqual(['ZohoCRM.modules.notes.READ']);
		expect(missingScopes(['ZohoProjects.tasks.all'], [['ZohoProjects.tasks.DELETE']])).toEqual([]);
	});
});
