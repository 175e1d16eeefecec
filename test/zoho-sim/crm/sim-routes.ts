/**
 * `/_sim/crm/...`: the direct-manipulation methods over HTTP for tests in other processes and the
 * demo console (edit "as a user in the CRM UI", add a note, delete, remove or add a field).
 * Not part of Zoho; no auth, no request log.
 */
import type { Router, SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { CrmWriteError } from './engine';
import type { Crm } from './index';
import type { DataType, ModuleName } from './types';
import { isModule, isObject } from './types';

type Body = Record<string, unknown>;

function withModule(req: SimRequest, run: (module: ModuleName, body: Body) => SimResponse): SimResponse {
	const module = req.params.module;
	if (!isModule(module)) return json(404, { error: `unknown module ${module}` });
	try {
		return run(module, isObject(req.body) ? req.body : {});
	} catch (error) {
		if (error instanceof CrmWriteError) return json(400, { error: error.message, item: error.item });
		throw error;
	}
}

const userOf = (body: Body, req: SimRequest): string | undefined =>
	typeof body.userId === 'string' ? body.userId : (req.query.get('userId') ?? undefined);

export function registerSimRoutes(crm: Crm, router: Router): void {
	const base = '/_sim/crm';
	router.add('sim', 'DELETE', `${base}/fields/:module/:apiName`, (req) =>
		withModule(req, (m) => json(crm.removeField(m, req.params.apiName) ? 204 : 404)),
	);
	router.add('sim', 'POST', `${base}/fields/:module`, (req) =>
		withModule(req, (m, body) => {
			if (typeof body.api_name !== 'string' || typeof body.data_type !== 'string') return json(400, { error: 'api_name and data_type are required' });
			return json(201, crm.addField(m, { ...body, api_name: body.api_name, data_type: body.data_type as DataType }));
		}),
	);
	router.add('sim', 'GET', `${base}/:module/:id`, (req) =>
		withModule(req, (m) => {
			const rec = crm.getRecord(m, req.params.id);
			return rec ? json(200, rec) : json(404, { error: 'no such record' });
		}),
	);
	router.add('sim', 'POST', `${base}/:module`, (req) =>
		withModule(req, (m, body) => json(201, crm.createAsUser(m, isObject(body.values) ? body.values : {}, userOf(body, req)))),
	);
	router.add('sim', 'PATCH', `${base}/:module/:id`, (req) =>
		withModule(req, (m, body) => {
			if (!crm.getRecord(m, req.params.id)) return json(404, { error: 'no such record' });
			return json(200, crm.editAsUser(m, req.params.id, isObject(body.changes) ? body.changes : {}, userOf(body, req)));
		}),
	);
	router.add('sim', 'DELETE', `${base}/:module/:id`, (req) =>
		withModule(req, (m, body) => {
			if (!crm.getRecord(m, req.params.id)) return json(404, { error: 'no such record' });
			crm.deleteAsUser(m, req.params.id, userOf(body, req));
			return json(204);
		}),
	);
	router.add('sim', 'POST', `${base}/:module/:id/notes`, (req) =>
		withModule(req, (m, body) => {
			if (!crm.getRecord(m, req.params.id)) return json(404, { error: 'no such record' });
			const title = typeof body.title === 'string' ? body.title : undefined;
			return json(201, crm.addNoteAsUser(m, req.params.id, String(body.content ?? ''), userOf(body, req), title));
		}),
	);
}
