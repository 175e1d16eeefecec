/**
 * Due dates are calendar dates. Zoho CRM's `Due_Date` is already `YYYY-MM-DD`; Zoho Projects reads
 * dates back as midnight in the portal's zone (`2026-12-10T00:00:00+09:00`), whose first ten
 * characters are the calendar date. Converting either through UTC would move a Tokyo date by a day.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})/;

/** The calendar date of a Zoho date or date-time string, or null for empty values. */
export function calendarDate(value: string | null | undefined): string | null {
	if (!value) return null;
	const m = DATE.exec(value.trim());
	if (!m) return null;
	return `${m[1]}-${m[2]}-${m[3]}`;
}

/** Whether `value` is a real `YYYY-MM-DD` calendar date (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** Calendar dates in `YYYY-MM-DD` order as strings, so comparison is lexical. */
export function compareDates(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
