import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { OAUTH_CLIENT } from '../zoho-sim/seed-data';
import { ZohoSim, type SimOptions } from '../zoho-sim/server';

/** A Zoho Task Sync credential (Custom data centre) pointing at a running simulator, with a live token pair. */
export function simCredential(sim: ZohoSim, tokens = sim.accounts.issue(OAUTH_CLIENT.clientId)): ICredentialDataDecryptedObject {
	return {
		dataCenter: 'custom',
		customAccountsUrl: sim.url,
		customCrmUrl: sim.url,
		customProjectsUrl: sim.url,
		grantType: 'authorizationCode',
		clientId: OAUTH_CLIENT.clientId,
		clientSecret: OAUTH_CLIENT.clientSecret,
		authUrl: `${sim.url}/oauth/v2/auth`,
		accessTokenUrl: `${sim.url}/oauth/v2/token`,
		scope: 'ZohoCRM.modules.ALL',
		authQueryParameters: 'access_type=offline&prompt=consent',
		authentication: 'body',
		oauthTokenData: { ...tokens, token_type: 'Bearer' },
	};
}

/** Start a seeded simulator; callers stop it in afterAll. */
export async function startSim(options: SimOptions = {}): Promise<ZohoSim> {
	const sim = new ZohoSim(options);
	await sim.start();
	return sim;
}

export const CREDENTIAL_REF = { zohoTaskSyncOAuth2Api: { id: 'cred-1', name: 'Zoho (simulator)' } };
