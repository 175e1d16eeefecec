/**
 * Task and comment writes shared by the HTTP routes and the direct-manipulation methods, so an edit
 * "in the Projects UI" goes through the same refusals, timestamps and webhooks as an API call.
 */
import { newId } from '../kit';
import { diffFields, recordActivity, trackedFields } from './activities';
import { refused } from './errors';
import type { ProjectsOptions } from './options';
import { checkTaskRules } from './rules';
import type { Store } from './store';
import { type TaskChange, parseTaskBody } from './task-input';
import type { CommentRec, Outcome, PortalUser, ProjectRec, TaskRec, WebhookEvent } from './types';

export interface OpsContext {
	store: Store;
	options: ProjectsOptions;
	now(): string;
	emit(event: WebhookEvent, task: TaskRec, actor: PortalUser, comment?: CommentRec): void;
}

const inputContext = (ctx: OpsContext) => ({
	store: ctx.store,
	nameMaxLength: ctx.options.nameMaxLength,
	portalOffset: ctx.options.timeZoneOffset,
});

export function createTask(ctx: OpsContext, project: ProjectRec, body: unknown, actor: PortalUser): Outcome<TaskRec> {
	const parsed = parseTaskBody(inputContext(ctx), project, body, 'create');
	if (!parsed.ok) return parsed;
	const change = parsed.value;
	const rules = checkTaskRules(ctx.store, project, undefined, change, ctx.options);
	if (!rules.ok) return rules;
	const parent = change.parentId ? ctx.store.tasks.get(change.parentId) : undefined;
	const tasklistId = change.tasklistId ?? parent?.tasklistId ?? ctx.store.generalTasklist(project.id)?.id;
	if (!tasklistId) return { ok: false, error: refused('tasklist', `Project ${project.name} has no tasklist to file the task in.`) };
	const now = ctx.now();
	project.taskCounter++;
	const task: TaskRec = {
		id: newId('21'),
		projectId: project.id,
		number: project.taskCounter,
		name: change.name ?? '',
		description: '',
		statusId: ctx.store.defaultStatus().id,
		priority: 'none',
		start_date: '',
		end_date: '',
		completion_percentage: 0,
		ownerZpuids: [],
		tasklistId,
		parentId: change.parentId ?? '',
		custom: {},
		created_time: now,
		last_modified_time: now,
		createdBy: actor.zpuid,
		updatedBy: actor.zpuid,
		seq: ctx.store.nextSeq(),
		deleted: false,
	};
	applyChange(task, change);
	ctx.store.tasks.set(task.id, task);
	recordActivity(ctx.store, task, 'created', actor, now);
	ctx.emit('task.create', task, actor);
	return { ok: true, value: task };
}

export function updateTask(ctx: OpsContext, task: TaskRec, body: unknown, actor: PortalUser): Outcome<TaskRec> {
	const project = ctx.store.projects.get(task.projectId);
	if (!project) throw new Error(`task ${task.id} has no project`);
	const parsed = parseTaskBody(inputContext(ctx), project, body, 'update');
	if (!parsed.ok) return parsed;
	const rules = checkTaskRules(ctx.store, project, task, parsed.value, ctx.options);
	if (!rules.ok) return rules;
	const before = JSON.stringify(task);
	const fieldsBefore = trackedFields(ctx.store, task, ctx.options.timeZoneOffset);
	applyChange(task, parsed.value);
	// A write that changes nothing is not an edit: no new modified time, no webhook, no activity (assumption).
	if (JSON.stringify(task) !== before) {
		task.last_modified_time = ctx.now();
		task.updatedBy = actor.zpuid;
		const changes = diffFields(fieldsBefore, trackedFields(ctx.store, task, ctx.options.timeZoneOffset));
		if (changes.length) recordActivity(ctx.store, task, 'updated', actor, task.last_modified_time, changes);
		ctx.emit('task.update', task, actor);
	}
	return { ok: true, value: task };
}

function applyChange(task: TaskRec, change: TaskChange): void {
	if (change.name !== undefined) task.name = change.name;
	if (change.description !== undefined) task.description = change.description;
	if (change.statusId !== undefined) task.statusId = change.statusId;
	if (change.priority !== undefined) task.priority = change.priority;
	if (change.start_date !== undefined) task.start_date = change.start_date;
	if (change.end_date !== undefined) task.end_date = change.end_date;
	if (change.completion_percentage !== undefined) task.completion_percentage = change.completion_percentage;
	if (change.tasklistId !== undefined) task.tasklistId = change.tasklistId;
	if (change.owners) {
		const { replace, add, remove } = change.owners;
		const next = (replace ?? task.ownerZpuids).filter((z) => !remove.includes(z));
		for (const z of add) if (!next.includes(z)) next.push(z);
		task.ownerZpuids = next;
	}
	for (const [key, value] of Object.entries(change.custom)) {
		if (value === '') delete task.custom[key];
		else task.custom[key] = value;
	}
}

/** DELETE moves the task and its subtasks to the trash; each one fires `task.delete`. */
export function trashTask(ctx: OpsContext, task: TaskRec, actor: PortalUser): void {
	for (const child of ctx.store.children(task.id)) trashTask(ctx, child, actor);
	task.deleted = true;
	task.last_modified_time = ctx.now();
	task.updatedBy = actor.zpuid;
	recordActivity(ctx.store, task, 'deleted', actor, task.last_modified_time);
	ctx.emit('task.delete', task, actor);
}

/** Comments do not change the task's last_modified_time (assumption: pollers must read comments separately). */
export function addComment(ctx: OpsContext, task: TaskRec, text: string, actor: PortalUser): CommentRec {
	const now = ctx.now();
	const comment: CommentRec = { id: newId('22'), taskId: task.id, comment: text, created_time: now, updated_time: now, createdBy: actor.zpuid, seq: ctx.store.nextSeq() };
	ctx.store.comments.set(comment.id, comment);
	ctx.emit('comment.add', task, actor, comment);
	return comment;
}
