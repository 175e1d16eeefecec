/**
 * One poll of the Zoho Projects Trigger. Tasks: one call per poll in the usual case — the project's
 * tasks newest-changed first (`sort_by=DESC(last_modified_time)`), paging only until the cursor.
 * The first poll only sets the cursor; manual polls return a sample and leave the state alone.
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { type ProjectsSettings, projectsClock, projectsRequestAll, withCalendarDates } from '../../shared/projects';
import { newComments, refill } from './comments';
import { type PollState, advance, instant, isPast } from './state';

export interface PollOptions {
	settings: ProjectsSettings;
	projectId: string;
	events: string[];
	commentTasksPerPoll: number;
}

const SORT = { sort_by: 'DESC(last_modified_time)' };

function taskItem(task: IDataObject, event: string, o: PollOptions): IDataObject {
	return { event, portal_id: o.settings.portalId, project_id: o.projectId, ...withCalendarDates(task) };
}

async function listTasks(this: IPollFunctions, o: PollOptions, stopBefore?: string, limit?: number): Promise<IDataObject[]> {
	const stop = stopBefore === undefined ? undefined : instant(stopBefore);
	return await projectsRequestAll.call(this, o.settings, { method: 'GET', path: `/projects/${o.projectId}/tasks`, qs: SORT }, 'tasks', {
		perPage: limit ?? 200,
		limit,
		stopAt: stop === undefined ? undefined : (t) => instant(t.last_modified_time) < stop,
	});
}

/** "Fetch test event": the newest task (or its newest comment), without touching the cursor. */
export async function samplePoll(this: IPollFunctions, o: PollOptions): Promise<INodeExecutionData[][] | null> {
	const [task] = await listTasks.call(this, o, undefined, 1);
	if (!task) return null;
	if (o.events.some((e) => e.startsWith('task'))) {
		const event = task.created_time === task.last_modified_time ? 'taskCreated' : 'taskUpdated';
		return [this.helpers.returnJsonArray([taskItem(task, event, o)])];
	}
	const comments = await projectsRequestAll.call(this, o.settings, { method: 'GET', path: `/projects/${o.projectId}/tasks/${String(task.id)}/comments` }, 'comments');
	const last = comments[comments.length - 1];
	if (!last) return null;
	return [this.helpers.returnJsonArray([{ event: 'commentAdded', portal_id: o.settings.portalId, project_id: o.projectId, task_id: task.id, ...last }])];
}

export async function triggerPoll(this: IPollFunctions, state: PollState, o: PollOptions): Promise<INodeExecutionData[][] | null> {
	const first = state.cursor === undefined;
	const wantComments = o.events.includes('commentAdded');
	if (wantComments && !state.comments) {
		// Whole seconds, as Zoho stamps comments: one added in the same second still counts as new.
		const since = Math.floor(projectsClock().now() / 1000) * 1000;
		state.comments = { since: new Date(since).toISOString(), queue: [], seen: {} };
	}
	// A new comment round needs every task id: read the whole list this once instead of up to the cursor.
	const fullList = wantComments && !state.comments?.queue.length;
	const tasks = await listTasks.call(this, o, fullList ? undefined : state.cursor, first && !fullList ? 200 : undefined);

	const changed = first ? [] : tasks.filter((t) => isPast(t.last_modified_time, String(t.id), state.cursor, state.cursorIds));
	const out: IDataObject[] = [];
	for (const task of changed) {
		const event = isPast(task.created_time, String(task.id), state.cursor, state.cursorIds) ? 'taskCreated' : 'taskUpdated';
		if (o.events.includes(event)) out.push(taskItem(task, event, o));
	}
	[state.cursor, state.cursorIds] = advance(
		tasks.map((t) => ({ time: t.last_modified_time, id: String(t.id) })),
		state.cursor,
		state.cursorIds,
	);
	if (wantComments && state.comments) {
		if (fullList) refill(state.comments, tasks.map((t) => String(t.id)));
		const hot = changed.map((t) => String(t.id));
		out.push(...(await newComments.call(this, o.settings, o.projectId, state.comments, hot, o.commentTasksPerPoll)));
	}
	return out.length ? [this.helpers.returnJsonArray(out)] : null;
}
