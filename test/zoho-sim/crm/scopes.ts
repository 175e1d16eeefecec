/**
 * Which OAuth scopes each CRM route needs (checked in `server.ts` after the token; see `../scopes.ts`
 * for how a granted scope covers a needed one). Keyed by the route pattern as registered in
 * `routes.ts`, `users.ts` and `watch.ts`; a route no rule matches is a simulator bug (500).
 *
 * Sources: record routes `ZohoCRM.modules.{module}.{op}` or `ZohoCRM.modules.ALL` [S10]
 * (crm-oas v8.0/record.json: `ZohoCRM.modules.ALL`, incl. `/{module}/deleted`); Notes need the notes
 * scope and the parent module's [S14] (crm-oas v8.0/notes.json); `GET /users` `ZohoCRM.users.READ`
 * (crm-oas v8.0/users.json: `ZohoCRM.users.ALL`); `/actions/watch` `ZohoCRM.notifications.*` [S11]
 * (crm-oas v8.0/notifications.json); `settings/fields` `ZohoCRM.settings.fields.READ` (crm-oas
 * v8.0/fields.json); `__timeline` `ZohoCRM.modules.{module}.READ` (Zoho's "Timeline of a Record"
 * page) or `ZohoCRM.settings.modules.ALL` (crm-oas v8.0/timelines.json). Inferred (ASSUMPTIONS.md):
 * the per-method operation of each record route, upsert = CREATE + UPDATE, other settings routes
 * `ZohoCRM.settings.{name}.READ`.
 */
import { opOf, type ScopeNeed } from '../scopes';
import { isModule } from './types';

const mod = (module: string, op: string) => `ZohoCRM.modules.${module.toLowerCase()}.${op}`;

export function crmScopeNeed(method: string, pattern: string, params: Record<string, string> = {}): ScopeNeed | undefined {
	const op = opOf(method);
	if (pattern === '/crm/v8/users' || pattern.startsWith('/crm/v8/users/')) return [[`ZohoCRM.users.${op}`]];
	if (pattern === '/crm/v8/actions/watch') return [[`ZohoCRM.notifications.${op}`]];
	const settings = /^\/crm\/v8\/settings\/([a-z_]+)/.exec(pattern);
	if (settings) return [[`ZohoCRM.settings.${settings[1]}.${op}`]];
	const rec = /^\/crm\/v8\/([A-Za-z_]+)(?:\/([^/]+))?(?:\/([^/]+))?$/.exec(pattern);
	if (!rec || !isModule(rec[1])) return undefined;
	const [, module, second, third] = rec;
	if (second === 'upsert') return [[mod(module, 'CREATE'), mod(module, 'UPDATE')]];
	if (third === '__timeline') return [[mod(module, 'READ')], ['ZohoCRM.settings.modules.ALL']];
	if (third === 'Notes' || third === ':related') {
		// A related list: the parent module's READ plus the related module's operation [S14].
		const related = third === 'Notes' ? 'Notes' : params.related;
		return [[mod(module, 'READ'), ...(isModule(related) ? [mod(related, op)] : [])]];
	}
	return [[mod(module, op)]];
}
