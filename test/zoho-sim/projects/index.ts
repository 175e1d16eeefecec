/**
 * Zoho Projects V3 as described in reference/zoho-api.md §3: routes (routes-*.ts), the per-pattern
 * throttle, webhooks, the seed, and direct-manipulation methods that play "a user in the Projects UI".
 * Every inferred behaviour is listed in ../ASSUMPTIONS.md (## Projects).
 */
import { newId, type Router, type SimRequest, type SimResponse } from '../kit';
import { PORTAL_ID, USERS } from '../seed-data';
import type { ZohoSim } from '../server';
import { forbidden, notFound } from './errors';
import { DirectApi } from './direct';
import type { OpsContext } from './ops';
import { DEFAULT_PROJECTS_OPTIONS, type ProjectsOptions } from './options';
import { registerPeopleRoutes } from './routes-people';
import { registerPortalRoutes } from './routes-portal';
import { registerSimRoutes } from './routes-sim';
import { registerTaskRoutes } from './routes-tasks';
import { loadSeed } from './seed';
import { Store } from './store';
import { Throttle } from './throttle';
import type { CommentRec, CustomField, Outcome, PortalUser, ProjectRec, TaskRec, Webhook, WebhookEvent, WebhookSpec } from './types';
import { taskView } from './views';
import { Webhooks } from './webhooks';

export type { ProjectsOptions } from './options';
export type { WebhookSpec, WebhookEvent } from './types';
export { SimRefusal } from './direct';

export class Projects extends DirectApi implements OpsContext {
	options: ProjectsOptions;
	readonly store = new Store();
	readonly throttle: Throttle;
	readonly webhooks: Webhooks;

	constructor(
		protected sim: ZohoSim,
		options: Partial<ProjectsOptions> = {},
	) {
		super();
		this.options = { ...DEFAULT_PROJECTS_OPTIONS, ...options };
		this.throttle = new Throttle(sim.clock, () => this.options);
		this.webhooks = new Webhooks(this.store, (url, payload, type, method) => sim.deliver(url, payload, type, method));
	}

	now(): string {
		return this.sim.clock.iso();
	}

	emit(event: WebhookEvent, task: TaskRec, actor: PortalUser, comment?: CommentRec): void {
		this.webhooks.fire(event, task, actor, comment);
	}

	register(router: Router): void {
		// Literal paths first: the router tries routes in registration order.
		registerPortalRoutes(router, this);
		registerPeopleRoutes(router, this);
		registerTaskRoutes(router, this);
		registerSimRoutes(router, this);
	}

	/**
	 * After auth, before the handler: the throttle (it counts every authenticated call, even ones
	 * refused later), then the portal id and the caller's portal membership for portal routes.
	 */
	gate(req: SimRequest): SimResponse | undefined {
		const refusal = this.throttle.check(req.userId ?? '', req.route);
		if (refusal) return refusal;
		const portal = req.params.portal;
		if (portal === undefined) return undefined;
		if (portal !== PORTAL_ID && !this.options.extraPortalIds.includes(portal)) return notFound('Portal', portal);
		if (!this.actor(req)) {
			return forbidden(`The signed-in user is not a user of portal ${PORTAL_ID}; add them to the portal first.`);
		}
		return undefined;
	}

	lockedUntil(userId: string, pattern: string): number | undefined {
		return this.throttle.lockedUntil(userId, pattern);
	}

	/**
	 * The Projects user behind a request. Tokens belong to CRM users; the match is by e-mail (a CRM
	 * user without a Projects account has none). A token issued for a zpuid directly acts as that user.
	 */
	actor(req: SimRequest): PortalUser | undefined {
		const id = req.userId ?? '';
		const direct = this.store.users.get(id);
		if (direct) return direct.active ? direct : undefined;
		const crmUser = Object.values(USERS).find((u) => u.crmId && u.crmId === id);
		const user = crmUser ? this.store.userByEmail(crmUser.email) : undefined;
		return user?.active ? user : undefined;
	}

	/** The project in the path, if the caller may see it (admins see all, members their projects). */
	projectFor(req: SimRequest): Outcome<ProjectRec> {
		const id = req.params.project;
		const project = this.store.projects.get(id);
		if (!project) return { ok: false, error: notFound('Project', id) };
		const actor = this.actor(req);
		if (actor && actor.role !== 'admin' && !project.members.includes(actor.zpuid)) {
			return { ok: false, error: forbidden(`${actor.name} is not a user of project ${project.name}.`) };
		}
		return { ok: true, value: project };
	}

	taskFor(req: SimRequest, project: ProjectRec): Outcome<TaskRec> {
		const task = this.store.liveTask(req.params.task);
		if (!task || task.projectId !== project.id) return { ok: false, error: notFound('Task', req.params.task) };
		return { ok: true, value: task };
	}

	/** The actor of a request that passed `gate` (always set there for portal routes). */
	requireActor(req: SimRequest): PortalUser {
		const actor = this.actor(req);
		if (!actor) throw new Error('portal route reached without a portal user');
		return actor;
	}

	taskJson(task: TaskRec): Record<string, unknown> {
		return taskView(this.store, task, this.options.timeZoneOffset);
	}

	addWebhook(spec: WebhookSpec): Webhook {
		return this.webhooks.add(spec);
	}

	removeWebhook(id: string): boolean {
		return this.webhooks.remove(id);
	}

	/** A task custom field (tests remove CRM_Task_ID to exercise the node's setup error). */
	addCustomField(apiName: string, label: string): CustomField {
		const field: CustomField = { id: newId('27'), api_name: apiName, label, type: 'singleline' };
		this.store.customFields.set(field.id, field);
		return field;
	}

	removeCustomField(apiName: string): boolean {
		const field = this.store.customFieldByApiName(apiName);
		return field ? this.store.customFields.delete(field.id) : false;
	}

	seed(): void {
		loadSeed(this.store, this.sim.clock);
	}

	clear(): void {
		this.store.clear();
		this.webhooks.clear();
		this.throttle.clear();
	}

	snapshot(): Record<string, unknown> {
		const s = this.store;
		const values = <T>(m: Map<string, T>) => [...m.values()].map((v) => structuredClone(v));
		return {
			portal: { id: PORTAL_ID },
			users: values(s.users),
			statuses: values(s.statuses),
			projects: values(s.projects),
			tasklists: values(s.tasklists),
			tasks: values(s.tasks),
			comments: values(s.comments),
			activities: values(s.activities),
			clients: values(s.clients),
			contacts: values(s.contacts),
			customFields: values(s.customFields),
			webhooks: this.webhooks.list.map((h) => ({ ...h })),
			throttleLocks: this.throttle.snapshot(),
		};
	}
}
