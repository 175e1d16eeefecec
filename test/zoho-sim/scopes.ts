/**
 * OAuth scopes as Zoho Accounts grants them and the CRM / Projects gateways check them.
 *
 * - Scope names are `Service.resource[.sub].OPERATION`; the consent keeps the names it knows and
 *   silently drops the rest (reference §1.3 [P27]). Which names are "known" is the patterns below.
 * - Matching ignores case: Zoho's own CRM OpenAPI description spells the same scopes both
 *   `ZohoCRM.settings.fields.READ` and `ZohoCRM.settings.fields.read` (zoho/crm-oas v8.0/common.json,
 *   v8.0/fields.json) and n8n's built-in Zoho credential asks for `ZohoCRM.users.all` [S18].
 * - A granted `X.ALL` covers every operation on `X` and everything below it (`ZohoCRM.modules.ALL`
 *   covers `ZohoCRM.modules.tasks.CREATE` [S10]; `ZohoCRM.settings.ALL` covers
 *   `ZohoCRM.settings.fields.READ` (crm-oas v8.0/fields.json lists all three)). `WRITE` covers CREATE
 *   and UPDATE (inferred from the CRM operation list ALL/READ/CREATE/WRITE/UPDATE/DELETE [S10][S11]).
 *
 * Each product's route table (`crm/scopes.ts`, `projects/scopes.ts`) says which scopes a route needs.
 */

/** One way to satisfy a route: every scope in the list is needed. A route lists one or more ways. */
export type ScopeNeed = readonly (readonly string[])[];

const OPS = '(all|read|create|write|update|delete)';

/** Scope names Zoho Accounts knows for the two products (lower case); anything else is dropped. */
const KNOWN: RegExp[] = [
	new RegExp(`^zohocrm\\.modules\\.(all|read)$`),
	new RegExp(`^zohocrm\\.modules\\.[a-z0-9_]+\\.${OPS}$`),
	new RegExp(`^zohocrm\\.settings\\.(all|read)$`),
	new RegExp(`^zohocrm\\.settings\\.[a-z0-9_]+\\.${OPS}$`),
	new RegExp(`^zohocrm\\.(users|org|notifications|bulk|coql|files)\\.${OPS}$`),
	// Projects: the resource names of the reference's list [P2][P3][P20][P29]; `settings` is not one
	// (`ZohoProjects.settings.ALL` is dropped by the consent [P27]).
	new RegExp(
		`^zohoprojects\\.(portals|projects|tasks|tasklists|users|clients|milestones|search|custom_fields|status|timesheets|bugs|events|forums|documents|tags)\\.(all|read|create|update|delete)$`,
	),
];

export function isKnownScope(name: string): boolean {
	const lower = name.trim().toLowerCase();
	return KNOWN.some((re) => re.test(lower));
}

/** The scope list of an authorize request (comma-separated; spaces tolerated), minus unknown names. */
export function grantScopes(requested: string | readonly string[] | undefined | null): string[] {
	const names = typeof requested === 'string' ? requested.split(/[,\s]+/) : [...(requested ?? [])];
	const out: string[] = [];
	for (const n of names.map((s) => s.trim()).filter(Boolean)) {
		if (isKnownScope(n) && !out.some((o) => o.toLowerCase() === n.toLowerCase())) out.push(n);
	}
	return out;
}

/** Does one granted scope cover one required scope? */
function covers(granted: string, required: string): boolean {
	const g = granted.toLowerCase().split('.');
	const r = required.toLowerCase().split('.');
	const gOp = g.pop()!;
	const rOp = r.pop()!;
	// The granted resource path must be the required one or an ancestor of it (`modules` ⊃ `modules.tasks`).
	if (g.length > r.length || g.some((part, i) => part !== r[i])) return false;
	if (gOp === 'all') return true;
	if (g.length !== r.length) return false;
	if (gOp === rOp) return true;
	return gOp === 'write' && (rOp === 'create' || rOp === 'update');
}

/** The scopes of `need` the grant lacks (empty when one of the ways is fully granted). */
export function missingScopes(granted: readonly string[], need: ScopeNeed): string[] {
	let best: string[] | undefined;
	for (const way of need) {
		const lacking = way.filter((req) => !granted.some((g) => covers(g, req)));
		if (lacking.length === 0) return [];
		if (!best || lacking.length < best.length) best = lacking;
	}
	return best ?? [];
}

/** GET → READ, POST → CREATE, PUT/PATCH → UPDATE, DELETE → DELETE (Zoho's per-operation scope names). */
export function opOf(method: string): 'READ' | 'CREATE' | 'UPDATE' | 'DELETE' {
	if (method === 'GET') return 'READ';
	if (method === 'POST') return 'CREATE';
	if (method === 'DELETE') return 'DELETE';
	return 'UPDATE';
}
