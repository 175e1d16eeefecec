/** Tasks, task comments and task activities under /projects/{project}/tasks. */
import { json, type Router, type SimRequest, type SimResponse } from '../kit';
import { activitiesOf, activityView } from './activities';
import { isRecord, missing, notFound } from './errors';
import type { Projects } from './index';
import { addComment, createTask, trashTask, updateTask } from './ops';
import { pageOf, readPaging } from './paging';
import { PORTAL } from './routes-portal';
import { parseFilter, parseSort } from './task-query';
import type { CommentRec, Outcome, ProjectRec, TaskRec } from './types';
import { commentView } from './views';

const TASKS = `${PORTAL}/projects/:project/tasks`;
const TASK = `${TASKS}/:task`;
/**
 * Zoho documents task activities only in the legacy REST API, so the route keeps that path (no V3
 * source was found); paging and errors follow the simulator's V3 conventions (ASSUMPTIONS.md).
 */
export const TASK_ACTIVITIES = '/restapi/portal/:portal/projects/:project/tasks/:task/activities';

export function registerTaskRoutes(r: Router, p: Projects): void {
	r.add('projects', 'GET', TASKS, (req) => listTasks(p, req));
	r.add('projects', 'POST', TASKS, (req) =>
		withProject(p, req, (project) => {
			const created = createTask(p, project, req.body, p.requireActor(req));
			return created.ok ? json(201, p.taskJson(created.value)) : created.error;
		}),
	);
	r.add('projects', 'GET', TASK, (req) => withTask(p, req, (task) => json(200, p.taskJson(task))));
	r.add('projects', 'PATCH', TASK, (req) =>
		withTask(p, req, (task) => {
			const updated = updateTask(p, task, req.body, p.requireActor(req));
			return updated.ok ? json(200, p.taskJson(updated.value)) : updated.error;
		}),
	);
	r.add('projects', 'DELETE', TASK, (req) =>
		withTask(p, req, (task) => {
			trashTask(p, task, p.requireActor(req));
			return json(204);
		}),
	);

	r.add('projects', 'GET', `${TASK}/comments`, (req) =>
		withTask(p, req, (task) => {
			const paging = readPaging(req);
			if (!paging.ok) return paging.error;
			const page = pageOf(p.store.commentsOf(task.id), paging.value);
			return json(200, { comments: page.items.map((c) => commentView(p.store, c)), page_info: page.page_info });
		}),
	);
	r.add('projects', 'GET', TASK_ACTIVITIES, (req) =>
		withTask(p, req, (task) => {
			const paging = readPaging(req);
			if (!paging.ok) return paging.error;
			const page = pageOf(activitiesOf(p.store, task.id), paging.value);
			return json(200, { activities: page.items.map((a) => activityView(p.store, a)), page_info: page.page_info });
		}),
	);
	r.add('projects', 'POST', `${TASK}/comments`, (req) =>
		withTask(p, req, (task) => {
			const text = commentText(req);
			if (!text.ok) return text.error;
			// Measured: POST answers with a bare array holding the new comment.
			return json(201, [commentView(p.store, addComment(p, task, text.value, p.requireActor(req)))]);
		}),
	);
	r.add('projects', 'PATCH', `${TASK}/comments/:comment`, (req) =>
		withComment(p, req, (comment) => {
			const text = commentText(req);
			if (!text.ok) return text.error;
			comment.comment = text.value;
			comment.updated_time = p.now();
			return json(200, [commentView(p.store, comment)]);
		}),
	);
	r.add('projects', 'DELETE', `${TASK}/comments/:comment`, (req) =>
		withComment(p, req, (comment) => {
			p.store.comments.delete(comment.id);
			return json(204);
		}),
	);
}

function withProject(p: Projects, req: SimRequest, then: (project: ProjectRec) => SimResponse): SimResponse {
	const project = p.projectFor(req);
	return project.ok ? then(project.value) : project.error;
}

function withTask(p: Projects, req: SimRequest, then: (task: TaskRec) => SimResponse): SimResponse {
	return withProject(p, req, (project) => {
		const task = p.taskFor(req, project);
		return task.ok ? then(task.value) : task.error;
	});
}

function withComment(p: Projects, req: SimRequest, then: (comment: CommentRec) => SimResponse): SimResponse {
	return withTask(p, req, (task) => {
		const comment = p.store.comments.get(req.params.comment);
		return comment && comment.taskId === task.id ? then(comment) : notFound('Comment', req.params.comment);
	});
}

/** Only `comment` is the text; `content`, `text` or `body` instead is a missing field (measured). */
function commentText(req: SimRequest): Outcome<string> {
	const text = isRecord(req.body) ? req.body.comment : undefined;
	if (typeof text !== 'string' || !text.trim()) return { ok: false, error: missing('comment') };
	return { ok: true, value: text };
}

/** Subtasks are listed with the rest; ad-hoc params such as `?parent_task=` are ignored, as measured. */
function listTasks(p: Projects, req: SimRequest): SimResponse {
	return withProject(p, req, (project) => {
		const paging = readPaging(req);
		if (!paging.ok) return paging.error;
		const sort = parseSort(p.store, req.query.get('sort_by'));
		if (!sort.ok) return sort.error;
		const filter = parseFilter(p.store, req.query.get('filter'));
		if (!filter.ok) return filter.error;
		const tasks = p.store.liveTasks(project.id).filter(filter.value).sort(sort.value);
		const page = pageOf(tasks, paging.value);
		return json(200, { tasks: page.items.map((t) => p.taskJson(t)), page_info: page.page_info });
	});
}
