/**
 * The e2e run's own tiny workflow (independent of the templates): the CRM Tasks trigger in Instant
 * mode → Zoho Task Sync (Sync Task from CRM). It proves the packed package loads in n8n, the
 * credential works against the simulator, the CRM notification channel reaches n8n's webhook, and
 * a node writes to Projects.
 */
import { ZOHO_CREDENTIAL_ID } from '../../scripts/e2e/lib/credentials';
import { PACKAGE_NAME } from '../../scripts/e2e/lib/package';
import type { PreparedWorkflow } from '../../scripts/e2e/lib/templates';

export function smokeWorkflow(): PreparedWorkflow {
	const credentials = { zohoTaskSyncOAuth2Api: { id: ZOHO_CREDENTIAL_ID, name: 'Zoho (simulator)' } };
	const nodes = [
		{
			id: '0b1f5c3e-0000-4000-8000-000000000001',
			name: 'CRM task changed',
			type: `${PACKAGE_NAME}.zohoCrmTasksTrigger`,
			typeVersion: 1,
			position: [0, 0],
			webhookId: '0b1f5c3e-0000-4000-8000-0000000000aa',
			parameters: { mode: 'instant', events: ['edit'] },
			credentials,
		},
		{
			id: '0b1f5c3e-0000-4000-8000-000000000002',
			name: 'Sync',
			type: `${PACKAGE_NAME}.zohoTaskSync`,
			typeVersion: 1,
			position: [260, 0],
			parameters: { operation: 'syncTask', source: 'crm' },
			credentials,
		},
	];
	const json = {
		name: 'e2e smoke: CRM → Projects',
		nodes,
		connections: { 'CRM task changed': { main: [[{ node: 'Sync', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		id: 'ztsSmokeWorkflow',
		active: false,
	};
	return { file: 'e2e-smoke.json', id: json.id, name: json.name, json, types: nodes.map((n) => n.type), hasTrigger: true, isErrorWorkflow: false };
}
