/** The OAS operations the simulator's CRM routes answer for (file and path as in zoho/crm-oas v8.0). */
import type { Op } from './conform';

const op = (file: Op['file'], method: Op['method'], path: string): Op => ({ file, method, path: `/crm/v8${path}` });

export const OPS = {
	getRecords: op('record.json', 'get', '/{module_api_name}'),
	getRecord: op('record.json', 'get', '/{module_api_name}/{id}'),
	createRecords: op('record.json', 'post', '/{module_api_name}'),
	updateRecords: op('record.json', 'put', '/{module_api_name}'),
	updateRecord: op('record.json', 'put', '/{module_api_name}/{id}'),
	deleteRecords: op('record.json', 'delete', '/{module_api_name}'),
	deleteRecord: op('record.json', 'delete', '/{module_api_name}/{id}'),
	upsertRecords: op('record.json', 'post', '/{module_api_name}/upsert'),
	deletedRecords: op('record.json', 'get', '/{module_api_name}/deleted'),
	searchRecords: op('record.json', 'get', '/{module_api_name}/search'),
	searchModule: op('module_search.json', 'get', '/{module}/search'),
	relatedRecords: op('related_records.json', 'get', '/{module_api_name}/{record_id}/{related_list_api_name}'),
	getNotes: op('notes.json', 'get', '/Notes'),
	getNote: op('notes.json', 'get', '/Notes/{id}'),
	createNotes: op('notes.json', 'post', '/Notes'),
	updateNotes: op('notes.json', 'put', '/Notes'),
	updateNote: op('notes.json', 'put', '/Notes/{id}'),
	deleteNotes: op('notes.json', 'delete', '/Notes'),
	deleteNote: op('notes.json', 'delete', '/Notes/{id}'),
	getUsers: op('users.json', 'get', '/users'),
	getUser: op('users.json', 'get', '/users/{user}'),
	getFields: op('fields.json', 'get', '/settings/fields'),
	getRelatedLists: op('related_lists.json', 'get', '/settings/related_lists'),
	getWatch: op('notifications.json', 'get', '/actions/watch'),
	enableWatch: op('notifications.json', 'post', '/actions/watch'),
	updateWatch: op('notifications.json', 'put', '/actions/watch'),
	patchWatch: op('notifications.json', 'patch', '/actions/watch'),
	deleteWatch: op('notifications.json', 'delete', '/actions/watch'),
	timeline: op('timelines.json', 'get', '/{module}/{record_id}/__timeline'),
} satisfies Record<string, Op>;
