/**
 * Turns a parsed criteria tree into a record predicate, checking each field and operator against
 * the module's metadata first (unknown field or an operator the type lacks → INVALID_QUERY).
 */
import { type Criteria, CriteriaError, comparisons } from './criteria';
import type { Crm } from './index';
import { lookupOf } from './store';
import type { CrmRecord, DataType, ModuleName } from './types';
import { isCalendarDate } from './validate';
import { parseInstant } from './http';

/** `none`: not searchable (the reminder and recurrence objects; inferred). */
type Kind = 'text' | 'choice' | 'ordered' | 'ref' | 'boolean' | 'none';

const OPERATORS: Record<Kind, string[]> = {
	text: ['equals', 'not_equal', 'starts_with', 'in', 'not_in'],
	choice: ['equals', 'not_equal', 'in', 'not_in'],
	ordered: ['equals', 'not_equal', 'greater_than', 'greater_equal', 'less_than', 'less_equal', 'between', 'in', 'not_in'],
	ref: ['equals', 'not_equal', 'in', 'not_in'],
	boolean: ['equals', 'not_equal'],
	none: [],
};

const KIND: Record<DataType, Kind> = {
	text: 'text',
	textarea: 'text',
	website: 'text',
	email: 'text',
	phone: 'text',
	picklist: 'choice',
	date: 'ordered',
	datetime: 'ordered',
	currency: 'ordered',
	integer: 'ordered',
	lookup: 'ref',
	ownerlookup: 'ref',
	boolean: 'boolean',
	ALARM: 'none',
	RRULE: 'none',
};

/** `${EMPTY}` stands for "no value" in a criterion. */
const EMPTY = '${EMPTY}';

type Scalar = string | number | boolean | null;
type Predicate = (rec: CrmRecord) => boolean;

export function compile(crm: Crm, module: ModuleName, criteria: Criteria): Predicate {
	for (const c of comparisons(criteria)) check(crm, module, c);
	return build(crm, module, criteria);
}

function typeOf(crm: Crm, module: ModuleName, field: string): DataType | 'id' | undefined {
	if (field === 'id') return 'id';
	if (field === '$se_module' && module === 'Tasks') return 'picklist';
	return crm.fields.get(module, field)?.data_type;
}

function check(crm: Crm, module: ModuleName, c: Extract<Criteria, { kind: 'cmp' }>): void {
	const type = typeOf(crm, module, c.field);
	if (!type) throw new CriteriaError('invalid query formed', { api_name: c.field, reason: 'unknown field' });
	const kind: Kind = type === 'id' ? 'ref' : KIND[type];
	if (!OPERATORS[kind].includes(c.op)) throw new CriteriaError('invalid query formed', { api_name: c.field, operator: c.op, reason: 'the operator does not apply to this field' });
	if (c.op === 'between' && c.values.length !== 2) throw new CriteriaError('invalid query formed', { api_name: c.field, operator: c.op, reason: 'between takes two values' });
	for (const v of c.values) if (v !== EMPTY && !validOperand(type, v)) throw new CriteriaError('invalid query formed', { api_name: c.field, reason: `invalid value ${v}` });
}

function validOperand(type: DataType | 'id', v: string): boolean {
	if (type === 'date') return isCalendarDate(v);
	if (type === 'datetime') return parseInstant(v) !== undefined;
	if (type === 'currency' || type === 'integer') return v.trim() !== '' && Number.isFinite(Number(v));
	if (type === 'boolean') return v === 'true' || v === 'false';
	return true;
}

/** A record's comparable value: lookups by id, text case-folded, datetimes as ms. */
function valueOf(type: DataType | 'id', raw: unknown): Scalar {
	if (raw === undefined || raw === null || raw === '') return null;
	if (type === 'lookup' || type === 'ownerlookup') return lookupOf(raw)?.id ?? null;
	return operand(type, String(raw));
}

function operand(type: DataType | 'id', v: string): Scalar {
	if (v === EMPTY) return null;
	if (type === 'datetime') return parseInstant(v) ?? null;
	if (type === 'currency' || type === 'integer') return Number(v);
	if (type === 'boolean') return v === 'true';
	if (KIND[type as DataType] === 'text' || type === 'picklist') return v.toLowerCase();
	return v;
}

function build(crm: Crm, module: ModuleName, c: Criteria): Predicate {
	if (c.kind === 'group') {
		const parts = c.items.map((i) => build(crm, module, i));
		return c.op === 'and' ? (r) => parts.every((p) => p(r)) : (r) => parts.some((p) => p(r));
	}
	const type = typeOf(crm, module, c.field) as DataType | 'id';
	const wanted = c.values.map((v) => operand(type, v));
	const get = (r: CrmRecord) => valueOf(type, c.field === 'id' ? r.id : r[c.field]);
	const cmp = (a: Scalar, b: Scalar) => (a === null || b === null ? NaN : a < b ? -1 : a > b ? 1 : 0);
	switch (c.op) {
		case 'equals':
		case 'in':
			return (r) => wanted.includes(get(r));
		case 'not_equal':
		case 'not_in':
			return (r) => !wanted.includes(get(r));
		case 'starts_with':
			return (r) => {
				const v = get(r);
				return typeof v === 'string' && wanted.some((w) => typeof w === 'string' && v.startsWith(w));
			};
		case 'greater_than':
			return (r) => cmp(get(r), wanted[0]) > 0;
		case 'greater_equal':
			return (r) => cmp(get(r), wanted[0]) >= 0;
		case 'less_than':
			return (r) => cmp(get(r), wanted[0]) < 0;
		case 'less_equal':
			return (r) => cmp(get(r), wanted[0]) <= 0;
		default: // between (inclusive)
			return (r) => cmp(get(r), wanted[0]) >= 0 && cmp(get(r), wanted[1]) <= 0;
	}
}
