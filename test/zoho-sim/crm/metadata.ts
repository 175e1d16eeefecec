/**
 * Field metadata per module: what `settings/fields` lists and what writes are validated against.
 * Tests can remove or add fields (a missing link field is a setup error the sync must name).
 */
import { FIELDS } from '../seed-data';
import type { DataType, FieldDef, ModuleName } from './types';
import { MODULES } from './types';

export const TASK_STATUSES = ['Not Started', 'Deferred', 'In Progress', 'Completed', 'Waiting for input'];
export const TASK_PRIORITIES = ['Highest', 'High', 'Normal', 'Low', 'Lowest'];
export const DEAL_STAGES = [
	'Qualification',
	'Needs Analysis',
	'Value Proposition',
	'Id. Decision Makers',
	'Proposal/Price Quote',
	'Negotiation/Review',
	'Closed Won',
	'Closed Lost',
];

interface FieldOpts {
	length?: number;
	custom?: boolean;
	mandatory?: boolean;
	readOnly?: boolean;
	picklist?: string[];
	lookup?: ModuleName[];
}

const label = (api: string) => api.replace(/_/g, ' ').replace(/ Id$/, '');

function f(api_name: string, data_type: DataType, o: FieldOpts = {}): FieldDef {
	return {
		api_name,
		field_label: label(api_name),
		data_type,
		length: o.length,
		custom_field: o.custom ?? false,
		pick_list_values: o.picklist,
		read_only: o.readOnly ?? false,
		system_mandatory: o.mandatory ?? false,
		lookup: o.lookup,
	};
}

/** Audit fields every module has; written only by the simulator. */
const system = (): FieldDef[] => [
	f('Owner', 'ownerlookup', { mandatory: true }),
	f('Created_Time', 'datetime', { readOnly: true }),
	f('Modified_Time', 'datetime', { readOnly: true }),
	f('Created_By', 'ownerlookup', { readOnly: true }),
	f('Modified_By', 'ownerlookup', { readOnly: true }),
];

export interface PicklistOptions {
	extraTaskStatuses: string[];
	extraTaskPriorities: string[];
}

export function defaultFields(opts: PicklistOptions): Record<ModuleName, FieldDef[]> {
	return {
		Tasks: [
			f('Subject', 'text', { length: 255, mandatory: true }),
			f('Description', 'textarea', { length: 32000 }),
			f('Due_Date', 'date'),
			f('Status', 'picklist', { picklist: [...TASK_STATUSES, ...opts.extraTaskStatuses] }),
			f('Priority', 'picklist', { picklist: [...TASK_PRIORITIES, ...opts.extraTaskPriorities] }),
			f('What_Id', 'lookup', { lookup: ['Accounts', 'Deals'] }),
			f('Who_Id', 'lookup', { lookup: ['Contacts'] }),
			f('Closed_Time', 'datetime', { readOnly: true }),
			f('Send_Notification_Email', 'boolean'),
			f('Remind_At', 'ALARM'),
			f('Recurring_Activity', 'RRULE'),
			...system(),
			f(FIELDS.taskLink, 'text', { length: 255, custom: true }),
			f(FIELDS.taskLinkUrl, 'website', { length: 255, custom: true }),
			f(FIELDS.syncState, 'textarea', { length: 32000, custom: true }),
		],
		Notes: [
			f('Note_Title', 'text', { length: 120 }),
			f('Note_Content', 'textarea', { length: 32000, mandatory: true }),
			f('Parent_Id', 'lookup', { mandatory: true, lookup: ['Tasks', 'Accounts', 'Deals', 'Contacts'] }),
			...system(),
		],
		Accounts: [
			f('Account_Name', 'text', { length: 200, mandatory: true }),
			f('Website', 'website', { length: 255 }),
			f('Phone', 'phone', { length: 30 }),
			f('Description', 'textarea', { length: 32000 }),
			...system(),
			f(FIELDS.accountClient, 'text', { length: 255, custom: true }),
		],
		Deals: [
			f('Deal_Name', 'text', { length: 120, mandatory: true }),
			f('Stage', 'picklist', { mandatory: true, picklist: DEAL_STAGES }),
			f('Closing_Date', 'date'),
			f('Amount', 'currency'),
			f('Account_Name', 'lookup', { lookup: ['Accounts'] }),
			f('Contact_Name', 'lookup', { lookup: ['Contacts'] }),
			f('Description', 'textarea', { length: 32000 }),
			...system(),
			f(FIELDS.dealProject, 'text', { length: 255, custom: true }),
		],
		Contacts: [
			f('First_Name', 'text', { length: 40 }),
			f('Last_Name', 'text', { length: 80, mandatory: true }),
			f('Full_Name', 'text', { length: 121, readOnly: true }),
			f('Email', 'email', { length: 100 }),
			f('Phone', 'phone', { length: 30 }),
			f('Account_Name', 'lookup', { lookup: ['Accounts'] }),
			f('Description', 'textarea', { length: 32000 }),
			...system(),
		],
	};
}

/** The org's current field layout, mutable by tests. */
export class FieldRegistry {
	private fields: Record<ModuleName, FieldDef[]>;

	constructor(private opts: PicklistOptions) {
		this.fields = defaultFields(opts);
	}

	reset(): void {
		this.fields = defaultFields(this.opts);
	}

	list(module: ModuleName): FieldDef[] {
		return this.fields[module];
	}

	get(module: ModuleName, apiName: string): FieldDef | undefined {
		return this.fields[module].find((d) => d.api_name === apiName);
	}

	remove(module: ModuleName, apiName: string): boolean {
		const before = this.fields[module].length;
		this.fields[module] = this.fields[module].filter((d) => d.api_name !== apiName);
		return this.fields[module].length < before;
	}

	add(module: ModuleName, def: Partial<FieldDef> & Pick<FieldDef, 'api_name' | 'data_type'>): FieldDef {
		const full: FieldDef = {
			field_label: label(def.api_name),
			custom_field: true,
			read_only: false,
			system_mandatory: false,
			...def,
		};
		this.remove(module, def.api_name);
		this.fields[module].push(full);
		return full;
	}

	/** `settings/fields` item; ids are stable per module and position-independent. */
	describe(module: ModuleName, def: FieldDef): Record<string, unknown> {
		return {
			id: fieldId(module, def.api_name),
			api_name: def.api_name,
			field_label: def.field_label,
			display_label: def.field_label,
			data_type: def.data_type,
			json_type: jsonType(def.data_type),
			length: def.length ?? null,
			custom_field: def.custom_field,
			read_only: def.read_only,
			system_mandatory: def.system_mandatory,
			// crm-oas v8.0/fields.json pick_list_values: id, type (used|unused) and colour_code are required.
			pick_list_values: (def.pick_list_values ?? []).map((v, i) => ({
				display_value: v,
				actual_value: v,
				sequence_number: i + 1,
				id: `${fieldId(module, def.api_name)}${String(i + 1).padStart(3, '0')}`.slice(-19),
				type: 'used',
				colour_code: null,
			})),
			lookup: def.lookup ? { module: { api_name: def.lookup[0] } } : {},
		};
	}
}

function jsonType(t: DataType): string {
	if (t === 'lookup' || t === 'ownerlookup') return 'jsonobject';
	if (t === 'boolean') return 'boolean';
	if (t === 'currency') return 'double';
	if (t === 'integer') return 'integer';
	return 'string';
}

/** A field's id: stable per module and name (inferred format, 19 digits). */
export function fieldId(module: ModuleName, apiName: string): string {
	let h = MODULES.indexOf(module) + 1;
	for (const ch of apiName) h = (h * 31 + ch.charCodeAt(0)) % 1_000_000;
	return `4876876000${String(h).padStart(9, '0')}`;
}
