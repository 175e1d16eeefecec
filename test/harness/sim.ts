import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { OAUTH_CLIENT } from '../zoho-sim/seed-data';
import { ZohoSim, type SimOptions } from '../zoho-sim/server';

/**
 * A Zoho Task Sync credential (Custom data centre) pointing at a running simulator, with a live token
 * pair granted exactly the product's scope list (`ZOHO_SCOPES`), as a user's consent would grant it.
 */
export function simCredential(
	sim: ZohoSim,
	tokens = sim.accounts.issue(OAUTH_CLIENT.clientId, undefined, ZOHO_SCOPES),
): ICredentialDataDecryptedObject {
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
		scope: ZOHO_SCOPES.join(','),
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
