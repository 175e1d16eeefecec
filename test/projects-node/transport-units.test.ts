/** Pure pieces of the Projects transport: error bodies, lock durations, API patterns, dates, bodies. */
import { DateTime } from 'luxon';

import {
	apiPattern,
	dateOrderProblem,
	lockDurationMs,
	readV3Error,
	taskBody,
	toCalendarDate,
	withCalendarDates,
} from '../../nodes/shared/projects';

describe('Zoho Projects transport: pure helpers', () => {
	it('reads the three shapes of V3 error bodies', () => {
		expect(readV3Error(400, { error: { status_code: '400', title: 'INVALID_PARAMETER_VALUE', details: [{ message: 'bad', field_name: 'status' }] } })).toEqual({
			status: 400,
			title: 'INVALID_PARAMETER_VALUE',
			message: 'bad',
			field: 'status',
			errorType: undefined,
		});
		// `error` as an array (seen on DELETE /projects/{id}).
		expect(readV3Error(400, { error: [{ title: 'INVALID_METHOD', details: [{ message: 'use trash' }] }] })).toMatchObject({ title: 'INVALID_METHOD', message: 'use trash' });
		// `details` as an object (the throttle error), with a numeric status_code.
		expect(
			readV3Error(400, { error: { status_code: 400, title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED', details: { message: 'Try again after 22 minutes.' } } }),
		).toMatchObject({ title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED', message: 'Try again after 22 minutes.' });
		// An error delivered with HTTP 200 (reported for the legacy API) is still an error.
		expect(readV3Error(200, { error: { code: 6404, message: 'Domain Not Available' } })).toMatchObject({ status: 200, title: '6404', message: 'Domain Not Available' });
		expect(readV3Error(200, { id: '1' })).toBeUndefined();
		expect(readV3Error(502, '<html>Bad gateway</html>')).toMatchObject({ status: 502, title: 'HTTP_502' });
	});

	it('reads the lock duration from the message, else from Retry-After', () => {
		const error = (message: string) => ({ status: 400, title: 'URL_ROLLING_THROTTLES_LIMIT_EXCEEDED', message });
		expect(lockDurationMs(error('Cannot execute more than 100 requests per API in 2 minutes. Try again after 8 minutes.'))).toBe(8 * 60_000);
		expect(lockDurationMs(error('Too many requests'), '90')).toBe(90_000);
		expect(lockDurationMs(error('Too many requests'))).toBeUndefined();
	});

	it('names an API by its URL pattern: ids and the portal are placeholders, the version is not', () => {
		expect(apiPattern('/api/v3/portal/700000001/projects/2000000041001/tasks/2000000081001')).toBe('/api/v3/portal/:id/projects/:id/tasks/:id');
		expect(apiPattern('/api/v3/portal/sakura-demo/projects/9/tasks/8')).toBe('/api/v3/portal/:id/projects/:id/tasks/:id');
		expect(apiPattern('/api/v3.1/portal/1/users')).toBe('/api/v3.1/portal/:id/users');
	});

	it('takes the calendar date a value is written with, never shifting it by time zone', () => {
		expect(toCalendarDate('2026-12-10')).toBe('2026-12-10');
		expect(toCalendarDate('2026-12-10T23:30:00-08:00')).toBe('2026-12-10');
		expect(toCalendarDate('2026-12-10T00:00:00.000+09:00')).toBe('2026-12-10');
		expect(toCalendarDate(DateTime.fromISO('2026-12-10T01:00:00', { zone: 'Asia/Tokyo' }))).toBe('2026-12-10');
		expect(toCalendarDate('2026-02-30')).toBeUndefined();
		expect(toCalendarDate('12-10-2026')).toBeUndefined();
		expect(withCalendarDates({ start_date: '2026-12-01T00:00:00.000+09:00', name: 'x' })).toEqual({ start_date: '2026-12-01', name: 'x' });
		expect(dateOrderProblem('2026-12-10', '2026-12-09')).toBe('End date 2026-12-09 is before start date 2026-12-10');
		expect(dateOrderProblem('2026-12-10', '2026-12-10')).toBeUndefined();
	});

	it('builds V3 task bodies with nested links and owner add/remove items', () => {
		expect(
			taskBody({
				name: 'T',
				tasklistId: '30',
				parentTaskId: '41',
				statusId: '5',
				ownerZpuids: ['7'],
				addOwnerZpuids: ['8'],
				removeOwnerZpuids: ['9'],
				customFields: { CRM_Task_ID: '123' },
			}),
		).toEqual({
			name: 'T',
			tasklist: { id: '30' },
			parental_info: { parent_task_id: '41' },
			status: { id: '5' },
			owners_and_work: { owners: [{ zpuid: '7' }, { add: [{ zpuid: '8' }], remove: [{ zpuid: '9' }] }] },
			CRM_Task_ID: '123',
		});
		expect(taskBody({})).toEqual({});
	});
});
