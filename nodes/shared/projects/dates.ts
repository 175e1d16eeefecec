/**
 * Task dates are calendar dates. Input is read as the date it is written with (`2026-12-10`,
 * `2026-12-10T23:30:00+09:00` and a Luxon DateTime all mean the 10th) and is never converted
 * between time zones; Zoho's reads (`2026-12-10T00:00:00.000+09:00`, midnight in the portal's
 * zone) are turned back into that calendar date.
 */
const DATE = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/;

function valid(y: number, m: number, d: number): boolean {
	const date = new Date(Date.UTC(y, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** `YYYY-MM-DD`, or undefined when the value is not a date. */
export function toCalendarDate(value: unknown): string | undefined {
	let text: unknown = value;
	if (typeof value === 'object' && value !== null && typeof (value as { toISODate?: unknown }).toISODate === 'function') {
		text = (value as { toISODate(): string | null }).toISODate();
	}
	if (typeof text !== 'string') return undefined;
	const m = DATE.exec(text.trim());
	if (!m || !valid(Number(m[1]), Number(m[2]), Number(m[3]))) return undefined;
	return `${m[1]}-${m[2]}-${m[3]}`;
}

/** A date Zoho returned → its calendar date; anything else unchanged. */
export function fromZohoDate<T>(value: T): T | string {
	return typeof value === 'string' ? (toCalendarDate(value) ?? value) : value;
}
