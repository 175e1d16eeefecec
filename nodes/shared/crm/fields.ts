/**
 * Field metadata of the org (`settings/fields`): picklist values including the org's own, custom
 * fields, data types. Read once per execution and shared by every item of it.
 */
import type { IAllExecuteFunctions } from 'n8n-workflow';

import { cached } from '../cache';
import { bodyOf, crmRequest } from './transport';
import type { CrmField, CrmModule } from './types';

/** The fields of a module; one request per execution (context) and module. */
export async function moduleFields(this: IAllExecuteFunctions, module: CrmModule): Promise<CrmField[]> {
	return await cached(this, `crm:fields:${module}`, async () => {
		const response = await crmRequest.call(this, { method: 'GET', path: '/settings/fields', qs: { module }, what: `read the fields of ${module}` });
		return bodyOf<{ fields?: CrmField[] }>(response)?.fields ?? [];
	});
}

export async function findField(this: IAllExecuteFunctions, module: CrmModule, apiName: string): Promise<CrmField | undefined> {
	return (await moduleFields.call(this, module)).find((f) => f.api_name === apiName);
}

/** Allowed values of a picklist (actual values), or undefined when the field is not a picklist. */
export function picklistValues(field: CrmField | undefined): string[] | undefined {
	if (!field?.pick_list_values?.length) return undefined;
	return field.pick_list_values.map((v) => v.actual_value ?? v.display_value);
}

/**
 * The org's actual value for a picklist entry, matched exactly, then by display value, then
 * case-insensitively; undefined when the org has no such value.
 */
export function matchPicklist(field: CrmField, value: string): string | undefined {
	const values = field.pick_list_values ?? [];
	const exact = values.find((v) => v.actual_value === value || v.display_value === value);
	if (exact) return exact.actual_value ?? exact.display_value;
	const folded = value.trim().toLowerCase();
	const loose = values.find((v) => (v.actual_value ?? '').toLowerCase() === folded || (v.display_value ?? '').toLowerCase() === folded);
	return loose ? (loose.actual_value ?? loose.display_value) : undefined;
}

/** Fields a user may write (not read-only, not the audit fields). */
export function writableFields(fields: CrmField[]): CrmField[] {
	const audit = new Set(['Created_Time', 'Modified_Time', 'Created_By', 'Modified_By', 'Closed_Time', 'id']);
	return fields.filter((f) => !f.read_only && !audit.has(f.api_name));
}

export const fieldLabel = (field: CrmField): string => field.display_label ?? field.field_label ?? field.api_name;

/** Zoho takes at most 50 field names in `fields`. */
export const MAX_FIELDS_PARAM = 50;

/**
 * The `fields` parameter for a list (Zoho requires it): the chosen fields, or every field of the
 * module. `always` comes first (a cursor needs Modified_Time); beyond Zoho's 50, writable fields win
 * over read-only ones, so an org with many fields still gets its own (such as the sync's link fields).
 */
export async function fieldsParam(this: IAllExecuteFunctions, module: CrmModule, chosen: string[] = [], always: string[] = []): Promise<string> {
	let names = chosen;
	if (!names.length) {
		const fields = await moduleFields.call(this, module);
		names = [...fields.filter((f) => !f.read_only), ...fields.filter((f) => f.read_only)].map((f) => f.api_name);
	}
	return [...new Set([...always, ...names])].slice(0, MAX_FIELDS_PARAM).join(',');
}
