/**
 * CRM Account ⇄ Projects client company pairing by name, as Zoho's integration does it: names
 * compare across case, spaces and full-/half-width forms. A name shared by several records on
 * either side is reported as ambiguous, never guessed.
 */
import { nameKey } from './text';

export interface AccountRef {
	id: string;
	name: string;
	/** The client company id the Account already holds (mapped), if any. */
	clientId?: string | null;
}

export interface CompanyRef {
	id: string;
	name: string;
}

export interface AccountMatch {
	status: 'mapped' | 'unmapped' | 'ambiguous' | 'crmOnly' | 'projectsOnly' | 'mappedElsewhere';
	name: string;
	accounts: AccountRef[];
	companies: CompanyRef[];
}

export function matchAccounts(accounts: AccountRef[], companies: CompanyRef[]): AccountMatch[] {
	const byId = new Map(companies.map((c) => [c.id, c]));
	const groups = new Map<string, { accounts: AccountRef[]; companies: CompanyRef[] }>();
	const group = (key: string) => {
		if (!groups.has(key)) groups.set(key, { accounts: [], companies: [] });
		return groups.get(key)!;
	};
	const mappedCompanyIds = new Set<string>();
	const results: AccountMatch[] = [];

	for (const account of accounts) {
		const mappedTo = account.clientId ? byId.get(account.clientId) : undefined;
		if (mappedTo) {
			mappedCompanyIds.add(mappedTo.id);
			results.push({ status: 'mapped', name: account.name, accounts: [account], companies: [mappedTo] });
			continue;
		}
		group(nameKey(account.name)).accounts.push(account);
	}
	for (const company of companies) {
		if (mappedCompanyIds.has(company.id)) continue;
		group(nameKey(company.name)).companies.push(company);
	}
	for (const { accounts: a, companies: c } of groups.values()) {
		const name = a[0]?.name ?? c[0].name;
		if (a.length && !c.length) {
			const status = a.some((x) => x.clientId) ? 'mappedElsewhere' : 'crmOnly';
			results.push({ status, name, accounts: a, companies: [] });
		} else if (!a.length) results.push({ status: 'projectsOnly', name, accounts: [], companies: c });
		else if (a.length === 1 && c.length === 1) results.push({ status: 'unmapped', name, accounts: a, companies: c });
		else results.push({ status: 'ambiguous', name, accounts: a, companies: c });
	}
	return results;
}
