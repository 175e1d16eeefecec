/** Pure conversions of the CRM transport: dates that never shift, instants with offsets, criteria. */
import { allOf, criterion, formatZohoTime, toZohoDateTime, zoneOffsetMinutes } from '../../nodes/shared/crm/values';
import { calendarDateIn } from '../../nodes/shared/dates';

describe('CRM value conversions', () => {
	it.each([
		['2026-12-01', 'Asia/Tokyo', '2026-12-01'],
		['2026-12-01 10:00', 'UTC', '2026-12-01'],
		['2026-12-01T23:30:00', 'America/Los_Angeles', '2026-12-01'],
		['2028-02-29', 'UTC', '2028-02-29'],
		// Issue 12 item 17: an instant is the date it falls on in the workflow's time zone.
		['2026-12-01T16:00:00Z', 'Asia/Tokyo', '2026-12-02'],
		['2026-12-01T16:00:00Z', 'UTC', '2026-12-01'],
		['2026-12-01T23:30:00-08:00', 'Asia/Tokyo', '2026-12-02'],
		['2026-12-01T23:30:00-08:00', 'America/Los_Angeles', '2026-12-01'],
		['2026-12-01T00:30:00+09:00', 'UTC', '2026-11-30'],
	])('takes %s in %s as the calendar date %s', (input, zone, date) => expect(calendarDateIn(input, zone)).toBe(date));

	it.each(['2026-02-30', '2026-13-01', 'next Tuesday', '', '12/01/2026', '2026-12-01Tgarbage'])('refuses %j as a date', (input) => {
		expect(calendarDateIn(input, 'UTC')).toBeUndefined();
	});

	it("takes Luxon DateTimes and JS Dates as instants, in the workflow's time zone", () => {
		expect(calendarDateIn({ toISO: () => '2026-12-24T18:00:00.000+09:00' }, 'Asia/Tokyo')).toBe('2026-12-24');
		expect(calendarDateIn({ toISO: () => '2026-12-24T18:00:00.000+09:00' }, 'UTC')).toBe('2026-12-24');
		expect(calendarDateIn({ toISO: () => '2026-12-24T03:00:00.000+09:00' }, 'UTC')).toBe('2026-12-23');
		expect(calendarDateIn(new Date(Date.UTC(2026, 11, 24, 16)), 'Asia/Tokyo')).toBe('2026-12-25');
		expect(calendarDateIn(new Date(Date.UTC(2026, 11, 24, 16)), 'UTC')).toBe('2026-12-24');
	});

	it("writes instants with seconds and an explicit offset; offset-less ones are in the workflow's zone", () => {
		expect(toZohoDateTime('2026-12-01T09:00:00Z')).toBe('2026-12-01T09:00:00+00:00');
		expect(toZohoDateTime('2026-12-01T09:00+0900')).toBe('2026-12-01T09:00:00+09:00');
		expect(toZohoDateTime('2026-12-01T09:00:00', 'Asia/Tokyo')).toBe('2026-12-01T09:00:00+09:00');
		expect(toZohoDateTime('2026-07-01T09:00:00', 'Europe/Berlin')).toBe('2026-07-01T09:00:00+02:00');
		expect(toZohoDateTime('2026-01-15T09:00:00', 'America/St_Johns')).toBe('2026-01-15T09:00:00-03:30');
		expect(toZohoDateTime('2026-12-01T25:00:00')).toBeUndefined();
		expect(toZohoDateTime('2026-12-01', 'UTC')).toBeUndefined();
		expect(zoneOffsetMinutes('Asia/Kolkata', Date.UTC(2026, 0, 1))).toBe(330);
		expect(formatZohoTime(Date.UTC(2026, 11, 1, 9, 0, 0, 123))).toBe('2026-12-01T09:00:00+00:00');
	});

	it('escapes criteria values and joins criteria with and', () => {
		expect(criterion('Account_Name', 'equals', 'Smith, Jones (Tokyo)')).toBe('(Account_Name:equals:Smith\\, Jones \\(Tokyo\\))');
		expect(criterion('Zoho_Projects_Project', 'equals', '1:2')).toBe('(Zoho_Projects_Project:equals:1:2)');
		expect(allOf(['(A:equals:1)', undefined, ''])).toBe('(A:equals:1)');
		expect(allOf(['(A:equals:1)', '(B:equals:2)', 'C:equals:3'])).toBe('((A:equals:1)and(B:equals:2)and(C:equals:3))');
		expect(allOf([])).toBe('');
	});
});
