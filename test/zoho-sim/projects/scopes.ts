/**
 * Which OAuth scopes each Projects route needs (checked in `server.ts` after the token; see
 * `../scopes.ts`). Ordered rules over the route pattern as registered in `routes-*.ts`; the first
 * match wins; a route no rule matches is a simulator bug (500).
 *
 * Sources: tasks, task comments and task activities `ZohoProjects.tasks.{op}` [P3] (comments live under
 * the Tasks API scope [P3]; the legacy `/restapi/…/activities` route is a task read); tasklists need
 * a tasklists scope (`ZohoProjects.tasks.ALL` alone is refused on `POST …/tasklists` [P27]);
 * `settings/global-statuses` `ZohoProjects.custom_fields.READ` [P29]; `settings/fields` the same (Zoho
 * Projects V3 docs, "Module Fields"); portals `ZohoProjects.portals.READ`,
 * projects `ZohoProjects.projects.{op}`, users `ZohoProjects.users.{op}` [P2][P20].
 * Inferred (ASSUMPTIONS.md): clients and client contacts `ZohoProjects.clients.{op}`; project users
 * `ZohoProjects.users.{op}`.
 */
import { opOf, type ScopeNeed } from '../scopes';

const RULES: [RegExp, (op: string) => string][] = [
	[/\/tasks\/:task\/activities$/, () => 'ZohoProjects.tasks.READ'],
	[/\/tasks(\/|$)/, (op) => `ZohoProjects.tasks.${op}`],
	[/\/tasklists(\/|$)/, (op) => `ZohoProjects.tasklists.${op}`],
	[/\/settings\/(global-statuses|fields)$/, () => 'ZohoProjects.custom_fields.READ'],
	[/\/users(\/|$)/, (op) => `ZohoProjects.users.${op}`],
	[/\/(clients|contacts)(\/|$)/, (op) => `ZohoProjects.clients.${op}`],
	[/\/projects(\/:project)?$/, (op) => `ZohoProjects.projects.${op}`],
	[/^\/api\/v3\/(portals|portal\/:portal)$/, () => 'ZohoProjects.portals.READ'],
];

export function projectsScopeNeed(method: string, pattern: string): ScopeNeed | undefined {
	const rule = RULES.find(([re]) => re.test(pattern));
	return rule ? [[rule[1](opOf(method))]] : undefined;
}
