/**
 * A task date a user gives either node: a calendar date in the workflow's time zone. A plain date, or a
 * date and time without an offset (what n8n's date picker gives), is the date as written. An instant —
 * a time with `Z` or an offset, a JS Date, a Luxon DateTime — is the date it falls on in the workflow's
 * time zone: `2026-12-01T16:00:00Z` is the 2nd in Tokyo. Both nodes and their hints say the same.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WITH_TIME = /^(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/i;

/** A real `YYYY-MM-DD` (no 30 February). */
export function isCalendarDate(text: string): boolean {
	const m = DATE.exec(text);
	if (!m) return false;
	const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
	return mo >= 1 && mo <= 12 && d >= 1 && d <= new Date(Date.UTC(y, mo, 0)).getUTCDate();
}

/** The UTC offset of a time zone at an instant, in minutes (Intl only; no date library). */
export function zoneOffsetMinutes(timeZone: string, utcMs: number): number {
	const format = new Intl.DateTimeFormat('en-US', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	});
	const parts: Record<string, number> = {};
	for (const part of format.formatToParts(new Date(utcMs))) parts[part.type] = Number(part.value);
	const wall = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute, parts.second);
	return Math.round((wall - Math.floor(utcMs / 1000) * 1000) / 60000);
}

/** The calendar date an instant falls on in a time zone. */
function dateAt(utcMs: number, timeZone: string): string {
	return new Date(utcMs + zoneOffsetMinutes(timeZone, utcMs) * 60000).toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` in `timeZone` (the workflow's), or undefined when the value is not a date. */
export function calendarDateIn(value: unknown, timeZone: string): string | undefined {
	if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : dateAt(value.getTime(), timeZone);
	let text: unknown = value;
	if (typeof value === 'object' && value !== null && typeof (value as { toISO?: unknown }).toISO === 'function') {
		text = (value as { toISO(): string | null }).toISO();
	}
	if (typeof text !== 'string') return undefined;
	const trimmed = text.trim();
	if (isCalendarDate(trimmed)) return trimmed;
	const m = WITH_TIME.exec(trimmed);
	if (!m || !isCalendarDate(m[1])) return undefined;
	if (!m[2]) return m[1];
	const at = Date.parse(trimmed.replace(' ', 'T'));
	return Number.isNaN(at) ? undefined : dateAt(at, timeZone);
}
