/**
 * Issue 10: every route the simulator serves as Zoho either has a source (the reference tags of
 * reference/zoho-api.md, a named Zoho doc page, or the CRM OpenAPI file the conformance tests check
 * it against) or an entry in ASSUMPTIONS.md. A route added without one fails here; so does an entry
 * for a route that is gone.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { startSim } from '../harness/sim';
import type { ZohoSim } from '../zoho-sim/server';

type Source = { sourced: string } | { assumed: string };

const CRM_MODULES = ['Tasks', 'Notes', 'Accounts', 'Deals', 'Contacts'];
const V3 = '/api/v3/portal/:portal';

/** The record routes every CRM module shares (one engine); Notes has no related lists of its own. */
function crmModuleRoutes(): Record<string, Source> {
	const out: Record<string, Source> = {};
	for (const m of CRM_MODULES) {
		const at = (method: string, tail = '') => `crm ${method} /crm/v8/${m}${tail}`;
		if (m !== 'Notes') {
			out[at('GET', '/search')] = { sourced: '[S8][S9]; OAS module_search.json' };
			out[at('POST', '/upsert')] = { sourced: '[S8][S9]; OAS record.json' };
			out[at('POST', '/:id/Notes')] = { sourced: '[S14]; OAS notes.json' };
			out[at('GET', '/:id/:related')] = { sourced: '[S9]; OAS related_records.json' };
		}
		out[at('GET', '/deleted')] = { sourced: '[S8][S9]; OAS record.json' };
		for (const method of ['GET', 'POST', 'PUT', 'DELETE']) out[at(method)] = { sourced: `[S8][S9]${m === 'Notes' ? '[S14]; OAS notes.json' : '; OAS record.json'}` };
		for (const method of ['GET', 'PUT', 'DELETE']) out[at(method, '/:id')] = { sourced: `[S8][S9]${m === 'Notes' ? '[S14c]; OAS notes.json' : '; OAS record.json'}` };
		out[at('GET', '/:id/__timeline')] = { sourced: 'Zoho CRM v8 doc "Timeline of a Record"; OAS timelines.json' };
	}
	return out;
}

const SOURCES: Record<string, Source> = {
	'accounts GET /oauth/v2/auth': { sourced: '[S3][S6]' },
	'accounts POST /oauth/v2/token': { sourced: '[S2][S3][S5][S22]' },
	'accounts POST /oauth/v2/token/revoke': { sourced: '[S5d]' },

	'crm GET /crm/v8/settings/fields': { sourced: '[S8]; OAS fields.json' },
	'crm GET /crm/v8/settings/related_lists': { sourced: 'OAS related_lists.json' },
	'crm GET /crm/v8/users': { sourced: '[S8][S9][S24]; OAS users.json' },
	'crm GET /crm/v8/users/:id': { sourced: '[S8][S9]; OAS users.json' },
	...Object.fromEntries(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].map((m) => [`crm ${m} /crm/v8/actions/watch`, { sourced: '[S9][S11][S28]; OAS notifications.json' }])),
	...crmModuleRoutes(),

	'projects GET /api/v3/portals': { sourced: '[P28] (measured)' },
	'projects GET /api/v3/portal/:portal': { assumed: 'One portal: `GET /api/v3/portal/{p}`' },
	[`projects GET ${V3}/settings/global-statuses`]: { sourced: '[P29][P33]' },
	[`projects GET ${V3}/settings/fields`]: { sourced: 'Zoho Projects V3 docs, Module Meta › Module Fields (shape assumed: ASSUMPTIONS.md)' },
	[`projects GET ${V3}/projects`]: { sourced: '[P8][P9][P28]' },
	[`projects GET ${V3}/projects/:project`]: { sourced: '[P8][P9]' },
	[`projects PATCH ${V3}/projects/:project`]: { assumed: '`PATCH /projects/{id}` takes' },
	[`projects GET ${V3}/projects/:project/tasklists`]: { sourced: '[P8][P9]' },
	[`projects POST ${V3}/projects/:project/tasklists`]: { sourced: '[P8][P9][P27][P28]' },
	[`projects PATCH ${V3}/projects/:project/tasklists/:tasklist`]: { sourced: '[P8][P9]' },
	[`projects DELETE ${V3}/projects/:project/tasklists/:tasklist`]: { sourced: '[P8][P9]' },
	[`projects GET ${V3}/users`]: { sourced: '[P23]' },
	[`projects POST ${V3}/users`]: { assumed: '`POST /users {email, role?' },
	[`projects GET ${V3}/users/:user`]: { sourced: '[P8][P9]' },
	'projects GET /api/v3.1/portal/:portal/users': { sourced: '[P29]' },
	'projects POST /api/v3.1/portal/:portal/users': { assumed: '`POST /users {email, role?' },
	'projects GET /api/v3.1/portal/:portal/users/:user': { sourced: '[P29]' },
	[`projects GET ${V3}/projects/:project/users`]: { sourced: '[P8][P9]' },
	[`projects POST ${V3}/projects/:project/users`]: { assumed: 'project user → 400 `USER_ALREADY_EXISTS`. Body shape inferred.' },
	[`projects GET ${V3}/clients`]: { sourced: '[P8]' },
	[`projects POST ${V3}/clients`]: { sourced: '[P8]' },
	[`projects GET ${V3}/clients/:client`]: { sourced: '[P8]' },
	[`projects DELETE ${V3}/clients/:client`]: { sourced: '[P8]' },
	[`projects GET ${V3}/contacts`]: { sourced: '[P8]' },
	[`projects POST ${V3}/contacts`]: { sourced: '[P8]' },
	[`projects GET ${V3}/contacts/:contact`]: { sourced: '[P8]' },
	[`projects DELETE ${V3}/contacts/:contact`]: { sourced: '[P8]' },
	[`projects GET ${V3}/projects/:project/tasks`]: { sourced: '[P8][P9][P29]' },
	[`projects POST ${V3}/projects/:project/tasks`]: { sourced: '[P8][P11][P28][P31]' },
	[`projects GET ${V3}/projects/:project/tasks/:task`]: { sourced: '[P8][P28]' },
	[`projects PATCH ${V3}/projects/:project/tasks/:task`]: { sourced: '[P28][P32]' },
	[`projects DELETE ${V3}/projects/:project/tasks/:task`]: { sourced: '[P8][P9][P28]' },
	[`projects GET ${V3}/projects/:project/tasks/:task/comments`]: { sourced: '[P9][P13]' },
	[`projects POST ${V3}/projects/:project/tasks/:task/comments`]: { sourced: '[P9][P13][P28]' },
	[`projects PATCH ${V3}/projects/:project/tasks/:task/comments/:comment`]: { sourced: '[P9][P13]' },
	[`projects DELETE ${V3}/projects/:project/tasks/:task/comments/:comment`]: { sourced: '[P9][P13]' },
	'projects GET /restapi/portal/:portal/projects/:project/tasks/:task/activities': { sourced: '[P3] (legacy task API; response shape assumed: ASSUMPTIONS.md "Task activities")' },
};

describe('simulator routes: each has a source or an ASSUMPTIONS.md entry', () => {
	let sim: ZohoSim;
	beforeAll(async () => (sim = await startSim()));
	afterAll(async () => await sim.stop());

	const served = () => sim.router.list().filter((r) => r.product !== 'sim').map((r) => `${r.product} ${r.method} ${r.pattern}`);

	it('every route served as Zoho is in the table', () => {
		expect(served().filter((route) => !(route in SOURCES))).toEqual([]);
	});

	it('every route in the table is served (no entry outlives its route)', () => {
		const routes = new Set(served());
		expect(Object.keys(SOURCES).filter((route) => !routes.has(route))).toEqual([]);
	});

	it('each source names a reference, a Zoho doc page or an OAS file; each assumption is written in ASSUMPTIONS.md', () => {
		const assumptions = readFileSync(join(__dirname, '../zoho-sim/ASSUMPTIONS.md'), 'utf8');
		const bad = Object.entries(SOURCES).filter(([, source]) =>
			'sourced' in source ? !/\[[SP][\w-]+\]|Zoho .*doc|OAS [a-z_]+\.json/.test(source.sourced) : !assumptions.includes(source.assumed),
		);
		expect(bad).toEqual([]);
	});
});
