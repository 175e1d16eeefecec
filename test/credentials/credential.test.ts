import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ZohoTaskSyncOAuth2Api } from '../../credentials/ZohoTaskSyncOAuth2Api.credentials';
import { DATA_CENTERS, ZOHO_SCOPES } from '../../nodes/shared/dataCenters';
import { crmBaseUrl, projectsBaseUrl, type ZohoCredential } from '../../nodes/shared/zohoRequest';
import { createNodeTypes } from '../harness/nodeTypes';

const credential = new ZohoTaskSyncOAuth2Api();
const prop = (name: string) => credential.properties.find((p) => p.name === name)!;

/** Resolve a credential field's default the way n8n does: an expression with the credential as `$self`. */
function resolve(field: string, self: ICredentialDataDecryptedObject): unknown {
	const node: INode = { id: '1', name: 'N', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} };
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: createNodeTypes() });
	return workflow.expression.getParameterValue(prop(field).default as string, null, 0, 0, 'N', [], 'internal', {}, undefined, false, self);
}

describe('Zoho Task Sync OAuth2 credential', () => {
	it('extends n8n OAuth2 with hidden fixed fields', () => {
		expect(credential.name).toBe('zohoTaskSyncOAuth2Api');
		expect(credential.extends).toEqual(['oAuth2Api']);
		for (const name of ['grantType', 'authUrl', 'accessTokenUrl', 'scope', 'authQueryParameters', 'authentication']) {
			expect(prop(name).type).toBe('hidden');
		}
		expect(prop('authQueryParameters').default).toBe('access_type=offline&prompt=consent');
		expect(prop('authentication').default).toBe('body');
		expect(credential.documentationUrl).toMatch(/^https:\/\//);
	});

	it('offers every Zoho data centre plus Custom', () => {
		const values = (prop('dataCenter').options as { value: string }[]).map((o) => o.value);
		expect(values).toEqual(['us', 'eu', 'in', 'au', 'jp', 'cn', 'ca', 'sa', 'custom']);
	});

	it('asks for the scopes of every product and module the nodes use', () => {
		const scope = String(prop('scope').default);
		for (const s of ['ZohoCRM.modules.tasks', 'ZohoCRM.modules.notes', 'ZohoCRM.modules.accounts', 'ZohoCRM.modules.deals', 'ZohoCRM.modules.contacts', 'ZohoCRM.users', 'ZohoCRM.notifications', 'ZohoCRM.settings.fields', 'ZohoProjects.portals', 'ZohoProjects.projects', 'ZohoProjects.tasks', 'ZohoProjects.tasklists', 'ZohoProjects.users', 'ZohoProjects.clients']) {
			expect(scope).toContain(s);
		}
		expect(scope.split(',')).toEqual(ZOHO_SCOPES);
	});

	it.each([
		['jp', 'https://accounts.zoho.jp'],
		['us', 'https://accounts.zoho.com'],
		['ca', 'https://accounts.zohocloud.ca'],
		['au', 'https://accounts.zoho.com.au'],
	])('derives the OAuth URLs of data centre %s', (dataCenter, accounts) => {
		expect(resolve('authUrl', { dataCenter })).toBe(`${accounts}/oauth/v2/auth`);
		expect(resolve('accessTokenUrl', { dataCenter })).toBe(`${accounts}/oauth/v2/token`);
	});

	it('uses the custom Accounts URL for Custom (simulator or proxy)', () => {
		expect(resolve('accessTokenUrl', { dataCenter: 'custom', customAccountsUrl: 'http://127.0.0.1:8090/' })).toBe('http://127.0.0.1:8090/oauth/v2/token');
	});
});

describe('custom data centre', () => {
	it('warns, only for custom URLs, that tokens and the client secret go to them and plain http is for this machine only', () => {
		const notice = prop('customUrlNotice');
		expect(notice.type).toBe('notice');
		expect(notice.displayOptions).toEqual({ show: { dataCenter: ['custom'] } });
		expect(notice.displayName).toMatch(/tokens and the client secret/);
		expect(notice.displayName).toMatch(/https.*127\.0\.0\.1/);
	});
});

describe('base URLs', () => {
	const cred = (dataCenter: string, extra: Partial<ZohoCredential> = {}): ZohoCredential => ({ dataCenter, ...extra });

	it("takes CRM's host from the token's api_domain when it lies in the chosen data centre", () => {
		expect(crmBaseUrl(cred('jp', { oauthTokenData: { api_domain: 'https://www.zohoapis.jp' } }))).toBe('https://www.zohoapis.jp');
		expect(crmBaseUrl(cred('au', { oauthTokenData: { api_domain: 'https://sandbox.zohoapis.com.au/' } }))).toBe('https://sandbox.zohoapis.com.au');
	});

	it('the named data centre wins over an api_domain left from a token of another one (or not https)', () => {
		expect(crmBaseUrl(cred('us', { oauthTokenData: { api_domain: 'https://www.zohoapis.jp' } }))).toBe('https://www.zohoapis.com');
		expect(crmBaseUrl(cred('au', { oauthTokenData: { api_domain: 'https://www.zohoapis.com' } }))).toBe('https://www.zohoapis.com.au');
		expect(crmBaseUrl(cred('eu', { oauthTokenData: { api_domain: 'http://www.zohoapis.eu' } }))).toBe('https://www.zohoapis.eu');
	});

	it('falls back to the data centre table when the token has no api_domain', () => {
		for (const [dc, hosts] of Object.entries(DATA_CENTERS).filter(([k]) => k !== 'custom')) {
			expect(crmBaseUrl(cred(dc))).toBe(hosts.crm);
			expect(projectsBaseUrl(cred(dc))).toBe(hosts.projects);
		}
	});

	it('names the hosts Zoho publishes for every data centre (reference §1.2), not a copy of the table', () => {
		const expected: Record<string, [string, string]> = {
			us: ['https://www.zohoapis.com', 'https://projectsapi.zoho.com'],
			eu: ['https://www.zohoapis.eu', 'https://projectsapi.zoho.eu'],
			in: ['https://www.zohoapis.in', 'https://projectsapi.zoho.in'],
			au: ['https://www.zohoapis.com.au', 'https://projectsapi.zoho.com.au'],
			jp: ['https://www.zohoapis.jp', 'https://projectsapi.zoho.jp'],
			cn: ['https://www.zohoapis.com.cn', 'https://projectsapi.zoho.com.cn'],
			// Canada: accounts and Projects on zohocloud.ca, CRM on zohoapis.ca (confirmed for issue 10 from
			// Zoho CRM v8 "Multi DC Support", Zoho Accounts multi-DC and the Bigin multi-DC table; see dataCenters.ts).
			ca: ['https://www.zohoapis.ca', 'https://projectsapi.zohocloud.ca'],
			sa: ['https://www.zohoapis.sa', 'https://projectsapi.zoho.sa'],
		};
		for (const [dc, [crm, projects]] of Object.entries(expected)) {
			expect([dc, crmBaseUrl(cred(dc)), projectsBaseUrl(cred(dc))]).toEqual([dc, crm, projects]);
		}
		expect(DATA_CENTERS.ca.accounts).toBe('https://accounts.zohocloud.ca');
		expect(DATA_CENTERS.jp.accounts).toBe('https://accounts.zoho.jp');
	});

	it('never derives the Projects host from api_domain', () => {
		expect(projectsBaseUrl(cred('jp', { oauthTokenData: { api_domain: 'https://www.zohoapis.jp' } }))).toBe('https://projectsapi.zoho.jp');
	});

	it('uses the three custom URLs for Custom, without trailing slashes', () => {
		const c = cred('custom', { customCrmUrl: 'http://127.0.0.1:1/', customProjectsUrl: 'http://127.0.0.1:2', oauthTokenData: { api_domain: 'https://www.zohoapis.com' } });
		expect(crmBaseUrl(c)).toBe('http://127.0.0.1:1');
		expect(projectsBaseUrl(c)).toBe('http://127.0.0.1:2');
	});
});
