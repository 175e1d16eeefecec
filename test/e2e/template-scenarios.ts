/**
 * The scenarios played against the shipped templates (issue 6 §2), in order, on one simulator and
 * one n8n per version. Edits are made "as a user" through the simulator's direct methods (the CRM
 * or Projects UI), so every change the sync makes goes through n8n and shows in the request log.
 *
 * Tasks used: TASKS.plan (strict project, linked) for the two-way edits, comments and 利用例1;
 * TASKS.verifyReport for 利用例2; TASKS.design (another project) for the injected failure and the
 * reconcile; TASKS.contentPlan (only in Projects) for the add-to-CRM form.
 */
import { randomUUID } from 'node:crypto';

import { CHROMIUM, chromiumAvailable } from '../console/browser';
import { runConsoleE2E } from '../console/console.e2e';
import { COMPANIES, CONTACTS, DEALS, FIELDS, PROJECTS, STATUSES, TASKS, USERS } from '../zoho-sim/seed-data';
import type { LogEntry } from '../zoho-sim/kit';
import { assert, type Ctx, describeEntries, isJapanese, lastMailId, mailSince, settle, since, waitUntil } from './context';
import { submitForm } from './form';
import type { Scenario } from './scenarios';
import { triggerNodes } from './roles';

/** Shared between scenarios of one version. */
interface Run {
	/** Log length before the first sync scenario: the echo count starts there. */
	echoMark?: number;
	/** The Projects comment added in the Projects → CRM scenario (its mirror is awaited in the comments scenario). */
	projectsComment?: string;
	/** Projects writes the scenarios so far legitimately caused (the echo check expects exactly these). */
	projectsWrites: number;
}

const runs = new WeakMap<Ctx, Run>();
const runOf = (ctx: Ctx): Run => {
	if (!runs.has(ctx)) runs.set(ctx, { projectsWrites: 0 });
	return runs.get(ctx)!;
};

const projectsTask = (ctx: Ctx, id: string) => ctx.stack.sim.projects.store.tasks.get(id);
const crmTask = (ctx: Ctx, id: string) => ctx.stack.sim.crm.getRecord('Tasks', id) as Record<string, unknown> | undefined;

function crmNotesOf(ctx: Ctx, taskId: string): string[] {
	return ctx.stack.sim.crm.store
		.all('Notes')
		.filter((n) => String((n.Parent_Id as { id?: string } | undefined)?.id ?? '') === taskId)
		.map((n) => String(n.Note_Content ?? ''));
}

function projectsCommentsOf(ctx: Ctx, taskId: string): string[] {
	return [...ctx.stack.sim.projects.store.comments.values()].filter((c) => c.taskId === taskId).map((c) => c.comment);
}

/** Writes to Zoho (not the notification-channel upkeep, which is not a sync write). */
const syncWrite = (e: LogEntry) => (e.product === 'crm' || e.product === 'projects') && e.method !== 'GET' && !e.path.includes('/actions/watch');

function count(entries: LogEntry[]): { crm: number; projects: number; list: string } {
	const writes = entries.filter(syncWrite);
	return {
		crm: writes.filter((e) => e.product === 'crm').length,
		projects: writes.filter((e) => e.product === 'projects').length,
		list: describeEntries(writes),
	};
}

async function channelReady(ctx: Ctx): Promise<void> {
	await waitUntil('a live CRM notification channel', () => (ctx.stack.sim.crm.snapshot().channels as unknown[]).length > 0, 30_000);
}

const POLL_MS = 60_000;

/** The e-mail a refused change produces: exactly one, to `to`, Japanese, naming the rule. */
async function oneRefusalMail(ctx: Ctx, mailMark: number, to: string, marker: string): Promise<string> {
	const mail = await ctx.stack.sink.waitFor((m) => m.id > mailMark && m.to.includes(to), 60_000);
	await settle(ctx);
	const after = mailSince(ctx, mailMark);
	assert(after.length === 1, `expected exactly one e-mail, got ${after.length}: ${after.map((m) => `to ${m.to.join(',')} "${m.subject}"`).join('; ')}`);
	const text = `${mail.subject}\n${mail.text}`;
	assert(isJapanese(text) && text.includes(marker), `the e-mail is not the Japanese refusal (no "${marker}"): "${mail.subject}" ${mail.text.slice(0, 300)}`);
	return `1 e-mail to ${to}: "${mail.subject}"`;
}

/**
 * A sync run that ended "success" although its Task Sync node failed the item: the error item left
 * on a normal output instead of n8n's error output, so the error workflow never runs.
 */
async function leakedError(ctx: Ctx, workflowId: string, sinceMs: number): Promise<string | undefined> {
	const runs = await ctx.n8n.client.executions({ workflowId, includeData: true, limit: 5 });
	for (const e of runs) {
		if (Date.parse(e.startedAt) < sinceMs - 1_000 || e.status !== 'success') continue;
		for (const [node, taskRuns] of Object.entries(e.data?.resultData?.runData ?? {})) {
			const outputs = taskRuns[0]?.data?.main ?? [];
			for (let index = 0; index < outputs.length - 1; index++) {
				const item = (outputs[index] ?? []).find((i) => i?.json && 'error' in i.json);
				if (item) {
					return `execution ${e.id} ended "success": node "${node}" put the failure on output ${index} (${JSON.stringify(item.json).slice(0, 200)}), not on n8n's error output, so the error workflow never ran. n8n ${ctx.version} moves only items whose json is {error} or {error, message} to the error output (2.x also accepts "details")`;
				}
			}
		}
	}
	return undefined;
}

export const TEMPLATE_SCENARIOS: Scenario[] = [
	{
		name: 'CRM edit reaches Projects (instant trigger)',
		needs: ['crmToProjects'],
		async run(ctx) {
			await channelReady(ctx);
			const run = runOf(ctx);
			run.echoMark = ctx.stack.sim.log.entries.length;
			ctx.stack.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Due_Date: '2026-12-14' }, USERS.ichiro.crmId);
			await waitUntil('Projects end date 2026-12-14 on 移行計画の作成', () => projectsTask(ctx, TASKS.plan.zpId)?.end_date === '2026-12-14', 60_000);
			run.projectsWrites += 1; // the end date
			return 'Due_Date 2026-12-14 → Projects end_date 2026-12-14';
		},
	},
	{
		name: 'Projects edit reaches CRM (polling trigger)',
		needs: ['projectsToCrm'],
		async run(ctx) {
			const run = runOf(ctx);
			run.echoMark ??= ctx.stack.sim.log.entries.length;
			ctx.stack.sim.projects.editTask(TASKS.plan.zpId, { priority: 'low' }, USERS.ichiro.zpuid);
			// A comment at the same time: the same poll carries it (the comments scenario checks it arrived).
			run.projectsComment = `Projects からのコメント ${ctx.version}`;
			ctx.stack.sim.projects.addComment(TASKS.plan.zpId, run.projectsComment, USERS.ichiro.zpuid);
			const t0 = Date.now();
			await waitUntil('CRM Priority Low on 移行計画の作成', () => crmTask(ctx, TASKS.plan.crmId)?.Priority === 'Low', POLL_MS + 45_000);
			return `priority low → CRM Priority Low after ${Math.round((Date.now() - t0) / 1000)} s`;
		},
	},
	{
		name: 'comments cross both ways',
		needs: ['comments'],
		async run(ctx) {
			const run = runOf(ctx);
			run.echoMark ??= ctx.stack.sim.log.entries.length;
			await channelReady(ctx);
			const note = `CRM からのメモ ${ctx.version}`;
			ctx.stack.sim.crm.addNoteAsUser('Tasks', TASKS.plan.crmId, note, USERS.emily.crmId);
			if (!run.projectsComment) {
				run.projectsComment = `Projects からのコメント ${ctx.version}`;
				ctx.stack.sim.projects.addComment(TASKS.plan.zpId, run.projectsComment, USERS.ichiro.zpuid);
			}
			const comment = run.projectsComment;
			await waitUntil('the CRM note as a Projects comment', () => projectsCommentsOf(ctx, TASKS.plan.zpId).some((c) => c.includes(note)), POLL_MS + 45_000);
			run.projectsWrites += 1; // the mirrored note
			await waitUntil('the Projects comment as a CRM note', () => crmNotesOf(ctx, TASKS.plan.crmId).some((c) => c.includes(comment)), POLL_MS + 45_000);
			return 'CRM note → Projects comment, Projects comment → CRM note';
		},
	},
	{
		name: 'nothing echoes back (writes counted in the request log)',
		needs: ['crmToProjects', 'projectsToCrm'],
		async run(ctx) {
			const run = runOf(ctx);
			assert(run.echoMark !== undefined, 'the sync scenarios before this one did not run');
			// Every echo source has fired once the last write is followed by a full poll period (the
			// pollers read the sync's own Projects writes) and the log has gone quiet.
			const lastWrite = () => {
				const writes = since(ctx, run.echoMark!).filter(syncWrite);
				return writes.length ? writes[writes.length - 1].time : 0;
			};
			await waitUntil('a full poll period after the last write, then quiet', () => Date.now() - lastWrite() > POLL_MS + 5_000 && Date.now() - (since(ctx, run.echoMark!).at(-1)?.time ?? 0) > 4_000, 3 * POLL_MS);
			const c = count(since(ctx, run.echoMark));
			// Projects: the end date (CRM edit) and the mirrored CRM note; nothing for the Projects-side edits.
			const projectsWrites = since(ctx, run.echoMark).filter((e) => syncWrite(e) && e.product === 'projects');
			const expectedProjects = run.projectsWrites;
			assert(c.projects === expectedProjects, `expected ${expectedProjects} Projects writes, got ${c.projects}: ${describeEntries(projectsWrites)}`);
			// CRM: at most one task write per sync run that changed something (CRM edit: sync state; Projects
			// edit: priority with state) and the mirrored comment's note.
			assert(c.crm <= 4, `expected at most 4 CRM writes, got ${c.crm}: ${c.list}`);
			return `writes after the edits settled: Projects ${c.projects}, CRM ${c.crm} (${c.list})`;
		},
	},
	{
		name: '利用例1: CRM due date beyond the strict project → Projects unchanged, one Japanese e-mail to the editor',
		needs: ['crmToProjects'],
		async run(ctx) {
			await channelReady(ctx);
			const before = { ...projectsTask(ctx, TASKS.plan.zpId)! };
			const mark = ctx.stack.sim.log.entries.length;
			const mailMark = lastMailId(ctx);
			ctx.stack.sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Due_Date: '2026-12-31' }, USERS.emily.crmId);
			const result = await oneRefusalMail(ctx, mailMark, USERS.emily.email, '期間固定');
			const after = projectsTask(ctx, TASKS.plan.zpId)!;
			assert(after.end_date === before.end_date && after.last_modified_time === before.last_modified_time, `the Projects task changed: end_date ${before.end_date} → ${after.end_date}`);
			const writes = since(ctx, mark).filter((e) => syncWrite(e) && e.product === 'projects');
			assert(writes.length === 0, `Projects was written: ${describeEntries(writes)}`);
			return result;
		},
	},
	{
		name: '利用例2: reopen a subtask of a closed parent in CRM → Projects unchanged, one Japanese e-mail to the editor',
		needs: ['crmToProjects'],
		async run(ctx) {
			await channelReady(ctx);
			const before = { ...projectsTask(ctx, TASKS.verifyReport.zpId)! };
			const mark = ctx.stack.sim.log.entries.length;
			const mailMark = lastMailId(ctx);
			ctx.stack.sim.crm.editAsUser('Tasks', TASKS.verifyReport.crmId, { Status: 'Not Started' }, USERS.ken.crmId);
			const result = await oneRefusalMail(ctx, mailMark, USERS.ken.email, 'サブタスク');
			const after = projectsTask(ctx, TASKS.verifyReport.zpId)!;
			assert(after.statusId === STATUSES.closed.id && after.last_modified_time === before.last_modified_time, `the Projects subtask changed: status ${before.statusId} → ${after.statusId}`);
			const writes = since(ctx, mark).filter((e) => syncWrite(e) && e.product === 'projects');
			assert(writes.length === 0, `Projects was written: ${describeEntries(writes)}`);
			return result;
		},
	},
	{
		name: 'an injected failure reaches the error-alert e-mail',
		needs: ['crmToProjects', 'errorAlert'],
		async run(ctx) {
			await channelReady(ctx);
			const { sim } = ctx.stack;
			const mailMark = lastMailId(ctx);
			const editor = USERS.emily.email;
			// Zoho Projects answers 500 to everything about this task until the fault is cleared.
			sim.faults.add({ product: 'projects', path: `/tasks/${TASKS.design.zpId}`, status: 500, times: 1000 });
			try {
				const flow = ctx.workflow('crmToProjects')!;
				const editedAt = Date.now();
				sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Priority: 'High' }, USERS.emily.crmId);
				// Either the alert arrives, or the sync run ends "successful" with the failure on a normal output.
				const outcome = await waitUntil(
					'the error-alert e-mail',
					async () => {
						const mail = ctx.stack.sink.messages.find((m) => m.id > mailMark && !m.to.includes(editor));
						if (mail) return { mail };
						const leak = await leakedError(ctx, flow.id, editedAt);
						return leak ? { leak } : undefined;
					},
					120_000,
					1_000,
				);
				if ('leak' in outcome) throw new Error(outcome.leak);
				const mail = outcome.mail!;
				const text = `${mail.subject}\n${mail.text}`;
				assert(text.includes(flow.name) || /error|fail|エラー|失敗|500/i.test(text), `the alert names neither the workflow nor an error: "${mail.subject}"`);
				return `alert to ${mail.to.join(', ')}: "${mail.subject}"`;
			} finally {
				sim.faults.clear();
			}
		},
	},
	{
		name: 'reconcile heals a change made while the sync workflow was inactive',
		needs: ['crmToProjects', 'reconcile'],
		async run(ctx) {
			const { sim } = ctx.stack;
			const sync = ctx.workflow('crmToProjects')!;
			const reconcile = ctx.workflow('reconcile')!;
			const channels = () => (sim.crm.snapshot().channels as unknown[]).length;
			const open = channels();
			await ctx.n8n.client.deactivate(sync.id);
			const renamed = `Design mock-ups (rev. ${ctx.version})`;
			try {
				await waitUntil('the workflow\'s CRM notification channel to close', () => channels() < open, 30_000);
				sim.crm.editAsUser('Tasks', TASKS.design.crmId, { Subject: renamed }, USERS.emily.crmId);
				await settle(ctx, 3_000);
				assert(projectsTask(ctx, TASKS.design.zpId)?.name !== renamed, 'the edit reached Projects although the sync workflow was inactive');
			} finally {
				await ctx.n8n.client.activate(sync.id);
			}
			const trigger = triggerNodes(reconcile.prepared)[0];
			assert(trigger, 'the reconcile workflow has no trigger to run from');
			const executionId = await ctx.n8n.client.runManually(reconcile.id, trigger.name);
			const execution = await ctx.n8n.client.waitForExecution(executionId, 120_000);
			assert(execution.status === 'success', `the reconcile run ended ${execution.status}: ${execution.data?.resultData?.error?.message ?? ''}`);
			await waitUntil('the Projects task renamed by reconcile', () => projectsTask(ctx, TASKS.design.zpId)?.name === renamed, 30_000);
			const healed = projectsTask(ctx, TASKS.design.zpId)?.priority === 'high' ? '; the failed priority change healed too' : '';
			return `manual run ${executionId} (trigger "${trigger.name}") renamed the Projects task${healed}`;
		},
	},
	{
		name: 'add-to-CRM form creates the CRM task related to the chosen deal',
		needs: ['addToCrm'],
		async run(ctx) {
			const form = ctx.workflow('addToCrm')!;
			const before = new Set(ctx.stack.sim.crm.store.all('Tasks').map((t) => String(t.id)));
			const detail = await submitForm(ctx, form, {
				project: PROJECTS.website,
				task: TASKS.contentPlan,
				deal: DEALS.website,
				account: COMPANIES.acme,
			});
			const created = await waitUntil(
				'a new CRM task "Content plan"',
				() => ctx.stack.sim.crm.store.all('Tasks').find((t) => !before.has(String(t.id)) && t.Subject === TASKS.contentPlan.name),
				60_000,
			);
			const what = created.What_Id as { id?: string } | undefined;
			assert(String(what?.id ?? '') === DEALS.website.id && created.$se_module === 'Deals', `the CRM task is related to ${JSON.stringify(created.What_Id)} (${String(created.$se_module)}), not the chosen deal ${DEALS.website.id}`);
			assert(String(created[FIELDS.taskLink] ?? '').endsWith(TASKS.contentPlan.zpId), `the CRM task's link field is ${created[FIELDS.taskLink]}`);
			await waitUntil(
				`the Projects task's ${FIELDS.projectsCrmTaskIdLabel} to name the new CRM task`,
				() => projectsTask(ctx, TASKS.contentPlan.zpId)?.custom[FIELDS.projectsCrmTaskId] === String(created.id),
				30_000,
			).catch((error: Error) => {
				throw new Error(`${error.message}; it is ${JSON.stringify(projectsTask(ctx, TASKS.contentPlan.zpId)?.custom)}`);
			});
			return `CRM task ${created.id} related to ${JSON.stringify(what)}; ${detail}`;
		},
	},
	{
		name: 'add-to-CRM form creates the CRM task related to the chosen (mapped) account',
		needs: ['addToCrm'],
		async run(ctx) {
			const form = ctx.workflow('addToCrm')!;
			// A task that exists only in Projects, in the project whose client company is mapped to 株式会社サクラ商事.
			const task = ctx.stack.sim.projects.createTask(PROJECTS.migration.id, { name: '移行後のサポート窓口の案内', start_date: '2026-12-20', end_date: '2026-12-24' }, USERS.ichiro.zpuid);
			const zpId = String(task.id);
			const before = new Set(ctx.stack.sim.crm.store.all('Tasks').map((t) => String(t.id)));
			const detail = await submitForm(ctx, form, {
				project: PROJECTS.migration,
				task: { zpId, name: String(task.name) },
				deal: DEALS.migration,
				account: COMPANIES.sakura,
				relateTo: 'account',
			});
			const created = await waitUntil(
				`a new CRM task "${String(task.name)}"`,
				() => ctx.stack.sim.crm.store.all('Tasks').find((t) => !before.has(String(t.id)) && t.Subject === task.name),
				60_000,
			);
			const what = created.What_Id as { id?: string } | undefined;
			assert(String(what?.id ?? '') === COMPANIES.sakura.accountId && created.$se_module === 'Accounts', `the CRM task is related to ${JSON.stringify(created.What_Id)} (${String(created.$se_module)}), not the chosen account ${COMPANIES.sakura.accountId}`);
			assert(String(created[FIELDS.taskLink] ?? '').endsWith(zpId), `the CRM task's link field is ${created[FIELDS.taskLink]}`);
			await waitUntil(`the Projects task's ${FIELDS.projectsCrmTaskIdLabel} to name the new CRM task`, () => projectsTask(ctx, zpId)?.custom[FIELDS.projectsCrmTaskId] === String(created.id), 30_000);
			return `CRM task ${created.id} related to account ${what?.id}; ${detail}`;
		},
	},
	{
		name: 'import template creates the missing users, a second run creates none',
		needs: ['importUsers'],
		async run(ctx) {
			const { sim } = ctx.stack;
			const flow = ctx.workflow('importUsers')!;
			const trigger = triggerNodes(flow.prepared)[0];
			assert(trigger, 'the import workflow has no trigger to run from');
			const users = () => [...sim.projects.store.users.values()].map((u) => u.email.toLowerCase());
			const contacts = () => [...sim.projects.store.contacts.values()].map((c) => c.email.toLowerCase());
			assert(!users().includes(USERS.ken.email) && !contacts().includes(CONTACTS.kimura.email), 'the seed already has the users the import should add');
			const first = await ctx.n8n.client.waitForExecution(await ctx.n8n.client.runManually(flow.id, trigger.name));
			assert(first.status === 'success', `the first import run ended ${first.status}: ${first.data?.resultData?.error?.message ?? ''}`);
			assert(users().includes(USERS.ken.email), `${USERS.ken.email} was not added as a portal user`);
			assert(contacts().includes(CONTACTS.kimura.email), `${CONTACTS.kimura.email} was not added as a client user`);
			const counts = { users: users().length, contacts: contacts().length };
			const mark = sim.log.entries.length;
			const second = await ctx.n8n.client.waitForExecution(await ctx.n8n.client.runManually(flow.id, trigger.name));
			assert(second.status === 'success', `the second import run ended ${second.status}`);
			const writes = since(ctx, mark).filter((e) => syncWrite(e) && e.product === 'projects');
			assert(writes.length === 0 && users().length === counts.users && contacts().length === counts.contacts, `the second run wrote: ${describeEntries(writes)}`);
			return `first run added ${USERS.ken.email} and ${CONTACTS.kimura.email}; second run wrote nothing`;
		},
	},
	{
		// n8n calls a trigger's poll() once on activation (then on its Poll Times): in Instant mode that
		// is the heartbeat. A channel Zoho grants for only an hour must be renewed by it at once. A new
		// workflow holding a copy of the CRM trigger (fresh node and webhook ids), so that n8n 2.x seeds
		// the poller's own store from what this activation subscribed.
		name: 'instant trigger: its heartbeat poll renews a short-lived channel (real n8n runs poll() beside the webhook)',
		needs: ['crmToProjects'],
		async run(ctx) {
			const template = ctx.workflow('crmToProjects')!.prepared.json.nodes.find((n) => n.type.endsWith('.zohoCrmTasksTrigger'));
			assert(template, 'the CRM → Projects template has no Zoho CRM Tasks Trigger');
			const trigger = { ...(JSON.parse(JSON.stringify(template)) as typeof template), id: randomUUID(), webhookId: randomUUID(), name: 'Heartbeat check' };
			const options = ctx.stack.sim.crm.options;
			const week = options.maxChannelLifetimeMs;
			const liveChannels = () => (ctx.stack.sim.crm.snapshot().channels as unknown[]).length;
			const before = liveChannels();
			const client = ctx.n8n.client;
			const created = await client.createWorkflow({ name: 'e2e: CRM trigger heartbeat', nodes: [trigger], connections: {}, settings: { executionOrder: 'v1' } });
			options.maxChannelLifetimeMs = 24 * 3600_000; // a week asked → one hour granted
			try {
				const mark = ctx.stack.sim.log.entries.length;
				await client.activate(created.id);
				// n8n may run the heartbeat poll before the activation's subscribe has landed: Zoho then has
				// no channel yet, and the heartbeat subscribes the same channel id itself (which replaces,
				// i.e. renews, it). Either way one live channel must remain (asserted below).
				const writes = await waitUntil(
					'a subscribe, then a renewal (or re-subscription) by the heartbeat',
					() => {
						const w = since(ctx, mark).filter((e) => e.product === 'crm' && e.path === '/crm/v8/actions/watch' && e.method !== 'GET' && e.status < 300);
						const posts = w.filter((e) => e.method === 'POST').length;
						return posts >= 2 || (posts >= 1 && w.some((e) => e.method === 'PATCH' || e.method === 'PUT')) ? w : undefined;
					},
					60_000,
				).catch((error: Error) => {
					throw new Error(`${error.message}; CRM calls since the activation: ${describeEntries(since(ctx, mark).filter((e) => e.product === 'crm')) || 'none'}`);
				});
				assert(liveChannels() === before + 1, `expected ${before + 1} live channels, found ${liveChannels()}`);
				return `after activation: ${describeEntries(writes)}`;
			} finally {
				options.maxChannelLifetimeMs = week;
				await client.deactivate(created.id).catch(() => undefined);
				await client.deleteWorkflow(created.id).catch(() => undefined);
			}
		},
	},
	{
		// Last: it leaves the strict-project task at a refused date.
		name: 'console in Chromium: an edit crosses over, an overrun brings its e-mail',
		needs: ['crmToProjects'],
		async run(ctx) {
			if (!chromiumAvailable()) throw new Error(`no Chromium at ${CHROMIUM} (apt-get install chromium)`);
			const result = await runConsoleE2E({ simUrl: ctx.stack.sim.url, log: ctx.log });
			const failed = result.steps.filter((step) => !step.ok);
			if (!result.ok) throw new Error(failed.map((step) => `${step.name}: ${step.error ?? ''}`).join('; ') || 'console test failed');
			return `${result.steps.length} steps in the page`;
		},
	},
];
