/**
 * New comments for the polling trigger. Zoho Projects has no "comments since" list and a comment
 * does not change its task's modified time, so each poll checks a bounded number of tasks: the
 * ones that just changed first, then a round-robin over all tasks of the project. Every comment is
 * emitted once; one added to a quiet task is found within one round.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { type ProjectsSettings, asNodeError, projectsRequestAll, zohoErrorOf } from '../../shared/projects';
import { type CommentScan, advance, isPast } from './state';

export async function newComments(
	this: IPollFunctions,
	settings: ProjectsSettings,
	projectId: string,
	scan: CommentScan,
	hot: string[],
	perPoll: number,
): Promise<IDataObject[]> {
	const picked: string[] = [];
	for (const id of [...hot, ...scan.queue]) {
		if (picked.length >= perPoll) break;
		if (!picked.includes(id)) picked.push(id);
	}
	scan.queue = scan.queue.filter((id) => !picked.includes(id));
	const out: IDataObject[] = [];
	for (const taskId of picked) {
		let rows: IDataObject[];
		try {
			rows = await projectsRequestAll.call(this, settings, { method: 'GET', path: `/projects/${projectId}/tasks/${taskId}/comments` }, 'comments');
		} catch (error) {
			// A task deleted since the round began has no comments to report.
			if (zohoErrorOf(error)?.status === 404) {
				delete scan.seen[taskId];
				continue;
			}
			throw asNodeError(this.getNode(), error);
		}
		const [markTime, ...markIds] = scan.seen[taskId] ?? [scan.since];
		const fresh = rows.filter((c) => isPast(c.created_time, String(c.id), markTime, markIds));
		const [time, ids] = advance(rows.map((c) => ({ time: c.created_time, id: String(c.id) })), markTime, markIds);
		if (time !== undefined) scan.seen[taskId] = [time, ...ids];
		for (const c of fresh) out.push({ event: 'commentAdded', portal_id: settings.portalId, project_id: projectId, task_id: taskId, ...c });
	}
	return out;
}

/** Start a new round over all tasks; forget tasks that no longer exist. */
export function refill(scan: CommentScan, taskIds: string[]): void {
	scan.queue = [...taskIds];
	for (const id of Object.keys(scan.seen)) if (!taskIds.includes(id)) delete scan.seen[id];
}
