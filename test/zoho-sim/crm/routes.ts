/**
 * Route table of the CRM module. Per module the literal sub-paths (`search`, `deleted`, `upsert`)
 * are registered before `/:id`, and `/:id/__timeline` before `/:id/:related`, because the router
 * lets the first registered match win.
 */
import type { Router } from '../kit';
import { json } from '../kit';
import { crmError, missingParam } from './http';
import type { Crm } from './index';
import { relatedListsOf } from './related-lists';
import { deletedRecords, getRecord, listRecords, relatedRecords, searchRecords } from './reads';
import { timelineOf } from './timeline-read';
import { isModule, MODULES } from './types';
import { registerUsers } from './users';
import { createRecords, createRelatedNotes, deleteRecords, updateRecords, upsertRecords } from './writes';

export function registerRoutes(crm: Crm, router: Router): void {
	router.add('crm', 'GET', '/crm/v8/settings/fields', (req) => {
		const module = req.query.get('module');
		if (!module) return missingParam('module');
		// crm-oas v8.0/fields.json InvalidParamError: details name the parameter as `api_name`.
		if (!isModule(module)) return crmError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', { api_name: 'module' });
		return json(200, { fields: crm.fields.list(module).map((d) => crm.fields.describe(module, d)) });
	});
	router.add('crm', 'GET', '/crm/v8/settings/related_lists', (req) => relatedListsOf(crm, req));
	registerUsers(crm, router);
	crm.watch.register(router);
	for (const m of MODULES) {
		const base = `/crm/v8/${m}`;
		// Notes has no search or upsert in the simulator (the sync never needs them).
		if (m !== 'Notes') {
			router.add('crm', 'GET', `${base}/search`, (req) => searchRecords(crm, m, req));
			router.add('crm', 'POST', `${base}/upsert`, (req) => upsertRecords(crm, m, req));
		}
		router.add('crm', 'GET', `${base}/deleted`, (req) => deletedRecords(crm, m, req));
		router.add('crm', 'GET', base, (req) => listRecords(crm, m, req));
		router.add('crm', 'POST', base, (req) => createRecords(crm, m, req));
		router.add('crm', 'PUT', base, (req) => updateRecords(crm, m, req));
		router.add('crm', 'DELETE', base, (req) => deleteRecords(crm, m, req));
		router.add('crm', 'GET', `${base}/:id`, (req) => getRecord(crm, m, req));
		router.add('crm', 'PUT', `${base}/:id`, (req) => updateRecords(crm, m, req));
		router.add('crm', 'DELETE', `${base}/:id`, (req) => deleteRecords(crm, m, req));
		router.add('crm', 'GET', `${base}/:id/__timeline`, (req) => timelineOf(crm, m, req));
		if (m !== 'Notes') {
			router.add('crm', 'POST', `${base}/:id/Notes`, (req) => createRelatedNotes(crm, m, req));
			router.add('crm', 'GET', `${base}/:id/:related`, (req) => relatedRecords(crm, m, req));
		}
	}
}
