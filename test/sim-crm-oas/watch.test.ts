/**
 * actions/watch (subscribe, list, update, disable events, unsubscribe, refusals) against zoho/crm-oas
 * v8.0 notifications.json. Real HTTP against the simulator.
 */
import { type Client, startSim } from '../sim-crm/helpers';
import { problems } from './conform';
import { WATCH_EVENT_CRITERIA, WATCH_LISTING } from './excuses';
import { OPS } from './ops';

const expiry = '2026-11-21T00:00:00+00:00';
const channel = (id: string, extra: Record<string, unknown> = {}) => ({ channel_id: id, events: ['Tasks.all'], channel_expiry: expiry, token: 'tok', notify_url: 'https://example.invalid/hook', ...extra });

describe('CRM actions/watch against notifications.json', () => {
	let c: Client;
	beforeAll(async () => (c = await startSim()));
	afterAll(async () => await c.sim.stop());

	it('subscribe (201), list (200), update (200), disable events (200), unsubscribe (200)', async () => {
		const condition = { type: 'field_selection', module: { api_name: 'Tasks' }, field_selection: { group_operator: 'or', group: [{ field: { api_name: 'Status' } }, { field: { api_name: 'Due_Date' } }] } };
		const sub = await c.post('/crm/v8/actions/watch', { watch: [channel('1000000068001'), channel('1000000068002', { notification_condition: [condition], return_affected_field_values: true })] });
		expect(sub.status).toBe(201);
		expect(problems(sub, OPS.enableWatch, { excuses: [WATCH_EVENT_CRITERIA] })).toEqual([]);

		const list = await c.get('/crm/v8/actions/watch');
		expect(list.status).toBe(200);
		expect(problems(list, OPS.getWatch, { excuses: WATCH_LISTING })).toEqual([]);

		const put = await c.put('/crm/v8/actions/watch', { watch: [channel('1000000068001', { events: ['Tasks.edit', 'Deals.all'] })] });
		expect(put.status).toBe(200);
		expect(problems(put, OPS.updateWatch)).toEqual([]);

		const patch = await c.patch('/crm/v8/actions/watch', { watch: [{ channel_id: '1000000068001', events: ['Deals.all'], _delete_events: true }] });
		expect(patch.status).toBe(200);
		expect(problems(patch, OPS.patchWatch)).toEqual([]);

		const del = await c.del('/crm/v8/actions/watch?channel_ids=1000000068001,1000000068002');
		expect(del.status).toBe(200);
		expect(problems(del, OPS.deleteWatch, { excuses: [WATCH_EVENT_CRITERIA] })).toEqual([]);
		expect((await c.get('/crm/v8/actions/watch')).status).toBe(204);
		expect(problems(await c.get('/crm/v8/actions/watch'), OPS.getWatch)).toEqual([]);
	});

	it('refusals answer as notifications.json lists them', async () => {
		const noEvents = await c.post('/crm/v8/actions/watch', { watch: [{ channel_id: '7', notify_url: 'https://example.invalid/h' }] });
		expect(problems(noEvents, OPS.enableWatch, { statusAs: { status: '202', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
		const badEvent = await c.post('/crm/v8/actions/watch', { watch: [channel('8', { events: ['Nothing.all'] })] });
		expect(problems(badEvent, OPS.enableWatch, { statusAs: { status: '202', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
		const notSubscribed = await c.put('/crm/v8/actions/watch', { watch: [channel('999')] });
		expect(problems(notSubscribed, OPS.updateWatch, { statusAs: { status: '202', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
		const noWrapper = await c.post('/crm/v8/actions/watch', { nothing: true });
		expect(noWrapper.status).toBe(400);
		expect(problems(noWrapper, OPS.updateWatch)).toEqual([]);
		const noIds = await c.del('/crm/v8/actions/watch');
		expect(noIds.status).toBe(400);
		expect(problems(noIds, OPS.deleteWatch, { alt: 'MandatoryParamError' })).toEqual([]);
		const unknown = await c.del('/crm/v8/actions/watch?channel_ids=424242');
		expect(problems(unknown, OPS.deleteWatch, { statusAs: { status: '202', why: 'CRM/OpenAPI conformance: write statuses' } })).toEqual([]);
	});
});
