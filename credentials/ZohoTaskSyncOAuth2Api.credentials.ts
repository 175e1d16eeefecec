import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { DATA_CENTERS, ZOHO_SCOPES } from '../nodes/shared/dataCenters';

const dcOptions = Object.entries(DATA_CENTERS).map(([value, dc]) => ({ name: dc.label, value }));

// Every URL is derived from the data centre, so one credential serves CRM and Projects everywhere.
const customOnly = { show: { dataCenter: ['custom'] } };

export class ZohoTaskSyncOAuth2Api implements ICredentialType {
	name = 'zohoTaskSyncOAuth2Api';

	extends = ['oAuth2Api'];

	displayName = 'Zoho Task Sync OAuth2 API';

	icon: Icon = { light: 'file:zohoTaskSync.svg', dark: 'file:zohoTaskSync.dark.svg' };

	documentationUrl =
		'https://github.com/zoho-task-sync/n8n-nodes-zoho-task-sync#create-the-zoho-api-client';

	properties: INodeProperties[] = [
		{
			displayName: 'Grant Type',
			name: 'grantType',
			type: 'hidden',
			default: 'authorizationCode',
		},
		{
			displayName: 'Data Center',
			name: 'dataCenter',
			type: 'options',
			options: dcOptions,
			default: 'us',
			description:
				'Where your Zoho organisation lives (the domain you sign in at, e.g. zoho.jp for Japan)',
		},
		{
			displayName:
				'The access and refresh tokens and the client secret are sent to the URLs below. Use https; plain http only for a simulator or proxy on this machine (127.0.0.1).',
			name: 'customUrlNotice',
			type: 'notice',
			default: '',
			displayOptions: customOnly,
		},
		{
			displayName: 'Accounts URL',
			name: 'customAccountsUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8090',
			description: 'Base URL of the Zoho Accounts server (a simulator or proxy)',
			displayOptions: customOnly,
		},
		{
			displayName: 'CRM API URL',
			name: 'customCrmUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8090',
			description: 'Base URL of the Zoho CRM API, without /crm/v8',
			displayOptions: customOnly,
		},
		{
			displayName: 'Projects API URL',
			name: 'customProjectsUrl',
			type: 'string',
			default: '',
			placeholder: 'http://127.0.0.1:8090',
			description: 'Base URL of the Zoho Projects API, without /api/v3',
			displayOptions: customOnly,
		},
		{
			displayName: 'Request Timeout (Seconds)',
			name: 'requestTimeout',
			type: 'number',
			typeOptions: { minValue: 5, maxValue: 300 },
			default: 30,
			description: 'How long to wait for Zoho to answer a call. A read that times out is tried again; a write is reported and never sent twice (Zoho may have applied it).',
		},
		{
			displayName: 'Authorization URL',
			name: 'authUrl',
			type: 'hidden',
			default: `={{ (${accountsExpression()}) + '/oauth/v2/auth' }}`,
		},
		{
			displayName: 'Access Token URL',
			name: 'accessTokenUrl',
			type: 'hidden',
			default: `={{ (${accountsExpression()}) + '/oauth/v2/token' }}`,
		},
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'hidden',
			default: ZOHO_SCOPES.join(','),
		},
		{
			displayName: 'Auth URI Query Parameters',
			name: 'authQueryParameters',
			type: 'hidden',
			// offline + consent: Zoho only returns a refresh token on a fresh consent.
			default: 'access_type=offline&prompt=consent',
		},
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'hidden',
			default: 'body',
		},
	];
}

/** An n8n expression mapping `dataCenter` to its Accounts server (credential fields cannot call code). */
function accountsExpression(): string {
	const table = JSON.stringify(
		Object.fromEntries(Object.entries(DATA_CENTERS).map(([k, dc]) => [k, dc.accounts])),
	);
	return `$self["dataCenter"] === 'custom' ? String($self["customAccountsUrl"]).replace(/\\/+$/, '') : ${table}[$self["dataCenter"]]`;
}
