/**
 * The editor's dropdowns (loadOptions) and resource-locator lists (listSearch) through n8n-core's
 * LoadOptionsContext, and the Notification Channel resource a scheduled workflow can use.
 */
import { LoadOptionsContext } from 'n8n-core';
import type { ILoadOptionsFunctions, INodeListSearchResult, INodePropertyOptions, INodeType } from 'n8n-workflow';

import { COMPANIES, DEALS, FIELDS, TASKS, USERS } from '../zoho-sim/seed-data';
import { crmContext, type CrmContext, crmWorkflow, jsonOf } from './helpers';
import { DAY, sharedClock, triggerWorkflow } from './trigger-helpers';

type LoadOptions = (this: ILoadOptionsFunctions) => Promise<INodePropertyOptions[]>;
type ListSearch = (this: ILoadOptionsFunctions, filter?: string, token?: string) => Promise<INodeListSearchResult>;

describe('Zoho CRM Tasks node: editor methods', () => {
	let ctx: CrmContext;
	beforeAll(async () => (ctx = await crmContext()));
	afterAll(async () => await ctx.sim.stop());

	function context() {
		const workflow = ctx.harness.workflow(crmWorkflow({ resource: 'task', operation: 'create' }));
		const node = workflow.getNode('CRM')!;
		const type = ctx.harness.nodeTypes.getByNameAndVersion(node.type, node.typeVersion) as INodeType;
		const context = new LoadOptionsContext(workflow, node, ctx.harness.additionalData(), 'parameters.x');
		return {
			load: async (name: string) => await (type.methods!.loadOptions![name] as LoadOptions).call(context),
			search: async (name: string, filter?: string, token?: string) => await (type.methods!.listSearch![name] as ListSearch).call(context, filter, token),
		};
	}

	it("lists the org's Status and Priority values, including its own", async () => {
		const { load } = context();
		expect((await load('getTaskStatuses')).map((o) => o.value)).toEqual([
			'Not Started',
			'Deferred',
			'In Progress',
			'Completed',
			'Waiting for input',
			'Waiting for Customer',
		]);
		expect((await load('getTaskPriorities')).map((o) => o.value)).toEqual(['Highest', 'High', 'Normal', 'Low', 'Lowest']);
	});

	it('lists custom fields, match fields and all fields from settings/fields', async () => {
		const { load } = context();
		const custom = (await load('getTaskCustomFields')).map((o) => o.value);
		expect(custom).toEqual(expect.arrayContaining([FIELDS.taskLink, FIELDS.syncState, FIELDS.taskLinkUrl]));
		expect(custom).not.toContain('Subject');
		expect((await load('getTaskMatchFields')).map((o) => o.value)).toEqual(expect.arrayContaining(['Subject', FIELDS.taskLink]));
		expect((await load('getTaskFields')).map((o) => o.value)).toEqual(expect.arrayContaining(['Modified_Time', 'Status']));
		// An org field added later shows up the next time the editor asks (a new context each time).
		ctx.sim.crm.addField('Tasks', { api_name: 'Billable_Hours', data_type: 'integer' });
		expect((await context().load('getTaskCustomFields')).map((o) => o.value)).toContain('Billable_Hours');
	});

	it('searches tasks, accounts, deals and users for the resource locators', async () => {
		const { search } = context();
		expect((await search('searchTasks', 'Design')).results).toEqual([{ name: TASKS.design.name, value: TASKS.design.crmId }]);
		const recent = await search('searchTasks');
		expect(recent.results.map((r) => r.value)).toEqual(expect.arrayContaining([TASKS.plan.crmId, TASKS.kickoff.crmId]));
		expect((await search('searchAccounts', 'Acme')).results).toEqual([{ name: COMPANIES.acme.crmName, value: COMPANIES.acme.accountId }]);
		expect((await search('searchDeals', 'Acme')).results).toEqual([{ name: DEALS.website.name, value: DEALS.website.id }]);
		expect((await search('searchUsers', 'emily')).results).toEqual([{ name: `${USERS.emily.name} (${USERS.emily.email})`, value: USERS.emily.crmId }]);
	});
});

describe('Zoho CRM Tasks node: notification channels for a scheduled workflow', () => {
	let ctx: CrmContext;
	let clock: ReturnType<typeof sharedClock>;
	beforeAll(async () => {
		ctx = await crmContext();
		clock = sharedClock(ctx.sim);
	});
	afterAll(async () => {
		await ctx.sim.stop();
		clock.stop();
	});

	it('lists, renews (by id or notify URL) and deletes channels', async () => {
		await ctx.harness.listen();
		const trigger = triggerWorkflow({ mode: 'instant' });
		await ctx.harness.activate(trigger, 'Trigger');
		const channelId = String(ctx.harness.nodeStaticData('Trigger').channelId);

		const listed = await ctx.run({ resource: 'notificationChannel', operation: 'getAll', returnAll: true });
		expect(jsonOf(listed)).toEqual([expect.objectContaining({ channelId, events: expect.arrayContaining(['Tasks.edit']) })]);

		clock.advance(6 * DAY);
		const renewed = await ctx.run({ resource: 'notificationChannel', operation: 'renew', selectBy: 'channelId', channelId });
		expect(renewed.error).toBeUndefined();
		const [channel] = ctx.sim.crm.watch.live();
		expect(channel.expiresAt - ctx.sim.clock.now()).toBeGreaterThan(6 * DAY);
		// The token and the field condition survive a renewal.
		expect(channel.token).toBe(ctx.harness.nodeStaticData('Trigger').token);
		expect(channel.conditions).toHaveLength(1);
		expect(jsonOf(renewed)[0]).toMatchObject({ channelId, expiresAt: new Date(channel.expiresAt).toISOString() });

		const byUrl = await ctx.run({ resource: 'notificationChannel', operation: 'renew', selectBy: 'notifyUrl', notifyUrl: '127.0.0.1' });
		expect(jsonOf(byUrl).map((c) => c.channelId)).toEqual([channelId]);

		const unknown = await ctx.run({ resource: 'notificationChannel', operation: 'renew', selectBy: 'channelId', channelId: '1999' });
		expect(unknown.error?.message).toBe('Zoho CRM has no notification channel "1999"');

		const deleted = await ctx.run({ resource: 'notificationChannel', operation: 'delete', selectBy: 'channelId', channelId });
		expect(jsonOf(deleted)).toEqual([{ channelId, deleted: true }]);
		expect(ctx.sim.crm.watch.live()).toHaveLength(0);
		await ctx.harness.close();
	});
});
