/**
 * Projects webhooks. Zoho has no API for them (an Enterprise admin sets them up in a workflow rule
 * with a user-defined payload), so tests register them here; the payload is one sensible choice of
 * entity fields, every value a string as merge fields are, plus the static secret parameter. Sent by
 * POST (JSON or form body) or, as Zoho's form also allows, by GET with everything in the query [P16].
 */
import { newId } from '../kit';
import { PORTAL_ID } from '../seed-data';
import type { Store } from './store';
import type { CommentRec, PortalUser, TaskRec, Webhook, WebhookEvent, WebhookSpec } from './types';

export class Webhooks {
	list: Webhook[] = [];

	constructor(
		private store: Store,
		private deliver: (url: string, payload: unknown, contentType: string, method: 'POST' | 'GET') => void,
	) {}

	add(spec: WebhookSpec): Webhook {
		const hook: Webhook = {
			id: newId('29'),
			url: spec.url,
			events: [...spec.events],
			format: spec.format ?? 'json',
			method: spec.method ?? 'POST',
			secretName: spec.secretName ?? '',
			secretValue: spec.secretValue ?? '',
			projectIds: spec.projectIds ?? [],
		};
		this.list.push(hook);
		return hook;
	}

	remove(id: string): boolean {
		const before = this.list.length;
		this.list = this.list.filter((h) => h.id !== id);
		return this.list.length < before;
	}

	clear(): void {
		this.list = [];
	}

	fire(event: WebhookEvent, task: TaskRec, actor: PortalUser, comment?: CommentRec): void {
		for (const hook of this.list) {
			if (!hook.events.includes(event)) continue;
			if (hook.projectIds.length && !hook.projectIds.includes(task.projectId)) continue;
			const fields = this.payload(event, task, actor, comment);
			if (hook.secretName) fields[hook.secretName] = hook.secretValue;
			if (hook.method === 'GET') this.deliver(withQuery(hook.url, fields), '', '', 'GET');
			else if (hook.format === 'form') this.deliver(hook.url, new URLSearchParams(fields).toString(), 'application/x-www-form-urlencoded', 'POST');
			else this.deliver(hook.url, fields, 'application/json', 'POST');
		}
	}

	payload(event: WebhookEvent, task: TaskRec, actor: PortalUser, comment?: CommentRec): Record<string, string> {
		const status = this.store.statusOf(task);
		const project = this.store.projects.get(task.projectId);
		const fields: Record<string, string> = {
			event,
			portal_id: PORTAL_ID,
			project_id: task.projectId,
			project_name: project?.name ?? '',
			task_id: task.id,
			task_key: `${project?.key ?? 'T'}-T${task.number}`,
			task_name: task.name,
			status: status.name,
			status_id: status.id,
			is_closed: String(status.is_closed_type),
			priority: task.priority,
			start_date: task.start_date,
			end_date: task.end_date,
			owners: task.ownerZpuids.join(','),
			parent_task_id: task.parentId,
			modified_time: task.last_modified_time,
			modified_by: actor.zpuid,
			modified_by_name: actor.name,
			modified_by_email: actor.email,
		};
		for (const [key, value] of Object.entries(task.custom)) fields[key] = value;
		if (comment) {
			fields.comment_id = comment.id;
			fields.comment = comment.comment;
		}
		return fields;
	}
}

/**
 * A GET webhook carries its parameters in the URL [P16] (Zoho's form shows them in its "Preview URL"):
 * appended as `name=value` pairs after whatever query the configured URL already has.
 */
function withQuery(url: string, fields: Record<string, string>): string {
	const target = new URL(url);
	for (const [key, value] of Object.entries(fields)) target.searchParams.append(key, value);
	return target.toString();
}
