/**
 * Zoho CRM v8 as the sync sees it: Tasks, Notes, Accounts, Deals, Contacts (one generic record
 * engine), users, settings/fields, actions/watch with real callbacks, and the concurrency and
 * credit limits. Besides the API, tests and the demo console act "as a user in the CRM UI" through
 * the methods below (or `/_sim/crm/...`); those writes notify watch channels exactly like API writes.
 */
import type { Router, SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { API_USER } from '../seed-data';
import type { ZohoSim } from '../server';
import { describeChannel, MAX_EXPIRY_MS } from './channels';
import { CrmWriteError, deleteRecord, insertRecord, type Outcome, updateRecord } from './engine';
import { zohoTime } from './http';
import { FieldRegistry } from './metadata';
import { PageTokens } from './paging';
import { renderRecord } from './render';
import { registerRoutes } from './routes';
import { seedCrm } from './seed';
import { registerSimRoutes } from './sim-routes';
import { RecordStore } from './store';
import { TimelineLog } from './timeline';
import type { Change, FieldDef, ModuleName } from './types';
import { MODULES } from './types';
import { renderUser, UserDirectory } from './users';
import { Watch } from './watch';

export type { ModuleName } from './types';
export { CrmWriteError } from './engine';

/** Zoho CRM's concurrency limit per user and app, by edition (reference §2, API limits). */
export const CRM_EDITION_CONCURRENCY = { free: 5, standard: 10, professional: 15, enterprise: 20, ultimate: 25 } as const;
export type CrmEdition = keyof typeof CRM_EDITION_CONCURRENCY;

export interface CrmOptions {
	/** The org's edition; it sets the concurrency limit unless `concurrencyLimit` is given. */
	edition: CrmEdition;
	/** Simultaneous calls per user before 429 (default: the edition's). */
	concurrencyLimit: number;
	/**
	 * The longest channel_expiry Zoho accepts ahead (a week); a later one gets one hour. Shorter
	 * values let a test see channel renewal without waiting days.
	 */
	maxChannelLifetimeMs: number;
	/** API credits per rolling 24 h (sim clock); each accepted call costs one. */
	dailyCredits: number;
	/** Org-specific Task Status values after Zoho's five defaults. */
	extraTaskStatuses: string[];
	/** Org-specific Task Priority values after Zoho's five defaults. */
	extraTaskPriorities: string[];
}

const DAY_MS = 24 * 3600_000;

export class Crm {
	options: CrmOptions;
	readonly fields: FieldRegistry;
	readonly store = new RecordStore();
	readonly users = new UserDirectory();
	readonly watch: Watch;
	readonly pageTokens = new PageTokens();
	/** Per-record change history (`GET /{module}/{id}/__timeline`). */
	readonly timeline = new TimelineLog();
	private credits = { windowStart: 0, used: 0 };

	constructor(
		protected sim: ZohoSim,
		options: Partial<CrmOptions> = {},
	) {
		const edition = options.edition ?? 'professional';
		this.options = {
			edition,
			concurrencyLimit: CRM_EDITION_CONCURRENCY[edition],
			maxChannelLifetimeMs: MAX_EXPIRY_MS,
			dailyCredits: Infinity,
			extraTaskStatuses: ['Waiting for Customer'],
			extraTaskPriorities: [],
			...options,
		};
		this.fields = new FieldRegistry(this.options);
		this.watch = new Watch(this);
	}

	now(): number {
		return this.sim.clock.now();
	}

	baseUrl(): string {
		return this.sim.url;
	}

	deliver(url: string, payload: unknown): void {
		this.sim.deliver(url, payload);
	}

	/** Tell watch channels about a batch of writes (one callback per channel and operation). */
	publish(changes: Change[]): void {
		this.watch.publish(changes);
	}

	register(router: Router): void {
		registerRoutes(this, router);
		registerSimRoutes(this, router);
	}

	/** Runs after authentication: concurrency (429) first, then the daily credit budget. */
	gate(req: SimRequest): SimResponse | undefined {
		if (req.userId && this.sim.concurrent('crm', req.userId) > this.options.concurrencyLimit) {
			return json(429, { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests. Please try again later.', status: 'error' });
		}
		const now = this.now();
		if (now - this.credits.windowStart >= DAY_MS) this.credits = { windowStart: now, used: 0 };
		if (this.credits.used >= this.options.dailyCredits) {
			return json(400, {
				code: 'LIMIT_EXCEEDED',
				details: { limit: this.options.dailyCredits, reset_time: zohoTime(this.credits.windowStart + DAY_MS) },
				message: 'API credits for the day are exhausted',
				status: 'error',
			});
		}
		this.credits.used++;
		return undefined;
	}

	get creditsUsed(): number {
		return this.credits.used;
	}

	seed(): void {
		seedCrm(this);
	}

	clear(): void {
		this.store.clear();
		this.users.clear();
		this.watch.clear();
		this.pageTokens.clear();
		this.timeline.clear();
		this.fields.reset();
		this.credits = { windowStart: 0, used: 0 };
	}

	snapshot(): Record<string, unknown> {
		const modules = Object.fromEntries(MODULES.map((m) => [m, this.store.all(m).map((r) => renderRecord(this, m, r))]));
		return {
			...modules,
			users: this.users.users.map(renderUser),
			deleted: this.store.deleted.map((d) => ({ ...d, deletedTime: zohoTime(d.deletedTime) })),
			channels: this.watch.live().flatMap((c) => describeChannel(this, c)),
		};
	}

	// ---- direct manipulation ("a user in the CRM UI") ----

	getRecord(module: ModuleName, id: string): Record<string, unknown> | undefined {
		const rec = this.store.get(module, id);
		return rec ? renderRecord(this, module, rec) : undefined;
	}

	createAsUser(module: ModuleName, values: Record<string, unknown>, userId: string = API_USER.crmId): Record<string, unknown> {
		return this.apply(module, insertRecord(this, module, values, 0, userId, 'crm_ui'));
	}

	editAsUser(module: ModuleName, id: string, changes: Record<string, unknown>, userId: string = API_USER.crmId): Record<string, unknown> {
		return this.apply(module, updateRecord(this, module, id, changes, 0, userId, 'crm_ui'));
	}

	addNoteAsUser(parentModule: ModuleName, parentId: string, content: string, userId: string = API_USER.crmId, title?: string): Record<string, unknown> {
		const values = { Note_Content: content, Note_Title: title ?? null, Parent_Id: { module: { api_name: parentModule }, id: parentId } };
		return this.apply('Notes', insertRecord(this, 'Notes', values, 0, userId, 'crm_ui'));
	}

	deleteAsUser(module: ModuleName, id: string, userId: string = API_USER.crmId): void {
		const outcome = deleteRecord(this, module, id, userId);
		if (outcome.item.status !== 'success') throw new CrmWriteError(outcome.item);
		this.publish(outcome.changes);
	}

	/** Empty the recycle bin (Zoho does so after 60 days): entries stay listed as `permanent`. */
	purgeDeleted(module?: ModuleName): number {
		const hit = this.store.deleted.filter((d) => d.type === 'recycle' && (!module || d.module === module));
		for (const d of hit) d.type = 'permanent';
		return hit.length;
	}

	/** Delete a field from the org: its values go, writes naming it fail, settings/fields drops it. */
	removeField(module: ModuleName, apiName: string): boolean {
		for (const rec of this.store.all(module)) delete rec[apiName];
		return this.fields.remove(module, apiName);
	}

	addField(module: ModuleName, def: Partial<FieldDef> & Pick<FieldDef, 'api_name' | 'data_type'>): FieldDef {
		return this.fields.add(module, def);
	}

	private apply(module: ModuleName, outcome: Outcome): Record<string, unknown> {
		if (outcome.item.status !== 'success') throw new CrmWriteError(outcome.item);
		this.publish(outcome.changes);
		const id = String(outcome.item.details.id);
		return this.getRecord(module, id) ?? {};
	}
}
