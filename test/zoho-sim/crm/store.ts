/**
 * The record store of every CRM module plus the recycle bin that `/{module}/deleted` reads.
 * No validation here: that is validate.ts; no HTTP: that is records.ts.
 */
import type { CrmRecord, DeletedEntry, Lookup, ModuleName } from './types';
import { isObject, MODULES } from './types';

const emptyModules = (): Record<ModuleName, Map<string, CrmRecord>> =>
	Object.fromEntries(MODULES.map((m) => [m, new Map<string, CrmRecord>()])) as Record<ModuleName, Map<string, CrmRecord>>;

export class RecordStore {
	private records = emptyModules();
	deleted: DeletedEntry[] = [];

	get(module: ModuleName, id: string): CrmRecord | undefined {
		return this.records[module].get(id);
	}

	/** Insertion order, which is id order since ids grow. */
	all(module: ModuleName): CrmRecord[] {
		return [...this.records[module].values()];
	}

	put(module: ModuleName, record: CrmRecord): void {
		this.records[module].set(record.id, record);
	}

	remove(module: ModuleName, id: string): CrmRecord | undefined {
		const rec = this.records[module].get(id);
		this.records[module].delete(id);
		return rec;
	}

	clear(): void {
		this.records = emptyModules();
		this.deleted = [];
	}

	/** Notes whose Parent_Id points at the record. */
	notesOf(module: ModuleName, id: string): CrmRecord[] {
		return this.all('Notes').filter((n) => {
			const parent = lookupOf(n.Parent_Id);
			return parent?.id === id && parent.module === module;
		});
	}

	displayName(module: ModuleName, rec: CrmRecord): string {
		const pick = (v: unknown) => (typeof v === 'string' ? v : '');
		switch (module) {
			case 'Tasks':
				return pick(rec.Subject);
			case 'Accounts':
				return pick(rec.Account_Name);
			case 'Deals':
				return pick(rec.Deal_Name);
			case 'Contacts':
				return pick(rec.Full_Name);
			case 'Notes':
				return pick(rec.Note_Title) || pick(rec.Note_Content).slice(0, 120);
		}
	}
}

/** A stored lookup value (`{id}` or `{id, module}`), or undefined when empty. */
export function lookupOf(value: unknown): Lookup | undefined {
	if (!isObject(value) || typeof value.id !== 'string') return undefined;
	return { id: value.id, module: typeof value.module === 'string' ? (value.module as ModuleName) : undefined };
}
