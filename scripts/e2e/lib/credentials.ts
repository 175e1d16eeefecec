/**
 * The two credentials the templates use, pointing at the simulator and the SMTP sink, and their
 * import with n8n's CLI (`import:credentials`, run before the server starts: it encrypts `data`,
 * keeps the ids given here and works the same on 1.123 and 2.x). The OAuth2 token is one the
 * simulator issued directly, so no consent screen is involved.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { ZOHO_SCOPES } from '../../../nodes/shared/dataCenters';

/** Credential ids are chosen here, so template placeholders can be replaced before import. */
export const ZOHO_CREDENTIAL_ID = 'ztsZohoSimCred01';
export const SMTP_CREDENTIAL_ID = 'ztsSmtpSinkCred1';

export interface CredentialFile {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface ZohoTokens {
	access_token: string;
	refresh_token: string;
	api_domain?: string;
	token_type?: string;
	expires_in?: number;
}

/**
 * Ask the simulator for a token pair (`POST /_sim/tokens`), acting as `userId` (default: the seeded API
 * user), granted exactly the credential's scope list (`ZOHO_SCOPES`, the `scope` the credential below asks for).
 */
export async function simTokens(simUrl: string, userId?: string): Promise<ZohoTokens & { clientId: string; clientSecret: string }> {
	const body = { scopes: [...ZOHO_SCOPES], ...(userId ? { userId } : {}) };
	const res = await fetch(`${simUrl}/_sim/tokens`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	if (!res.ok) throw new Error(`simulator token issue failed: ${res.status} ${await res.text()}`);
	return (await res.json()) as ZohoTokens & { clientId: string; clientSecret: string };
}

/** The Zoho credential (data centre Custom: every URL is the simulator). */
export function zohoCredential(simUrl: string, client: { clientId: string; clientSecret: string }, tokens: ZohoTokens, name = 'Zoho (simulator)'): CredentialFile {
	return {
		id: ZOHO_CREDENTIAL_ID,
		name,
		type: 'zohoTaskSyncOAuth2Api',
		data: {
			dataCenter: 'custom',
			customAccountsUrl: simUrl,
			customCrmUrl: simUrl,
			customProjectsUrl: simUrl,
			clientId: client.clientId,
			clientSecret: client.clientSecret,
			grantType: 'authorizationCode',
			authUrl: `${simUrl}/oauth/v2/auth`,
			accessTokenUrl: `${simUrl}/oauth/v2/token`,
			scope: ZOHO_SCOPES.join(','),
			authQueryParameters: 'access_type=offline&prompt=consent',
			authentication: 'body',
			oauthTokenData: {
				access_token: tokens.access_token,
				refresh_token: tokens.refresh_token,
				api_domain: tokens.api_domain ?? simUrl,
				token_type: tokens.token_type ?? 'Bearer',
				...(tokens.expires_in ? { expires_in: tokens.expires_in } : {}),
			},
		},
	};
}

/** n8n's SMTP credential for the sink: no TLS, any user. */
export function smtpCredential(port: number, host = '127.0.0.1', name = 'SMTP sink'): CredentialFile {
	return {
		id: SMTP_CREDENTIAL_ID,
		name,
		type: 'smtp',
		data: { user: 'n8n', password: 'sink', host, port, secure: false, disableStartTls: true },
	};
}

/** Write the credentials to `<folder>/credentials.json` for `n8n import:credentials --input=…`. */
export function writeCredentialsFile(folder: string, credentials: CredentialFile[]): string {
	const file = join(folder, 'credentials.json');
	writeFileSync(file, JSON.stringify(credentials, null, 2));
	return file;
}
