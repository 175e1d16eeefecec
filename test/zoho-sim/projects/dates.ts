/**
 * Task and project dates are calendar dates. They are stored as `YYYY-MM-DD` and read back as
 * midnight in the portal's time zone (`2026-12-10T00:00:00.000+09:00`), so the calendar date is
 * always the first ten characters — a client that converts the string to UTC first gets the wrong day.
 */

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?$/;

function validCalendarDate(value: string): boolean {
	const m = DATE.exec(value);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
}

/** `+09:00` → 540. */
export function offsetMinutes(offset: string): number {
	const m = /^([+-])(\d{2}):(\d{2})$/.exec(offset);
	if (!m) return 0;
	return (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3]));
}

/**
 * A written date → the calendar date in the portal's zone, or undefined when it is not a date.
 * A date-time with a zone is an instant: it lands on the portal's calendar day for that instant
 * (so a read value written back is unchanged). Without a zone it is portal-local already.
 */
export function parseDateIn(value: string, portalOffset: string): string | undefined {
	if (DATE.test(value)) return validCalendarDate(value) ? value : undefined;
	const m = DATE_TIME.exec(value);
	if (!m || !validCalendarDate(m[1])) return undefined;
	if (!m[4]) return m[1];
	const instant = Date.parse(value);
	if (Number.isNaN(instant)) return undefined;
	return new Date(instant + offsetMinutes(portalOffset) * 60_000).toISOString().slice(0, 10);
}

export function dateOut(date: string, portalOffset: string): string | undefined {
	return date ? `${date}T00:00:00.000${portalOffset}` : undefined;
}
