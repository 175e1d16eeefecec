/**
 * Shapes shared by the CRM simulator files. Records are kept close to Zoho's wire form; lookups are
 * stored as `{id}` only and get their display names when rendered, so a renamed Account shows its
 * new name in every Task that points at it (as in Zoho).
 */

export type ModuleName = 'Tasks' | 'Notes' | 'Accounts' | 'Deals' | 'Contacts';

export const MODULES: readonly ModuleName[] = ['Tasks', 'Notes', 'Accounts', 'Deals', 'Contacts'];

/** Fixed module ids (Zoho returns them in `module{api_name,id}` and as a watch `resource_id`). */
export const MODULE_IDS: Record<ModuleName, string> = {
	Tasks: '4876876000000000109',
	Notes: '4876876000000000117',
	Accounts: '4876876000000000043',
	Deals: '4876876000000000049',
	Contacts: '4876876000000000047',
};

/** Modules the Notifications API accepts in `events` (Zoho does not list Notes). */
export const WATCHABLE: readonly ModuleName[] = ['Tasks', 'Accounts', 'Deals', 'Contacts'];

export const isModule = (value: unknown): value is ModuleName => MODULES.includes(value as ModuleName);

export type DataType =
	| 'text'
	| 'textarea'
	| 'date'
	| 'datetime'
	| 'picklist'
	| 'lookup'
	| 'ownerlookup'
	| 'website'
	| 'email'
	| 'phone'
	| 'boolean'
	| 'currency'
	| 'integer'
	/** Remind_At: `{ALARM: "FREQ=NONE;ACTION=…;TRIGGER=DATE-TIME:…"}` (inferred). */
	| 'ALARM'
	/** Recurring_Activity: `{RRULE: "FREQ=…;…"}` (inferred). */
	| 'RRULE';

export interface FieldDef {
	api_name: string;
	field_label: string;
	data_type: DataType;
	/** Maximum characters for text-like fields. */
	length?: number;
	custom_field: boolean;
	pick_list_values?: string[];
	read_only: boolean;
	system_mandatory: boolean;
	/** Modules a lookup may point at (What_Id: Accounts or Deals, chosen by `$se_module`). */
	lookup?: ModuleName[];
}

/** A stored record: `id` plus field values in wire form (lookups as `{id}`). */
export type CrmRecord = Record<string, unknown> & { id: string };

export interface Lookup {
	id: string;
	/** Notes' Parent_Id also remembers the parent's module. */
	module?: ModuleName;
}

export interface DeletedEntry {
	module: ModuleName;
	id: string;
	display_name: string;
	type: 'recycle' | 'permanent';
	deletedBy: string;
	deletedTime: number;
	createdBy: string;
}

/** One per-record result of a write, in Zoho's `{code, details, message, status}` form. */
export interface ResultItem {
	code: string;
	details: Record<string, unknown>;
	message: string;
	status: 'success' | 'error';
	[extra: string]: unknown;
}

export type Operation = 'insert' | 'update' | 'delete';

/** What a write did to one record; notifications are built from these. */
export interface Change {
	module: ModuleName;
	id: string;
	op: Operation;
	/** Fields whose value changed (update only). */
	fields: string[];
	/** Set for the parent of a changed Note: a "related action" on that record, not a field edit. */
	related?: boolean;
	/** Values after the write of the changed fields (callbacks' `affected_values`). */
	values?: Record<string, unknown>;
}

export const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);
