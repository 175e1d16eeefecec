/**
 * Bad input per item: each bad item gets an error naming the field and the value, the good items
 * are written, and with continueOnFail / the error output the run goes on.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { FIELDS, TASKS } from '../zoho-sim/seed-data';
import { byId, crmContext, type CrmContext, items, jsonOf } from './helpers';

/** What to do about an error: in the error item's json (`details`), or on its attached error. */
const detailsOf = (item: INodeExecutionData) => item.json.message ?? item.error?.description;

describe('Zoho CRM Tasks node: bad input per item', () => {
	let ctx: CrmContext;
	beforeAll(async () => (ctx = await crmContext()));
	afterAll(async () => await ctx.sim.stop());
	beforeEach(() => ctx.sim.log.clear());

	const create = {
		resource: 'task',
		operation: 'create',
		subject: '={{ $json.subject }}',
		additionalFields: { dueDate: '={{ $json.due }}', status: '={{ $json.status }}' },
	};
	const input = items(
		{ subject: 'Good one', due: '2026-12-01', status: 'Not Started' },
		{ subject: 'Bad date', due: 'next Tuesday', status: 'Not Started' },
		{ subject: 'Bad status', due: '2026-12-02', status: 'Done' },
		{ subject: '', due: '2026-12-03', status: 'Not Started' },
		{ subject: 'Good two', due: '2026-12-04', status: 'waiting for customer' },
	);

	it('routes each bad item to the error output with a message naming field and value; good items are written', async () => {
		const before = ctx.sim.crm.store.all('Tasks').length;
		const result = await ctx.run(create, input, { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		const ok = result.output('CRM', 0);
		const failed = result.output('CRM', 1);
		expect(ok.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 4 }]);
		expect(failed.map((i) => i.pairedItem)).toEqual([{ item: 1 }, { item: 2 }, { item: 3 }]);
		expect(failed.map((i) => i.json.error)).toEqual([
			'Due Date "next Tuesday" is not a date',
			'Status "Done" is not a value of the Status picklist in this Zoho CRM org',
			'Subject is empty',
		]);
		expect(detailsOf(failed[1])).toBe(
			'Allowed values: Not Started, Deferred, In Progress, Completed, Waiting for input, Waiting for Customer.',
		);
		// Checked locally: one write for the two good items, nothing for the bad ones.
		expect(ctx.sim.log.filter({ method: 'POST', path: '/crm/v8/Tasks' })).toHaveLength(1);
		expect(ctx.sim.crm.store.all('Tasks').length - before).toBe(2);
		// The org's picklist value is matched whatever its case.
		const second = ctx.sim.crm.getRecord('Tasks', String(ok[1].json.id));
		expect(second).toMatchObject({ Subject: 'Good two', Status: 'Waiting for Customer' });
	});

	it('refuses a list or an object mapped to a field that holds one value, naming the field and the value', async () => {
		const before = ctx.sim.crm.store.all('Tasks').length;
		const result = await ctx.run(
			{
				resource: 'task',
				operation: 'create',
				subject: '={{ $json.subject }}',
				additionalFields: { description: '={{ $json.text }}', priority: '={{ $json.priority }}' },
			},
			items(
				{ subject: ['Call', 'Visit'], text: 'fine', priority: 'High' },
				{ subject: 'Object text', text: { body: 'hello' }, priority: 'High' },
				{ subject: 'List priority', text: 'fine', priority: ['High'] },
				{ subject: 'Good', text: 'fine', priority: 'High' },
			),
			{ onError: 'continueErrorOutput' },
		);
		expect(result.output('CRM', 1).map((i) => i.json.error)).toEqual([
			'Subject ["Call","Visit"] is a list, not one value',
			'Description {"body":"hello"} is an object, not one value',
			'Priority ["High"] is a list, not one value',
		]);
		expect(result.output('CRM', 0)).toHaveLength(1);
		expect(ctx.sim.crm.store.all('Tasks').length - before).toBe(1);
	});

	it('update: an expression that finds nothing in the item fails the item instead of clearing the field; an empty value still clears it', async () => {
		const task = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Keep me', Description: 'written by a person' });
		const other = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Clear me', Description: 'to be cleared' });
		const result = await ctx.run(
			{ resource: 'task', operation: 'update', taskId: byId('={{ $json.id }}'), updateFields: { description: '={{ $json.text }}' } },
			items({ id: String(task.id) }, { id: String(other.id), text: '' }),
			{ onError: 'continueErrorOutput' },
		);
		expect(result.output('CRM', 1).map((i) => i.json.error)).toEqual(['Description: its expression found no value in this item']);
		expect(ctx.sim.crm.getRecord('Tasks', String(task.id))?.Description).toBe('written by a person');
		expect(ctx.sim.crm.getRecord('Tasks', String(other.id))?.Description ?? null).toBeNull();
	});

	it("takes a due date given as an instant on the date it falls on in the workflow's time zone (Tokyo)", async () => {
		const result = await ctx.run(
			{ resource: 'task', operation: 'create', subject: '={{ $json.subject }}', additionalFields: { dueDate: '={{ $json.due }}' } },
			items({ subject: 'UTC instant', due: '2026-12-01T16:00:00Z' }, { subject: 'As written', due: '2026-12-01' }, { subject: 'No date', due: '' }),
			{ timezone: 'Asia/Tokyo' },
		);
		expect(result.error).toBeUndefined();
		const due = result.output('CRM', 0).map((i) => ctx.sim.crm.getRecord('Tasks', String(i.json.id))?.Due_Date ?? null);
		expect(due).toEqual(['2026-12-02', '2026-12-01', null]);
		const js = await ctx.run(
			{ resource: 'task', operation: 'create', subject: 'JS Date', additionalFields: { dueDate: "={{ new Date('2026-12-01T16:00:00Z') }}" } },
			items({}),
			{ timezone: 'Asia/Tokyo' },
		);
		expect(ctx.sim.crm.getRecord('Tasks', String(js.output('CRM', 0)[0].json.id))?.Due_Date).toBe('2026-12-02');
	});

	it('with Continue (continueOnFail) keeps errors in the main output, in item order', async () => {
		const result = await ctx.run(create, input, { continueOnFail: true });
		const out = jsonOf(result);
		expect(out).toHaveLength(5);
		expect(out.map((o) => (o.error ? 'error' : 'ok'))).toEqual(['ok', 'error', 'error', 'error', 'ok']);
	});

	it('stops before writing anything when an item is bad and errors are not continued', async () => {
		const result = await ctx.run(create, input);
		expect(result.error?.message).toBe('Due Date "next Tuesday" is not a date');
		expect(ctx.sim.log.filter({ writes: true })).toHaveLength(0);
	});

	it("maps Zoho's per-record errors to the item: an unknown id on update, while the other item is updated", async () => {
		const task = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Known' });
		const result = await ctx.run(
			{ resource: 'task', operation: 'update', taskId: byId('={{ $json.id }}'), updateFields: { description: '={{ $json.text }}' } },
			items({ id: '4876876000000000001', text: 'lost' }, { id: String(task.id), text: 'kept' }),
			{ onError: 'continueErrorOutput' },
		);
		expect(result.output('CRM', 1).map((i) => [i.pairedItem, i.json.error])).toEqual([
			[{ item: 0 }, 'No task with ID "4876876000000000001" exists in Zoho CRM (INVALID_DATA)'],
		]);
		expect(result.output('CRM', 0).map((i) => i.json.id)).toEqual([task.id]);
		expect(ctx.sim.crm.getRecord('Tasks', String(task.id))?.Description).toBe('kept');
		expect(ctx.sim.log.filter({ method: 'PUT' })).toHaveLength(1);
	});

	it("names the field, JSON path and value of a value Zoho refuses (a custom field's length)", async () => {
		const result = await ctx.run(
			{
				resource: 'task',
				operation: 'update',
				taskId: byId(TASKS.kickoff.crmId),
				updateFields: { customFields: { field: [{ name: FIELDS.taskLink, value: 'x'.repeat(300) }] } },
			},
			items({}),
			{ onError: 'continueErrorOutput' },
		);
		const [failed] = result.output('CRM', 1);
		expect(failed.json.error).toBe(`Zoho CRM rejected the task field ${FIELDS.taskLink} (value "${'x'.repeat(300)}"): invalid data (INVALID_DATA)`);
		expect(detailsOf(failed)).toBe(`Field: ${FIELDS.taskLink}, at $.data[0].${FIELDS.taskLink}, expected type: text, maximum length: 255`);
	});

	it('names a custom field the org does not have, without calling the write', async () => {
		ctx.sim.log.clear();
		const result = await ctx.run(
			{ resource: 'task', operation: 'create', subject: 'x', additionalFields: { customFields: { field: [{ name: 'No_Such_Field', value: '1' }] } } },
			items({}),
		);
		expect(result.error?.message).toBe('The task field "No_Such_Field" does not exist in this Zoho CRM org');
		expect(ctx.sim.log.filter({ writes: true })).toHaveLength(0);
	});

	it('refuses an id that is not a Zoho id before calling Zoho', async () => {
		ctx.sim.log.clear();
		// Typed in the ID field, n8n's own validation stops it; from an expression, the node does.
		const result = await ctx.run({ resource: 'task', operation: 'get', taskId: byId('={{ "abc" }}') }, items({}));
		expect(result.error?.message).toBe('Task ID "abc" is not a Zoho CRM ID');
		expect(ctx.sim.log.entries).toHaveLength(0);
	});
});
