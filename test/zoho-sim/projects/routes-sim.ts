/**
 * `/_sim/projects/...`: the direct-manipulation methods over HTTP, for the e2e run and the demo
 * console in another process. Not Zoho: no auth, no throttle, not in the request log.
 */
import { json, type Router, type SimRequest, type SimResponse } from '../kit';
import { SimRefusal } from './direct';
import { isRecord } from './errors';
import type { Projects } from './index';
import type { WebhookEvent } from './types';

const EVENTS: readonly WebhookEvent[] = ['task.create', 'task.update', 'task.delete', 'comment.add'];

/** Body fields minus `as` (the acting user: zpuid, e-mail or seed key). */
function split(req: SimRequest): { as?: string; rest: Record<string, unknown> } {
	const { as, ...rest } = isRecord(req.body) ? req.body : {};
	const actor = typeof as === 'string' ? as : (req.query.get('as') ?? undefined);
	return { as: actor, rest };
}

function attempt(run: () => SimResponse): SimResponse {
	try {
		return run();
	} catch (error) {
		if (error instanceof SimRefusal) return error.response;
		return json(404, { error: (error as Error).message });
	}
}

export function registerSimRoutes(r: Router, p: Projects): void {
	const base = '/_sim/projects';
	r.add('sim', 'GET', `${base}/webhooks`, () => json(200, { webhooks: p.webhooks.list }));
	r.add('sim', 'POST', `${base}/webhooks`, (req) => {
		const b = isRecord(req.body) ? req.body : {};
		const events = Array.isArray(b.events) ? b.events.filter((e): e is WebhookEvent => EVENTS.includes(e as WebhookEvent)) : [];
		if (typeof b.url !== 'string' || !events.length) return json(400, { error: 'url and events (task.create|task.update|task.delete|comment.add) are required' });
		const hook = p.addWebhook({
			url: b.url,
			events,
			format: b.format === 'form' ? 'form' : 'json',
			method: b.method === 'GET' ? 'GET' : 'POST',
			secretName: typeof b.secretName === 'string' ? b.secretName : undefined,
			secretValue: typeof b.secretValue === 'string' ? b.secretValue : undefined,
			projectIds: Array.isArray(b.projectIds) ? b.projectIds.map(String) : undefined,
		});
		return json(201, hook);
	});
	r.add('sim', 'DELETE', `${base}/webhooks/:id`, (req) => (p.removeWebhook(req.params.id) ? json(204) : json(404, { error: 'no such webhook' })));
	r.add('sim', 'GET', `${base}/throttle`, () => json(200, { locks: p.throttle.snapshot() }));

	r.add('sim', 'POST', `${base}/projects/:project/tasks`, (req) => attempt(() => {
		const { as, rest } = split(req);
		return json(201, p.createTask(req.params.project, rest, as));
	}));
	r.add('sim', 'GET', `${base}/tasks/:task`, (req) => {
		const task = p.task(req.params.task);
		return task ? json(200, task) : json(404, { error: `no live task ${req.params.task}` });
	});
	r.add('sim', 'PATCH', `${base}/tasks/:task`, (req) => attempt(() => {
		const { as, rest } = split(req);
		return json(200, p.editTask(req.params.task, rest, as));
	}));
	r.add('sim', 'POST', `${base}/tasks/:task/close`, (req) => attempt(() => json(200, p.closeTask(req.params.task, split(req).as))));
	r.add('sim', 'POST', `${base}/tasks/:task/reopen`, (req) => attempt(() => json(200, p.reopenTask(req.params.task, split(req).as))));
	r.add('sim', 'DELETE', `${base}/tasks/:task`, (req) => attempt(() => {
		p.deleteTask(req.params.task, split(req).as);
		return json(204);
	}));
	r.add('sim', 'POST', `${base}/tasks/:task/comments`, (req) => attempt(() => {
		const { as, rest } = split(req);
		return json(201, p.addComment(req.params.task, String(rest.comment ?? ''), as));
	}));
}
