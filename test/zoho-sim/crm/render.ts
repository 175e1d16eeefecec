/**
 * Records as the API returns them: every defined field (null when empty), lookups with their
 * current display names, users as `{id, name, email}`; optionally only the `fields` asked for.
 */
import type { Crm } from './index';
import { lookupOf } from './store';
import type { CrmRecord, FieldDef, ModuleName } from './types';
import { MODULE_IDS } from './types';

export function renderRecord(crm: Crm, module: ModuleName, rec: CrmRecord, fields?: string[]): Record<string, unknown> {
	const out: Record<string, unknown> = {};
	const wanted = fields ? new Set(fields) : undefined;
	for (const def of crm.fields.list(module)) {
		if (wanted && !wanted.has(def.api_name)) continue;
		out[def.api_name] = renderValue(crm, module, rec, def);
		// Zoho returns the module of What_Id beside it.
		if (def.api_name === 'What_Id') out.$se_module = rec.$se_module ?? null;
	}
	out.id = rec.id;
	if (module === 'Notes') Object.assign(out, NOTE_SYSTEM_KEYS);
	return out;
}

/**
 * Keys crm-oas v8.0/notes.json (schema Note) requires on every note, whatever `fields` asked for.
 * The simulator has no attachments, voice notes or client portal, so the values are fixed
 * (`$state` and `$size` values inferred).
 */
const NOTE_SYSTEM_KEYS = {
	$attachments: [],
	$editable: true,
	$is_shared_to_client: false,
	$size: null,
	$state: 'save',
	$voice_note: false,
} as const;

export function renderValue(crm: Crm, module: ModuleName, rec: CrmRecord, def: FieldDef): unknown {
	const value = rec[def.api_name];
	if (value === undefined || value === null) return null;
	if (def.data_type === 'ownerlookup') {
		const ref = lookupOf(value);
		return ref ? crm.users.ref(ref.id) : null;
	}
	if (def.data_type === 'lookup') {
		const ref = lookupOf(value);
		if (!ref) return null;
		const target = targetModule(module, rec, def, ref.module);
		const linked = target ? crm.store.get(target, ref.id) : undefined;
		const name = target && linked ? crm.store.displayName(target, linked) : null;
		if (def.api_name === 'Parent_Id' && target) return { id: ref.id, name, module: { api_name: target, id: MODULE_IDS[target] } };
		return { id: ref.id, name };
	}
	return value;
}

/** Which module a lookup value points into. */
export function targetModule(module: ModuleName, rec: CrmRecord, def: FieldDef, stored?: ModuleName): ModuleName | undefined {
	if (stored) return stored;
	if (module === 'Tasks' && def.api_name === 'What_Id') return rec.$se_module as ModuleName | undefined;
	return def.lookup?.[0];
}
