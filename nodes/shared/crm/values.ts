/**
 * Pure conversions between what n8n users type and what Zoho CRM accepts: instants with an
 * explicit offset, and search criteria (task dates: ../dates.ts).
 */

import { isCalendarDate, zoneOffsetMinutes } from '../dates';

const INSTANT = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

/** Luxon DateTime values (n8n expressions) and JS Dates, as an ISO string. */
function asText(value: unknown): string | undefined {
	if (typeof value === 'string') return value.trim();
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
	if (typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function') {
		const iso = (value as { toISO: () => string | null }).toISO();
		return iso ?? undefined;
	}
	return undefined;
}

export { zoneOffsetMinutes };

const pad = (n: number) => String(Math.abs(n)).padStart(2, '0');
const offsetText = (minutes: number) => `${minutes < 0 ? '-' : '+'}${pad(Math.trunc(minutes / 60))}:${pad(minutes % 60)}`;

/**
 * An instant as Zoho writes it: `2026-12-01T09:00:00+09:00` (seconds, explicit offset). A value
 * without an offset is wall time in `timeZone` (the workflow's). Undefined when not a date-time.
 */
export function toZohoDateTime(value: unknown, timeZone = 'UTC'): string | undefined {
	const text = asText(value);
	if (!text) return undefined;
	const m = INSTANT.exec(text);
	if (!m || !isCalendarDate(m[1]) || Number(m[2]) > 23 || Number(m[3]) > 59 || Number(m[4] ?? 0) > 59) return undefined;
	const wall = `${m[1]}T${m[2]}:${m[3]}:${m[4] ?? '00'}`;
	const zone = m[5];
	if (zone) {
		const offset = zone === 'Z' ? '+00:00' : zone.includes(':') ? zone : `${zone.slice(0, 3)}:${zone.slice(3)}`;
		return Number.isNaN(Date.parse(wall + offset)) ? undefined : wall + offset;
	}
	const asUtc = Date.parse(`${wall}Z`);
	let offset: number;
	try {
		offset = zoneOffsetMinutes(timeZone, asUtc - zoneOffsetMinutes(timeZone, asUtc) * 60000);
	} catch {
		return undefined;
	}
	return wall + offsetText(offset);
}

/** Epoch ms of a Zoho time (`2026-12-01T09:00:00+09:00`), or undefined. */
export function parseZohoTime(value: unknown): number | undefined {
	if (typeof value !== 'string' || !value) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** Format epoch ms the way Zoho prints times (UTC, no milliseconds). */
export function formatZohoTime(ms: number): string {
	return new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');
}

/** One search criterion `(field:operator:value)`; Zoho wants `(`, `)` and `,` escaped in values. */
export function criterion(field: string, operator: string, value: string): string {
	return `(${field}:${operator}:${value.replace(/[(),\\]/g, (c) => `\\${c}`)})`;
}

/** Criteria joined with `and`, wrapped as Zoho expects: `((a)and(b))`. Empty parts are dropped. */
export function allOf(parts: Array<string | undefined>): string {
	const kept = parts.map((p) => p?.trim()).filter((p): p is string => Boolean(p));
	if (kept.length <= 1) return kept[0] ?? '';
	return `(${kept.map((p) => (p.startsWith('(') ? p : `(${p})`)).join('and')})`;
}
