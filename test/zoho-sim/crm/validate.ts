/**
 * Per-record validation of write payloads against the org's field metadata. Returns the values to
 * store (lookups normalised to `{id}`) or the first failing per-record result item.
 */
import { invalidData, mandatoryMissing, parseInstant } from './http';
import type { Crm } from './index';
import type { CrmRecord, FieldDef, ModuleName, ResultItem } from './types';
import { isModule, isObject } from './types';

export type Validated = { ok: true; values: Record<string, unknown> } | { ok: false; item: ResultItem };

const WEBSITE = /^(https?:\/\/)?[^\s/?#:]+(\.[^\s/?#:]+|:\d+)+([/?#]\S*)?$/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A real calendar date in `YYYY-MM-DD` (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

const idOf = (value: unknown): string | undefined => {
	if (typeof value === 'string' && value) return value;
	if (isObject(value) && typeof value.id === 'string' && value.id) return value.id;
	return undefined;
};

const isBlank = (v: unknown) => v === null || v === undefined || v === '';

export function validateRecord(
	crm: Crm,
	module: ModuleName,
	input: Record<string, unknown>,
	index: number,
	existing?: CrmRecord,
): Validated {
	const fail = (item: ResultItem): Validated => ({ ok: false, item });
	if (!existing) {
		for (const def of crm.fields.list(module)) {
			// Owner defaults to the caller, so only a missing value of another mandatory field fails.
			if (def.system_mandatory && !def.read_only && def.api_name !== 'Owner' && isBlank(input[def.api_name])) {
				return fail(mandatoryMissing(def.api_name, index));
			}
		}
	}
	const values: Record<string, unknown> = {};
	for (const [key, raw] of Object.entries(input)) {
		if (key === 'id') continue;
		if (key.startsWith('$')) {
			if (key === '$se_module' && module === 'Tasks') {
				if (raw !== null && !crm.fields.get('Tasks', 'What_Id')?.lookup?.includes(raw as ModuleName)) return fail(invalidData(key, index));
				values[key] = raw;
			}
			continue; // other `$` keys are per-request switches Zoho accepts; the simulator ignores them
		}
		const def = crm.fields.get(module, key);
		if (!def) return fail(invalidData(key, index));
		if (def.read_only) continue; // Zoho ignores writes to system fields
		if (isBlank(raw)) {
			if (def.system_mandatory) return fail(mandatoryMissing(key, index));
			values[key] = null;
			continue;
		}
		const result = checkValue(crm, module, def, raw, index, { ...existing, ...input });
		if (!result.ok) return result;
		values[key] = result.values.value;
	}
	// What_Id is only meaningful with the module it points into.
	if (module === 'Tasks' && 'What_Id' in values && values.What_Id === null) values.$se_module = null;
	return { ok: true, values };
}

function checkValue(crm: Crm, module: ModuleName, def: FieldDef, raw: unknown, index: number, merged: Record<string, unknown>): Validated {
	const bad = (extra: Record<string, unknown> = {}): Validated => ({
		ok: false,
		item: invalidData(def.api_name, index, { expected_data_type: def.data_type, ...extra }),
	});
	const ok = (value: unknown): Validated => ({ ok: true, values: { value } });
	switch (def.data_type) {
		case 'text':
		case 'textarea':
		case 'phone':
		case 'website':
		case 'email': {
			if (typeof raw !== 'string' && typeof raw !== 'number') return bad();
			const text = String(raw);
			if (def.length !== undefined && text.length > def.length) return bad({ maximum_length: def.length });
			if (def.data_type === 'website' && !WEBSITE.test(text)) return bad();
			if (def.data_type === 'email' && !EMAIL.test(text)) return bad();
			return ok(text);
		}
		case 'date':
			return typeof raw === 'string' && isCalendarDate(raw) ? ok(raw) : bad();
		case 'datetime':
			return typeof raw === 'string' && parseInstant(raw) !== undefined ? ok(raw) : bad();
		case 'picklist':
			return typeof raw === 'string' && (def.pick_list_values ?? []).includes(raw) ? ok(raw) : bad();
		case 'boolean':
			return typeof raw === 'boolean' ? ok(raw) : bad();
		case 'currency':
			return typeof raw === 'number' && Number.isFinite(raw) ? ok(raw) : bad();
		case 'integer':
			return typeof raw === 'number' && Number.isInteger(raw) ? ok(raw) : bad();
		case 'ownerlookup': {
			const id = idOf(raw);
			return id && crm.users.isAssignable(id) ? ok({ id }) : bad();
		}
		case 'lookup':
			return checkLookup(crm, module, def, raw, index, merged, bad, ok);
		case 'ALARM': {
			const alarm = isObject(raw) ? raw.ALARM : undefined;
			const m = typeof alarm === 'string' ? ALARM.exec(alarm) : null;
			return m && parseInstant(m[1]) !== undefined ? ok({ ALARM: alarm }) : bad();
		}
		case 'RRULE': {
			const rule = isObject(raw) ? raw.RRULE : undefined;
			return typeof rule === 'string' && RRULE.test(rule) && rruleDatesValid(rule) ? ok({ RRULE: rule }) : bad();
		}
	}
}

/** A one-off reminder at an instant; how Zoho reminds: e-mail, pop-up or both. */
const ALARM = /^FREQ=NONE;ACTION=(?:EMAIL|POPUP|EMAILANDPOPUP);TRIGGER=DATE-TIME:(.+)$/;
/** FREQ first, then KEY=value parts. */
const RRULE = /^FREQ=(?:DAILY|WEEKLY|MONTHLY|YEARLY)(?:;[A-Z]+=[^;=]+)*$/;

/** DTSTART and UNTIL, when given, are calendar dates. */
function rruleDatesValid(rule: string): boolean {
	return rule
		.split(';')
		.map((part) => part.split('='))
		.every(([key, value]) => (key !== 'DTSTART' && key !== 'UNTIL') || isCalendarDate(value));
}

function checkLookup(
	crm: Crm,
	module: ModuleName,
	def: FieldDef,
	raw: unknown,
	index: number,
	merged: Record<string, unknown>,
	bad: () => Validated,
	ok: (value: unknown) => Validated,
): Validated {
	if (def.api_name === 'Parent_Id' && module === 'Notes') {
		// v8 shape only: {module:{api_name}, id}; the v2 string + $se_module form is refused.
		if (!isObject(raw) || !isObject(raw.module)) return bad();
		const target = raw.module.api_name;
		const id = idOf(raw);
		if (!isModule(target) || !def.lookup?.includes(target) || !id || !crm.store.get(target, id)) return bad();
		return ok({ id, module: target });
	}
	const id = idOf(raw);
	let target: unknown = def.lookup?.[0];
	if (module === 'Tasks' && def.api_name === 'What_Id') {
		target = merged.$se_module;
		if (isBlank(target)) return { ok: false, item: mandatoryMissing('$se_module', index) };
	}
	if (!id || !isModule(target) || !crm.store.get(target, id)) return bad();
	return ok({ id });
}
