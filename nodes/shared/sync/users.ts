/** Import plans: who must be created on the Projects side, keyed by e-mail so a rerun adds nobody twice. */
import { emailKey } from './text';

export interface PersonRecord {
	id: string;
	email: string | null;
	name: string;
	firstName?: string;
	lastName?: string;
}

export interface ImportPlan<T extends PersonRecord> {
	create: T[];
	existing: { source: T; target: PersonRecord }[];
	/** Source records without an e-mail cannot be matched or invited. */
	skipped: { source: T; reason: string }[];
}

export function planImport<T extends PersonRecord>(source: T[], target: PersonRecord[]): ImportPlan<T> {
	const targets = new Map(target.filter((t) => t.email).map((t) => [emailKey(t.email), t]));
	const plan: ImportPlan<T> = { create: [], existing: [], skipped: [] };
	const planned = new Set<string>();
	for (const person of source) {
		const key = emailKey(person.email);
		if (!key) {
			plan.skipped.push({ source: person, reason: 'no e-mail address' });
			continue;
		}
		const found = targets.get(key);
		if (found) plan.existing.push({ source: person, target: found });
		else if (planned.has(key)) plan.skipped.push({ source: person, reason: `duplicate e-mail ${key}` });
		else {
			planned.add(key);
			plan.create.push(person);
		}
	}
	return plan;
}
