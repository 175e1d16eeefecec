/**
 * Direct manipulation: what a person does in the Projects UI, for tests, the e2e run and the demo
 * console. Same refusals, timestamps and webhooks as the API (ops.ts); no HTTP, no throttle, no log.
 */
import { type SimResponse, newId } from '../kit';
import { USERS } from '../seed-data';
import { activitiesOf, activityView } from './activities';
import { type OpsContext, addComment, createTask, trashTask, updateTask } from './ops';
import type { Store } from './store';
import type { ProjectsOptions } from './options';
import type { CommentRec, Outcome, PortalUser, TaskRec, WebhookEvent } from './types';
import { commentView } from './views';

/** Thrown when Zoho would refuse the edit; `response` is the V3 error the API would have sent. */
export class SimRefusal extends Error {
	constructor(readonly response: SimResponse) {
		super(messageOf(response));
		this.name = 'SimRefusal';
	}
}

function messageOf(response: SimResponse): string {
	const body = response.body as { error?: { title?: string; details?: { message?: string }[] } } | undefined;
	return `${response.status} ${body?.error?.title ?? ''}: ${body?.error?.details?.[0]?.message ?? ''}`;
}

function unwrap<T>(outcome: Outcome<T>): T {
	if (!outcome.ok) throw new SimRefusal(outcome.error);
	return outcome.value;
}

/** A user reference: zpuid, e-mail, or a seed-data USERS key such as 'ichiro'. */
export type UserRef = string;

export abstract class DirectApi implements OpsContext {
	abstract readonly store: Store;
	abstract options: ProjectsOptions;
	abstract now(): string;
	abstract emit(event: WebhookEvent, task: TaskRec, actor: PortalUser, comment?: CommentRec): void;
	abstract taskJson(task: TaskRec): Record<string, unknown>;

	/** Default actor: the portal admin of the seed (Hanako). */
	user(ref: UserRef = USERS.hanako.zpuid): PortalUser {
		const seedUser = (USERS as Record<string, { email: string }>)[ref];
		const found = this.store.users.get(ref) ?? this.store.userByEmail(seedUser?.email ?? ref);
		if (!found) throw new Error(`no Projects user ${ref}`);
		return found;
	}

	private liveTaskOrThrow(taskId: string): TaskRec {
		const task = this.store.liveTask(taskId);
		if (!task) throw new Error(`no live Projects task ${taskId}`);
		return task;
	}

	/** The task as GET would return it, or undefined when it does not exist or is in the trash. */
	task(taskId: string): Record<string, unknown> | undefined {
		const task = this.store.liveTask(taskId);
		return task ? this.taskJson(task) : undefined;
	}

	/**
	 * A project added in the Projects UI (no API route is simulated for it): every portal user a
	 * member, an empty "General" tasklist, optionally a client company. Returns the project id.
	 */
	createProject(input: { name: string; key?: string; clientId?: string; members?: UserRef[] }, as?: UserRef): string {
		const owner = this.user(as);
		const id = newId('20');
		const now = this.now();
		const members = input.members ? input.members.map((m) => this.user(m).zpuid) : [...this.store.users.values()].map((u) => u.zpuid);
		this.store.projects.set(id, {
			id, key: input.key ?? `P${this.store.projects.size + 1}`, name: input.name, description: '', start_date: '', end_date: '',
			is_strict_project: false, clientId: input.clientId ?? '', ownerZpuid: owner.zpuid, members: members.includes(owner.zpuid) ? members : [...members, owner.zpuid],
			created_time: now, modified_time: now, taskCounter: 0,
		});
		const listId = newId('20');
		this.store.tasklists.set(listId, { id: listId, projectId: id, name: 'General', created_time: now, last_modified_time: now });
		return id;
	}

	createTask(projectId: string, body: Record<string, unknown>, as?: UserRef): Record<string, unknown> {
		const project = this.store.projects.get(projectId);
		if (!project) throw new Error(`no project ${projectId}`);
		return this.taskJson(unwrap(createTask(this, project, body, this.user(as))));
	}

	/** Edit with a V3 PATCH body, e.g. `{end_date:'2026-12-20'}` or `{status:{id}}`. */
	editTask(taskId: string, body: Record<string, unknown>, as?: UserRef): Record<string, unknown> {
		const task = this.liveTaskOrThrow(taskId);
		return this.taskJson(unwrap(updateTask(this, task, body, this.user(as))));
	}

	closeTask(taskId: string, as?: UserRef): Record<string, unknown> {
		const closed = [...this.store.statuses.values()].find((s) => s.is_closed_type);
		if (!closed) throw new Error('no closed-type status');
		return this.editTask(taskId, { status: { id: closed.id } }, as);
	}

	reopenTask(taskId: string, as?: UserRef): Record<string, unknown> {
		return this.editTask(taskId, { status: { id: this.store.defaultStatus().id } }, as);
	}

	deleteTask(taskId: string, as?: UserRef): void {
		trashTask(this, this.liveTaskOrThrow(taskId), this.user(as));
	}

	/** The task's activity entries, newest first, as the activities route shows them; trashed tasks included. */
	taskActivities(taskId: string): Record<string, unknown>[] {
		return activitiesOf(this.store, taskId).map((a) => activityView(this.store, a));
	}

	addComment(taskId: string, comment: string, as?: UserRef): Record<string, unknown> {
		return commentView(this.store, addComment(this, this.liveTaskOrThrow(taskId), comment, this.user(as)));
	}
}
