/**
 * Everything the sync reads from and writes to Zoho, through the CRM and Projects transports.
 * Reads a rule or patch may need (project, parent, statuses, users) are memoised per execution,
 * so many items of one run share them.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { forgetCached } from '../shared/cache';
import { asNodeError } from '../shared/errors';
import { findField } from '../shared/crm/fields';
import { crmList } from '../shared/crm/paging';
import { criterion } from '../shared/crm/values';
import { getRecord, writeRecords } from '../shared/crm/records';
import {
	cached,
	getProject,
	isThrottle,
	type Pace,
	portalProjects,
	portalUsers,
	projectStatuses,
	projectsClock,
	remembered,
	accountKey,
	projectsRequest,
	projectsRequestAll,
	releaseReservation,
	reserveSlots,
	type Reservation,
	DEFAULT_BUDGET,
	projectFeed,
	type TaskFieldDef,
	taskFieldDefs,
	zohoErrorOf,
} from '../shared/projects';
import type { ProjectsSettings } from '../shared/projects/transport';
import { calendarDate } from '../shared/sync/dates';
import { crmHistoryEntry, projectsHistoryEntry } from '../shared/sync/historyJson';
import type { HistoryEntry } from '../shared/sync/history';
import { formatTaskLink, type TaskLink } from '../shared/sync/links';
import { emailKey, nameKey } from '../shared/sync/text';
import type { Person, ProjectInfo, ProjectsStatus, ProjectsUser } from '../shared/sync/types';
import { zohoId } from './ids';
import type { SyncSettings } from './settings';
import { CrmBatch } from './crmBatch';
import { deliveredTask } from './taskShape';

export type Gateway = ReturnType<typeof gateway>;

/** Writes over a task the sync knew without reading it that were answered "not found": read the task, then decide again. */
const staleLooks = new WeakSet<Error>();
export const isStaleLook = (error: unknown): boolean => error instanceof Error && staleLooks.has(error);

const isNotFound = (error: unknown) =>
	(error instanceof NodeApiError && error.httpCode === '404') || zohoErrorOf(error)?.status === 404;

/** One page of a task's timeline reaches back past the last sync in all but pathological cases. */
const TIMELINE_ENTRIES = 100;

/** DESIGN §4: the label people give the Projects task field that holds the CRM task id. */
const PROJECTS_LINK_LABEL = 'CRM Task ID';

const byEmail = (users: IDataObject[]): Map<string, ProjectsUser> =>
	new Map(users.map((u) => [emailKey(u.email as string), { zpuid: String(u.zpuid ?? u.id), email: String(u.email), name: String(u.name ?? '') }]));

/** Zoho refused the request itself (4xx other than auth or a throttle): a read the sync can do without. */
function isRefused(error: unknown): boolean {
	const zoho = zohoErrorOf(error);
	const status = zoho?.status ?? (error instanceof NodeApiError ? Number(error.httpCode) : NaN);
	return status >= 400 && status < 500 && status !== 401 && status !== 429 && !(zoho && isThrottle(zoho));
}

export function gateway(ctx: IExecuteFunctions, settings: SyncSettings, itemIndex: number) {
	/** The read's answer, or null when it fails in a way the sync can do without (`absent`); other failures as this item's. */
	async function orNull<T>(absent: (error: unknown) => boolean, read: () => Promise<T>): Promise<T | null> {
		try {
			return await read();
		} catch (error) {
			if (absent(error)) return null;
			throw asNodeError(ctx.getNode(), error, itemIndex);
		}
	}

	// Ids reach here from parameters, trigger items, links and Zoho's own answers: each is checked before a URL (ids.ts).
	const id = (value: string, label: string) => zohoId(ctx.getNode(), value, label, itemIndex);
	const projectsSettings = (portalId: string): ProjectsSettings => ({ portalId: id(portalId, 'Portal ID'), budget: settings.budget });
	// What the rules look up is shared by every execution waiting to decide (remember.ts): those calls go
	// before the looks and writes queued for budget, or a burst's writes would hold every slot while the
	// decisions they wait for queue behind them.
	const lookupSettings = (portalId: string): ProjectsSettings => ({ ...projectsSettings(portalId), urgent: true });
	/** The sync's looks at Projects tasks it may write: when, and the slot kept for the write. */
	const looks = new Map<string, { at: number; reservation?: Reservation; served?: boolean; unseen?: boolean }>();

	// What the rules need is kept across executions for a while (remember.ts); a decision that may
	// rest on a value kept from before this item began can be taken again on fresh reads.
	const startedAt = projectsClock().now();
	let fresh = false;
	let servedKept = false;
	async function keep<T>(portalId: string, what: string, load: () => Promise<T>): Promise<T> {
		const { value, loadedAt } = await remembered(`${accountKey(ctx, projectsSettings(portalId))}:${what}`, load, fresh);
		if (loadedAt < startedAt) servedKept = true;
		return value;
	}
	const fail = (message: string, description: string) => new NodeOperationError(ctx.getNode(), message, { itemIndex, description });

	async function requireCrmField(module: 'Tasks' | 'Accounts' | 'Deals', apiName: string, kind: string): Promise<void> {
		if (await findField.call(ctx, module, apiName)) return;
		throw fail(
			`Zoho CRM ${module} has no field with the API name "${apiName}"`,
			`Create it in Zoho CRM: Setup → Customization → Modules and Fields → ${module} → drag a ${kind} field, name it "${apiName.replace(/_/g, ' ')}" and save (its API name becomes ${apiName}). Or set the field's API name in the node's Settings.`,
		);
	}

	function missingProjectsField(labelledApiName?: string): NodeOperationError {
		const found = labelledApiName
			? `A task field labelled "${PROJECTS_LINK_LABEL}" exists with the API name "${labelledApiName}": put that API name in the node's Settings → Projects CRM ID Field.`
			: `Create it in Zoho Projects: Setup → Customization → Tasks → Task Layouts and Fields → add a single-line field named "${PROJECTS_LINK_LABEL}", then put its API name in the node's Settings → Projects CRM ID Field.`;
		return fail(`Zoho Projects tasks have no custom field with the API name "${settings.fields.projectsCrmId}"`, found);
	}

	return {
		/** The CRM task, or null when it no longer exists. */
		async crmTask(crmTaskId: string): Promise<IDataObject | null> {
			return await orNull(isNotFound, async () => await getRecord.call(ctx, 'Tasks', id(crmTaskId, 'CRM Task ID')));
		},

		async crmRecord(module: 'Accounts' | 'Deals' | 'Notes', recordId: string): Promise<IDataObject | null> {
			const checked = id(recordId, `CRM ${module} ID`);
			return await cached(ctx, `crm:${module}:${checked}`, async () => await orNull(isNotFound, async () => await getRecord.call(ctx, module, checked)));
		},

		/** The CRM task whose link field names this Projects task, if any. */
		async crmTaskByLink(link: TaskLink): Promise<IDataObject | null> {
			const rows = await crmList.call(ctx, {
				path: '/Tasks/search',
				qs: { criteria: criterion(settings.fields.link, 'equals', formatTaskLink(link)) },
				limit: 1,
				what: 'find the CRM task linked to the Zoho Projects task',
			});
			return rows[0] ?? null;
		},

		/** The link and state fields must exist on CRM Tasks; a clear setup error otherwise. */
		async requireTaskFields(): Promise<void> {
			await requireCrmField('Tasks', settings.fields.link, 'Single Line');
			await requireCrmField('Tasks', settings.fields.state, 'Multi-Line (Large)');
		},

		requireCrmField,

		/** How many characters a CRM Tasks field holds (the sync state's limit), from the org's field metadata. */
		async crmFieldLength(apiName: string): Promise<number | undefined> {
			const length = Number((await findField.call(ctx, 'Tasks', apiName))?.length);
			return Number.isFinite(length) && length > 0 ? length : undefined;
		},

		async hasCrmField(module: 'Tasks' | 'Accounts' | 'Deals', apiName: string): Promise<boolean> {
			return !!(await findField.call(ctx, module, apiName));
		},

		async writeCrm(module: 'Tasks' | 'Accounts', method: 'PUT' | 'POST', record: IDataObject): Promise<string> {
			const [result] = await this.writeCrmRecords(module, method, [record]);
			if (result instanceof NodeApiError) throw result;
			return result;
		},

		/** Up to 100 records in one call: each record's id, or its own error (as this item's), in order. */
		async writeCrmRecords(module: 'Tasks' | 'Accounts', method: 'PUT' | 'POST', records: IDataObject[]): Promise<Array<string | NodeApiError>> {
			const label = module === 'Tasks' ? 'task' : 'account';
			const results = await writeRecords.call(ctx, {
				method,
				path: `/${module}`,
				records,
				// No workflow rules: the sync's own writes must not start Zoho automations again.
				extra: { trigger: [] },
				what: `${method === 'POST' ? 'create' : 'update'} ${records.length === 1 ? `the ${label}` : `${records.length} ${label}s`}`,
				module,
			});
			return results.map((result, i) => {
				if (!(result instanceof NodeApiError)) return String(result.details?.id ?? records[i].id);
				result.context.itemIndex = itemIndex;
				return result;
			});
		},

		/** Reconcile's batch of pairs' CRM writes (./crmBatch.ts), once it began one. */
		pairBatch: undefined as CrmBatch | undefined,

		/** From now on a pair's CRM write waits in a batch, sent 100 records per call (Reconcile). */
		batchPairWrites(): CrmBatch {
			this.pairBatch = new CrmBatch(async (records) => await this.writeCrmRecords('Tasks', 'PUT', records));
			return this.pairBatch;
		},

		/** A pair's CRM write (its patch and new sync state): in Reconcile's batch when there is one, else at once. */
		async writePairCrm(record: IDataObject): Promise<void> {
			if (!this.pairBatch) {
				await this.writeCrm('Tasks', 'PUT', record);
				return;
			}
			const values = Object.keys(record).some((key) => key !== 'id' && key !== settings.fields.state);
			await this.pairBatch.write(record, values);
		},

		async crmUsers(): Promise<Map<string, Person>> {
			return await cached(ctx, 'crm:users', async () => {
				const users = await crmList.call(ctx, { path: '/users', qs: { type: 'ActiveUsers' }, key: 'users', what: 'list the CRM users' });
				return new Map(users.map((u) => [emailKey(u.email as string), { id: String(u.id), email: String(u.email), name: String(u.full_name ?? '') }]));
			});
		},

		/** The Projects task as this process last saw it, if it did: what the decision will likely be made on. */
		lastSeenTask: (link: TaskLink): IDataObject | undefined => projectFeed(ctx, projectsSettings(link.portalId), id(link.projectId, 'Project ID')).lastSeen(link.taskId),

		/**
		 * The Projects task, or null when it no longer exists. `forWrite`: the sync's look before it may
		 * write the task — the slot for that write is taken with it, so the write follows at once instead
		 * of queueing behind other calls while a user's edit could land unseen (see `lookAge`). In a burst
		 * the look is shared: a listing of the project's recent changes serves the looks close after it
		 * (feed.ts), so a change costs its write alone. Only where `shared` is given, and never a version
		 * older than `shared.notBefore` (a modified time the caller already knows): a look for a Projects
		 * event must see that event's change, so it reads the task.
		 */
		async projectsTask(portalId: string, projectId: string, taskId: string, forWrite = false, shared?: { notBefore?: string }): Promise<IDataObject | null> {
			const path = `/projects/${id(projectId, 'Project ID')}/tasks/${id(taskId, 'Projects Task ID')}`;
			const where = projectsSettings(portalId);
			const feed = projectFeed(ctx, where, projectId);
			if (!forWrite) {
				const task = await orNull(isNotFound, async () => (await projectsRequest.call(ctx, where, { method: 'GET', path })) as IDataObject);
				if (task) feed.note(task);
				return task;
			}
			// A new look replaces the last one: its unused slot goes back first.
			this.releaseLook(taskId);
			const floor = Date.parse(shared?.notBefore ?? '');
			const fits = (json: IDataObject) =>
				!!shared && !!deliveredTask(json, taskId, settings) && !(Date.parse(String(json.last_modified_time)) < floor);
			const look = feed.ask();
			let slots: Reservation[] = [];
			try {
				// One slot when the feed serves the look, else the look's and the write's. A listing in flight is
				// waited for without a slot: holding one, the looks waiting for it could leave its next page none.
				while (!slots.length) {
					if (shared && feed.listing()) await feed.refresh(undefined, taskId).catch(() => undefined);
					slots = await reserveSlots(accountKey(ctx, where), where.budget ?? DEFAULT_BUDGET, () => (shared && feed.listing() ? 0 : feed.served(taskId, fits) ? 1 : 2));
				}
				let lookSlot = slots.length > 1 ? slots.shift() : undefined;
				let served = feed.served(taskId, fits);
				if (!served && shared && feed.worthListing(taskId, look)) {
					// A listing that fails leaves the look to a read of the task, which reports the failure if it persists.
					await feed.refresh(lookSlot, taskId).catch(() => undefined);
					lookSlot = undefined;
					served = feed.served(taskId, fits);
				}
				if (served) {
					if (lookSlot) releaseReservation(lookSlot);
					looks.set(taskId, { at: served.at, reservation: slots[0], served: true, unseen: !served.seen });
					slots = [];
					return served.json;
				}
				const task = await orNull(isNotFound, async () => (await projectsRequest.call(ctx, where, { method: 'GET', path, pace: { use: lookSlot } })) as IDataObject);
				if (!task) return null;
				feed.note(task);
				looks.set(taskId, { at: projectsClock().now(), reservation: slots[0] });
				slots = [];
				return task;
			} finally {
				look.done();
				for (const slot of slots) releaseReservation(slot);
			}
		},

		/**
		 * The project that holds a task the link's project does not: a link naming the wrong project (a
		 * hand edit, a form) must not pass for a deleted task. Zoho has no portal-wide task read, so each
		 * other project is asked — only when a linked task was not found, which is rare.
		 */
		async projectHolding(link: TaskLink): Promise<string | null> {
			for (const project of await portalProjects.call(ctx, projectsSettings(link.portalId))) {
				const projectId = String(project.id);
				if (projectId === link.projectId || !/^\d{1,25}$/.test(projectId)) continue;
				if (await this.projectsTask(link.portalId, projectId, link.taskId)) return projectId;
			}
			return null;
		},

		/** A link whose task lives in another project than it names: reported; nothing cleared, nobody told of a deletion. */
		misplacedLink(crmTaskId: string, link: TaskLink, actual: string): NodeOperationError {
			return fail(
				`The link of CRM task ${crmTaskId} names project ${link.projectId}, but Zoho Projects task ${link.taskId} is in project ${actual}`,
				`Correct ${settings.fields.link} to ${formatTaskLink({ ...link, projectId: actual })}. Nothing was synced or cleared.`,
			);
		},

		/** A parent task read for a rule: memoised, since many subtasks share one parent. */
		async parentTask(portalId: string, projectId: string, taskId: string): Promise<IDataObject | null> {
			return await cached(ctx, `parent:${portalId}:${taskId}`, async () => await this.projectsTask(portalId, projectId, taskId));
		},

		/** A look the sync did not make itself (a task the trigger delivered, seen at `at`). */
		noteLook(taskId: string, at: number): void {
			this.releaseLook(taskId);
			looks.set(taskId, { at });
		},

		/** How long ago (Projects clock) the sync last looked at this task before writing it, if it did. */
		lookAge(taskId: string): number | undefined {
			const look = looks.get(taskId);
			return look && projectsClock().now() - look.at;
		},

		/**
		 * The sync's last look at this task was served by what this process knew (feed.ts) and shows the
		 * task only by its absence from the listings since: a task deleted since looks the same.
		 */
		lookUnseen: (taskId: string): boolean => !!looks.get(taskId)?.unseen,

		/** Give back the slot reserved with the look when no write used it. */
		releaseLook(taskId: string): void {
			const reservation = looks.get(taskId)?.reservation;
			if (reservation) releaseReservation(reservation);
			looks.delete(taskId);
		},

		/** Give back every slot still reserved (the item is done, whichever way it ended). */
		releaseLooks(): void {
			for (const taskId of [...looks.keys()]) this.releaseLook(taskId);
		},

		async writeProjectsTask(portalId: string, projectId: string, taskId: string | null, body: IDataObject): Promise<IDataObject> {
			const path = `/projects/${id(projectId, 'Project ID')}/tasks${taskId ? `/${id(taskId, 'Projects Task ID')}` : ''}`;
			const where = projectsSettings(portalId);
			const look = taskId ? looks.get(taskId) : undefined;
			const pace: Pace = { use: look?.reservation };
			if (look) look.reservation = undefined;
			try {
				const result = await projectsRequest.call(ctx, where, {
					method: taskId ? 'PATCH' : 'POST',
					path,
					body,
					pace,
				});
				const task = (Array.isArray(result) ? result[0] : result) as IDataObject;
				if (task && typeof task === 'object') projectFeed(ctx, where, projectId).note(task);
				return task;
			} catch (error) {
				// The look came from what this process knew, and the task is gone since: the sync reads it and learns why.
				if (look?.served && isNotFound(error)) {
					projectFeed(ctx, where, projectId).forget(taskId!);
					const stale = new NodeOperationError(ctx.getNode(), `Zoho Projects task ${taskId} was not where the sync last saw it`, { itemIndex });
					staleLooks.add(stale);
					throw stale;
				}
				const zoho = zohoErrorOf(error);
				if (zoho && body[settings.fields.projectsCrmId] !== undefined && /custom field/i.test(JSON.stringify(zoho))) throw missingProjectsField();
				throw asNodeError(ctx.getNode(), error, itemIndex);
			}
		},

		/**
		 * The Projects task field holding the CRM task id must exist: a task without a value is
		 * otherwise indistinguishable from an unlinked one. Read only on that path, once per execution.
		 */
		async requireProjectsField(portalId: string): Promise<void> {
			const { projectsCrmId } = settings.fields;
			let fields: TaskFieldDef[];
			try {
				fields = await taskFieldDefs.call(ctx, projectsSettings(portalId));
			} catch (error) {
				const zoho = zohoErrorOf(error);
				// Where Zoho refuses the field list (edition, a route it does not serve here), the field cannot be checked;
				// a write naming a missing field is still caught (writeProjectsTask).
				if (zoho && zoho.status >= 400 && zoho.status < 500 && zoho.status !== 401 && !isThrottle(zoho)) return;
				throw asNodeError(ctx.getNode(), error, itemIndex);
			}
			// An empty or unreadable list says nothing about the field: only a list that names fields can show it missing.
			if (!fields.length || fields.some((f) => f.apiName === projectsCrmId)) return;
			const labelled = fields.find((f) => nameKey(f.label) === nameKey(PROJECTS_LINK_LABEL));
			throw missingProjectsField(labelled?.apiName);
		},

		/** A CRM task whose link field cannot be read: reported instead of passing for "not linked". */
		damagedLink(crmTaskId: string, raw: string): NodeOperationError {
			const shown = raw.length > 60 ? `${raw.slice(0, 60)}…` : raw;
			return fail(
				`The link of CRM task ${crmTaskId} is damaged: ${settings.fields.link} holds "${shown}", not portal:project:task`,
				'Correct it to the portal, project and task IDs of the Zoho Projects task, separated by colons (digits only), or empty it to unlink the task. Nothing was synced.',
			);
		},

		/** A pair whose sync state cannot be read: reported, and nothing written rather than a guess. */
		damagedState(crmTaskId: string, why: string): NodeOperationError {
			return fail(
				`The sync state of CRM task ${crmTaskId} is damaged (${why}); nothing was synced`,
				`Zoho Task Sync keeps the values it last synced in the CRM task field ${settings.fields.state}. Without them it cannot tell which side changed, so it writes nothing rather than guess. Make the two tasks agree, then empty that field: the next sync starts the pair afresh.`,
			);
		},

		/** Some value the decision used was kept from an earlier execution (it may have changed since). */
		servedKept: () => servedKept,

		/** From now on, read what the rules need from Zoho again (this execution's memos included). */
		refreshLookups(): void {
			fresh = true;
			servedKept = false;
			forgetCached(ctx, (key) => /^(project|statuses|globalStatuses|projects|users):/.test(key));
		},

		async project(portalId: string, projectId: string): Promise<ProjectInfo> {
			const p = await keep(portalId, `project:${projectId}`, async () => await getProject.call(ctx, lookupSettings(portalId), id(projectId, 'Project ID')));
			return {
				id: String(p.id ?? projectId),
				name: String(p.name ?? ''),
				startDate: calendarDate(p.start_date as string),
				endDate: calendarDate(p.end_date as string),
				strict: p.is_strict_project === true || p.is_strict_project === 'true' || p.is_strict === 'yes',
			};
		},

		async projectRaw(portalId: string, projectId: string): Promise<IDataObject> {
			return await getProject.call(ctx, projectsSettings(portalId), id(projectId, 'Project ID'));
		},

		async statuses(portalId: string, projectId: string): Promise<ProjectsStatus[]> {
			const list = await keep(portalId, `statuses:${projectId}`, async () => await projectStatuses.call(ctx, lookupSettings(portalId), id(projectId, 'Project ID')));
			return list.filter((s) => s.classified !== false).map((s) => ({ id: s.id, name: s.name, closed: s.is_closed_type, isDefault: s.is_default === true }));
		},

		async projectsUsers(portalId: string): Promise<Map<string, ProjectsUser>> {
			return await keep(portalId, 'users', async () => byEmail(await portalUsers.call(ctx, lookupSettings(portalId))));
		},

		/** The project's members by e-mail, with their zpuid: enough to set an owner who is one. */
		async projectMembers(portalId: string, projectId: string): Promise<Map<string, ProjectsUser>> {
			return await keep(portalId, `members:${projectId}`, async () =>
				byEmail(await projectsRequestAll.call(ctx, lookupSettings(portalId), { method: 'GET', path: `/projects/${id(projectId, 'Project ID')}/users` }, 'users')),
			);
		},

		/** The CRM user the credential acts as (id and e-mail): the sync's own writes are this user's. */
		async apiUser(): Promise<Person | null> {
			return await cached(ctx, 'crm:currentUser', async () => {
				const [user] = await crmList.call(ctx, { path: '/users', qs: { type: 'CurrentUser' }, key: 'users', limit: 1, what: 'read the user the credential acts as' });
				return user ? { id: String(user.id), email: String(user.email ?? ''), name: String(user.full_name ?? '') } : null;
			});
		},

		/**
		 * The newest entries of a CRM task's timeline (Zoho keeps who changed which field, when), or
		 * null where Zoho refuses the route (edition, scope): the sync then goes by values alone.
		 */
		async crmTimeline(crmTaskId: string): Promise<HistoryEntry[] | null> {
			return await cached(ctx, `crm:timeline:${crmTaskId}`, async () => {
				const rows = await orNull(isRefused, async () => await crmList.call(ctx, {
					path: `/Tasks/${id(crmTaskId, 'CRM Task ID')}/__timeline`,
					qs: { sort_by: 'audited_time', sort_order: 'desc' },
					key: '__timeline',
					limit: TIMELINE_ENTRIES,
					what: 'read the history of the task',
				}));
				if (!rows) return null;
				const users = await this.crmUsers();
				const byId = new Map([...users.values()].map((u) => [u.id, u]));
				return rows.map((row) => crmHistoryEntry(row, byId, settings.fields.state));
			});
		},

		/** The activity of a Projects task (who changed which field, when), or null where Zoho refuses the route. */
		async projectsActivity(link: TaskLink): Promise<HistoryEntry[] | null> {
			const rows = await orNull(isRefused, 
				async () =>
					await projectsRequestAll.call(
						ctx,
						projectsSettings(link.portalId),
						// Zoho documents task activity only in its older REST API (reference §3.9).
						{ method: 'GET', api: 'root', path: `/restapi/portal/${id(link.portalId, 'Portal ID')}/projects/${id(link.projectId, 'Project ID')}/tasks/${id(link.taskId, 'Projects Task ID')}/activities` },
						'activities',
						{ limit: TIMELINE_ENTRIES },
					),
			);
			return rows && rows.map(projectsHistoryEntry);
		},

		/**
		 * Who deleted a CRM task, from CRM's deleted-records list (its newest page: a task unlinked
		 * because it was deleted was deleted recently). Null when not found there.
		 */
		async crmDeleter(crmTaskId: string): Promise<Person | null> {
			const rows = await cached(ctx, 'crm:deletedTasks', async () =>
				await orNull(isRefused, async () => await crmList.call(ctx, { path: '/Tasks/deleted', qs: { type: 'all' }, limit: 200, what: 'list the deleted tasks' })),
			);
			const by = rows?.find((r) => String(r.id) === crmTaskId)?.deleted_by as IDataObject | undefined;
			if (!by?.id) return null;
			const users = await this.crmUsers();
			const user = [...users.values()].find((u) => u.id === String(by.id));
			return { id: String(by.id), email: user?.email ?? null, name: String(by.name ?? user?.name ?? '') };
		},

		projectsSettings,

		/** Any failure as the node error of this item. */
		nodeError: (error: unknown) => asNodeError(ctx.getNode(), error, itemIndex),

		/** A per-item error of this node, with what to do. */
		fail,
	};
}
