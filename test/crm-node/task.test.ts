/**
 * Task operations of the Zoho CRM Tasks node through n8n-core's engine against the simulator:
 * the node's output, what the simulator now holds, and which requests went out.
 */
import { COMPANIES, CONTACTS, DEALS, FIELDS, PROJECTS, TASKS, USERS, taskLinkValue } from '../zoho-sim/seed-data';
import { byId, byUrl, crmContext, type CrmContext, items, jsonOf } from './helpers';

const query = (q: string) => Object.fromEntries(new URLSearchParams(q));

describe('Zoho CRM Tasks node: task operations', () => {
	let ctx: CrmContext;
	beforeAll(async () => (ctx = await crmContext()));
	afterAll(async () => await ctx.sim.stop());
	beforeEach(() => ctx.sim.log.clear());

	it('creates several items as one batched write, with every standard field and a custom field', async () => {
		const result = await ctx.run(
			{
				resource: 'task',
				operation: 'create',
				subject: '={{ $json.subject }}',
				additionalFields: {
					description: 'Prepare <b>the agenda</b>',
					dueDate: '={{ $json.due }}',
					priority: 'High',
					status: 'Waiting for Customer',
					owner: byId(USERS.emily.crmId),
					relatedTo: { record: { module: 'deal', id: DEALS.website.id } },
					contactId: CONTACTS.john.id,
					sendNotificationEmail: true,
					customFields: { field: [{ name: FIELDS.taskLink, value: '={{ $json.link }}' }] },
				},
			},
			items(
				{ subject: 'Kick-off', due: '2026-12-01T23:30:00-08:00', link: 'a:b:1' },
				{ subject: '設計レビュー', due: '2026-12-02', link: 'a:b:2' },
				{ subject: 'Wrap-up', due: '2026-12-03', link: 'a:b:3' },
			),
			{ timezone: 'America/Los_Angeles' },
		);
		expect(result.error).toBeUndefined();
		const out = jsonOf(result);
		expect(out).toHaveLength(3);
		// One POST for three items: the batch.
		const writes = ctx.sim.log.filter({ method: 'POST', path: '/crm/v8/Tasks' });
		expect(writes).toHaveLength(1);
		expect(result.output('CRM').map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const stored = out.map((o) => ctx.sim.crm.getRecord('Tasks', String(o.id))!);
		expect(stored.map((t) => t.Subject)).toEqual(['Kick-off', '設計レビュー', 'Wrap-up']);
		// An instant is the date it falls on in the workflow's time zone (Los Angeles here), never the UTC date.
		expect(stored.map((t) => t.Due_Date)).toEqual(['2026-12-01', '2026-12-02', '2026-12-03']);
		expect(stored[0]).toMatchObject({
			Description: 'Prepare <b>the agenda</b>',
			Priority: 'High',
			Status: 'Waiting for Customer',
			Owner: { id: USERS.emily.crmId },
			What_Id: { id: DEALS.website.id },
			$se_module: 'Deals',
			Who_Id: { id: CONTACTS.john.id },
			Send_Notification_Email: true,
			[FIELDS.taskLink]: 'a:b:1',
		});
		expect(out[0]).toMatchObject({ id: stored[0].id, Created_Time: expect.any(String) });
	});

	it('relates a task to an account, sets a reminder (Remind_At) and a recurrence (Recurring_Activity), and clears them', async () => {
		const result = await ctx.run({
			resource: 'task',
			operation: 'create',
			subject: 'Quarterly account review',
			additionalFields: {
				relatedTo: { record: { module: 'account', id: COMPANIES.sakura.accountId } },
				reminderAt: '2026-12-01T09:00:00+09:00',
				reminderAction: 'emailAndPopup',
				recurrence: 'RRULE:FREQ=WEEKLY;INTERVAL=1;DTSTART=2026-12-01;UNTIL=2027-03-31',
			},
		});
		expect(result.error).toBeUndefined();
		const id = String(jsonOf(result)[0].id);
		const written = {
			Remind_At: { ALARM: 'FREQ=NONE;ACTION=EMAILANDPOPUP;TRIGGER=DATE-TIME:2026-12-01T09:00:00+09:00' },
			Recurring_Activity: { RRULE: 'FREQ=WEEKLY;INTERVAL=1;DTSTART=2026-12-01;UNTIL=2027-03-31' },
		};
		expect(ctx.sim.crm.getRecord('Tasks', id)).toMatchObject({ What_Id: { id: COMPANIES.sakura.accountId }, $se_module: 'Accounts', ...written });

		// Read back as Zoho returns it: the account by name beside its module; found by the account.
		const read = await ctx.run({ resource: 'task', operation: 'get', taskId: byId(id) });
		expect(jsonOf(read)[0]).toMatchObject({ What_Id: { id: COMPANIES.sakura.accountId, name: COMPANIES.sakura.crmName }, $se_module: 'Accounts', ...written });
		const ofAccount = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { relatedId: COMPANIES.sakura.accountId } });
		expect(jsonOf(ofAccount).map((t) => t.id)).toContain(id);

		// A new reminder without an action is a pop-up; an empty recurrence ends the series.
		const updated = await ctx.run({ resource: 'task', operation: 'update', taskId: byId(id), updateFields: { reminderAt: '2026-12-02T08:30:00Z', recurrence: '' } });
		expect(updated.error).toBeUndefined();
		expect(ctx.sim.crm.getRecord('Tasks', id)).toMatchObject({
			Remind_At: { ALARM: 'FREQ=NONE;ACTION=POPUP;TRIGGER=DATE-TIME:2026-12-02T08:30:00+00:00' },
			Recurring_Activity: null,
			$se_module: 'Accounts',
		});

		const bad = await ctx.run({ resource: 'task', operation: 'update', taskId: byId(id), updateFields: { recurrence: 'every Monday' } });
		expect(bad.error?.message).toBe('Recurrence Rule "every Monday" is not an RRULE');
	});

	it('splits more than 100 items into writes of at most 100 records', async () => {
		const many = Array.from({ length: 150 }, (_, i) => ({ subject: `Batch ${i}` }));
		const result = await ctx.run({ resource: 'task', operation: 'create', subject: '={{ $json.subject }}' }, items(...many));
		expect(result.error).toBeUndefined();
		expect(jsonOf(result)).toHaveLength(150);
		expect(result.output('CRM').at(-1)?.pairedItem).toEqual({ item: 149 });
		expect(ctx.sim.log.filter({ method: 'POST', path: '/crm/v8/Tasks' }).map((e) => e.status)).toEqual([201, 201]);
		expect(ctx.sim.crm.store.all('Tasks').filter((t) => String(t.Subject).startsWith('Batch '))).toHaveLength(150);
	});

	it('gets a task by ID and by URL, and names the ID Zoho does not know', async () => {
		const byIdResult = await ctx.run({ resource: 'task', operation: 'get', taskId: byId(TASKS.plan.crmId) });
		expect(jsonOf(byIdResult)[0]).toMatchObject({ id: TASKS.plan.crmId, Subject: TASKS.plan.name, Status: 'In Progress' });

		const url = `https://crm.zoho.jp/crm/org90001/tab/Tasks/${TASKS.design.crmId}`;
		const viaUrl = await ctx.run({ resource: 'task', operation: 'get', taskId: byUrl(url), options: { fields: ['Subject'] } });
		expect(jsonOf(viaUrl)).toEqual([{ id: TASKS.design.crmId, Subject: TASKS.design.name }]);
		expect(query(ctx.sim.log.entries.at(-1)!.query)).toEqual({ fields: 'Subject' });

		const missing = await ctx.run({ resource: 'task', operation: 'get', taskId: byId('4876876999999999999') });
		expect(missing.error?.message).toBe('No task with ID "4876876999999999999" exists in Zoho CRM');
	});

	it('gets many tasks: limit, return all, and filters through search', async () => {
		const limited = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: false, limit: 2 });
		expect(jsonOf(limited)).toHaveLength(2);
		const list = ctx.sim.log.filter({ path: '/crm/v8/Tasks' });
		expect(list).toHaveLength(1);
		expect(query(list[0].query)).toMatchObject({ per_page: '2', page: '1', sort_by: 'Modified_Time', sort_order: 'desc' });
		// Zoho requires `fields` on lists; every field of the org is asked for.
		expect(query(list[0].query).fields.split(',')).toEqual(expect.arrayContaining(['Subject', FIELDS.syncState]));

		const all = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true });
		expect(jsonOf(all).length).toBe(ctx.sim.crm.store.all('Tasks').length);

		ctx.sim.log.clear();
		const filtered = await ctx.run({
			resource: 'task',
			operation: 'getAll',
			returnAll: true,
			filters: { owner: byId(USERS.ichiro.crmId), status: 'Completed' },
		});
		expect(jsonOf(filtered).map((t) => t.id)).toEqual([TASKS.verifyReport.crmId]);
		const search = ctx.sim.log.filter({ path: '/crm/v8/Tasks/search' });
		expect(search).toHaveLength(1);
		expect(query(search[0].query).criteria).toBe(`((Owner:equals:${USERS.ichiro.crmId})and(Status:equals:Completed))`);

		const related = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { relatedId: DEALS.migration.id } });
		expect(jsonOf(related).map((t) => t.id).sort()).toEqual([TASKS.plan.crmId, TASKS.verify.crmId, TASKS.verifyReport.crmId].sort());
	});

	it('gets tasks modified since a time with If-Modified-Since', async () => {
		const before = ctx.sim.clock.now();
		ctx.sim.clock.advance(60_000);
		ctx.sim.crm.editAsUser('Tasks', TASKS.kickoff.crmId, { Status: 'In Progress' });
		ctx.sim.log.clear();
		const since = new Date(before + 1000).toISOString();
		const result = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { modifiedSince: since } });
		expect(jsonOf(result).map((t) => t.id)).toEqual([TASKS.kickoff.crmId]);
		expect(ctx.sim.log.filter({ path: '/crm/v8/Tasks' })).toHaveLength(1);

		// Nothing changed since then: Zoho answers 304 and the node returns nothing.
		const later = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { modifiedSince: new Date(ctx.sim.clock.now() + 5000).toISOString() } });
		expect(later.error).toBeUndefined();
		expect(jsonOf(later)).toEqual([]);
		expect(ctx.sim.log.entries.at(-1)!.status).toBe(304);
	});

	it('gets many tasks with a raw criteria filter, alone and joined to the other filters', async () => {
		ctx.sim.log.clear();
		const raw = '((Priority:equals:Low)or(Priority:equals:Lowest))';
		const lowOnly = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { criteria: raw } });
		const low = ctx.sim.crm.store.all('Tasks').filter((t) => t.Priority === 'Low' || t.Priority === 'Lowest');
		expect(jsonOf(lowOnly).map((t) => t.id).sort()).toEqual(low.map((t) => t.id).sort());
		expect(jsonOf(lowOnly).map((t) => t.id)).toContain(TASKS.verifyReport.crmId);

		const lowCompleted = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: true, filters: { criteria: raw, status: 'Completed' } });
		expect(jsonOf(lowCompleted).map((t) => t.id).sort()).toEqual(low.filter((t) => t.Status === 'Completed').map((t) => t.id).sort());
		expect(jsonOf(lowCompleted).map((t) => t.id)).toContain(TASKS.verifyReport.crmId);
		// The criteria go to the search API as written; other filters are joined to them with "and".
		expect(ctx.sim.log.filter({ path: '/crm/v8/Tasks/search' }).map((e) => query(e.query).criteria)).toEqual([raw, `((Status:equals:Completed)and${raw})`]);
	});

	it('combines Modified Since with another filter: the search is filtered by Modified_Time, before the limit', async () => {
		const old = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Deferred before', Status: 'Deferred' });
		const before = ctx.sim.clock.now();
		ctx.sim.clock.advance(60_000);
		const recent = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Deferred after', Status: 'Deferred' });
		ctx.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Priority: 'Normal' }); // changed, but not Deferred
		ctx.sim.log.clear();
		const since = new Date(before + 1000).toISOString();
		const result = await ctx.run({ resource: 'task', operation: 'getAll', returnAll: false, limit: 1, filters: { status: 'Deferred', modifiedSince: since } });
		expect(result.error).toBeUndefined();
		// The older Deferred task comes first from the search; Modified Since drops it, so the limit keeps the recent one.
		expect(jsonOf(result).map((t) => t.id)).toEqual([recent.id]);
		expect(ctx.sim.crm.store.all('Tasks').findIndex((t) => t.id === old.id)).toBeLessThan(ctx.sim.crm.store.all('Tasks').findIndex((t) => t.id === recent.id));
		const calls = ctx.sim.log.filter({ product: 'crm', method: 'GET' }).filter((e) => e.path.startsWith('/crm/v8/Tasks'));
		expect(calls.map((e) => [e.path, query(e.query).criteria, e.ifModifiedSince])).toEqual([['/crm/v8/Tasks/search', '(Status:equals:Deferred)', undefined]]);
	});

	it('searches tasks by criteria', async () => {
		const result = await ctx.run({ resource: 'task', operation: 'search', criteria: '(Subject:starts_with:Design)', returnAll: true });
		expect(jsonOf(result).map((t) => t.id)).toEqual([TASKS.design.crmId]);
		const none = await ctx.run({ resource: 'task', operation: 'search', criteria: '(Subject:equals:no such task)', returnAll: true });
		expect(jsonOf(none)).toEqual([]);
		const broken = await ctx.run({ resource: 'task', operation: 'search', criteria: '(Subject:starts_with', returnAll: true });
		expect(broken.error?.message).toMatch(/Zoho CRM refused to search tasks: invalid query formed \(INVALID_QUERY\)/);
	});

	it('updates tasks in one batched write; an empty field clears it', async () => {
		const created = ctx.sim.crm.createAsUser('Tasks', { Subject: 'To update', Description: 'old', Due_Date: '2026-12-24' });
		const second = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Second' });
		ctx.sim.log.clear();
		const result = await ctx.run(
			{ resource: 'task', operation: 'update', taskId: byId('={{ $json.id }}'), updateFields: { subject: '={{ $json.subject }}', description: '', status: 'Completed' } },
			items({ id: String(created.id), subject: 'Updated' }, { id: String(second.id), subject: 'Second, done' }),
		);
		expect(result.error).toBeUndefined();
		expect(jsonOf(result).map((o) => o.id)).toEqual([created.id, second.id]);
		expect(ctx.sim.log.filter({ method: 'PUT', path: '/crm/v8/Tasks' })).toHaveLength(1);
		expect(ctx.sim.crm.getRecord('Tasks', String(created.id))).toMatchObject({ Subject: 'Updated', Description: null, Status: 'Completed', Due_Date: '2026-12-24' });
		expect(ctx.sim.crm.getRecord('Tasks', String(second.id))).toMatchObject({ Subject: 'Second, done', Status: 'Completed' });
	});

	it('deletes tasks in one call, into the recycle bin', async () => {
		const a = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Delete me A' });
		const b = ctx.sim.crm.createAsUser('Tasks', { Subject: 'Delete me B' });
		ctx.sim.log.clear();
		const result = await ctx.run({ resource: 'task', operation: 'delete', taskId: byId('={{ $json.id }}'), options: { automation: 'none' } }, items({ id: String(a.id) }, { id: String(b.id) }));
		expect(jsonOf(result)).toEqual([
			{ id: a.id, deleted: true },
			{ id: b.id, deleted: true },
		]);
		const calls = ctx.sim.log.filter({ method: 'DELETE' });
		expect(calls).toHaveLength(1);
		expect(query(calls[0].query)).toEqual({ ids: `${a.id},${b.id}`, wf_trigger: 'false' });
		expect(ctx.sim.crm.getRecord('Tasks', String(a.id))).toBeUndefined();
		expect(ctx.sim.crm.store.deleted.filter((d) => d.id === a.id || d.id === b.id)).toHaveLength(2);
	});

	it('upserts by the link field: inserts first, then updates the same task', async () => {
		const link = taskLinkValue(PROJECTS.website.id, '2000000089999');
		const params = {
			resource: 'task',
			operation: 'upsert',
			duplicateCheckField: FIELDS.taskLink,
			duplicateCheckValue: link,
			taskFields: { subject: '={{ $json.subject }}', priority: 'Low' },
			options: { automation: 'none' },
		};
		const first = await ctx.run(params, items({ subject: 'From Projects' }));
		const [inserted] = jsonOf(first);
		expect(inserted).toMatchObject({ action: 'insert' });
		const second = await ctx.run(params, items({ subject: 'From Projects, renamed' }));
		expect(jsonOf(second)[0]).toMatchObject({ id: inserted.id, action: 'update', duplicate_field: FIELDS.taskLink });
		const matches = ctx.sim.crm.store.all('Tasks').filter((t) => t[FIELDS.taskLink] === link);
		expect(matches).toHaveLength(1);
		expect(matches[0]).toMatchObject({ Subject: 'From Projects, renamed', Priority: 'Low' });
		const upserts = ctx.sim.log.filter({ method: 'POST', path: '/crm/v8/Tasks/upsert' });
		expect(upserts).toHaveLength(2);
	});

	it("asks for at most 50 fields, keeping the org's writable fields (such as the link fields) over read-only ones", async () => {
		const extra = Array.from({ length: 60 }, (_, i) => `Extra_${String(i).padStart(2, '0')}`);
		for (const name of extra) ctx.sim.crm.addField('Tasks', { api_name: name, data_type: 'text', read_only: true });
		// The link fields now come after the 60 read-only ones in the org's field order.
		for (const name of [FIELDS.taskLink, FIELDS.taskLinkUrl, FIELDS.syncState]) {
			const def = ctx.sim.crm.fields.get('Tasks', name)!;
			ctx.sim.crm.fields.remove('Tasks', name);
			ctx.sim.crm.addField('Tasks', def);
		}
		try {
			await ctx.run({ resource: 'task', operation: 'getAll', returnAll: false, limit: 1 });
			const fields = query(ctx.sim.log.filter({ path: '/crm/v8/Tasks' })[0].query).fields.split(',');
			expect(fields).toHaveLength(50);
			expect(fields).toEqual(expect.arrayContaining(['Subject', 'Status', FIELDS.taskLink, FIELDS.syncState, FIELDS.taskLinkUrl]));
		} finally {
			for (const name of extra) ctx.sim.crm.removeField('Tasks', name);
		}
	});
});
