/**
 * `GET /crm/v8/settings/related_lists?module=…`: the related lists of a module, in the shape of the
 * `getRelatedLists` operation of Zoho's CRM OpenAPI description (zoho/crm-oas
 * v8.0/related_lists: `{related_lists:[{id, sequence_number (string), display_label, api_name,
 * module:{api_name,id}, name, action, href, type, visible, customize_*, sort_by:{api_name,id},
 * sort_order, fields:[{api_name,id}], status, parent_related_lists}]}`; errors REQUIRED_PARAM_MISSING /
 * INVALID_MODULE with `details.param` (and `param_name`, see http.ts)). The simulator lists the related
 * lists it serves under `/{module}/{id}/{related}` (see `relatedList` in reads.ts). Visibility, the
 * default sort and the columns are our choice; nothing in the simulator sorts or trims by them.
 */
import type { SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { crmError, missingParam, paramDetails } from './http';
import type { Crm } from './index';
import { fieldId } from './metadata';
import { isModule, MODULE_IDS, type ModuleName } from './types';

/** The related lists per module, in display order (the subset the simulator serves). */
const RELATED: Partial<Record<ModuleName, ModuleName[]>> = {
	Tasks: ['Notes'],
	Accounts: ['Contacts', 'Deals', 'Tasks', 'Notes'],
	Deals: ['Tasks', 'Notes'],
	Contacts: ['Tasks', 'Notes'],
};

/** CRM shows Tasks as the "Open Activities" panel; its api_name stays the module's (inferred). */
const LABELS: Partial<Record<ModuleName, string>> = { Tasks: 'Tasks' };

/**
 * The columns a related list shows and its default sort (our choice): notes newest first by creation,
 * other records by last change, newest first.
 */
const COLUMNS: Partial<Record<ModuleName, string[]>> = {
	Contacts: ['Full_Name', 'Email', 'Phone'],
	Deals: ['Deal_Name', 'Stage', 'Amount', 'Closing_Date'],
	Tasks: ['Subject', 'Due_Date', 'Status', 'Priority', 'Owner'],
	Notes: ['Note_Title', 'Note_Content', 'Created_By', 'Created_Time'],
};
const SORT_FIELD: Partial<Record<ModuleName, string>> = { Notes: 'Created_Time' };

/** Stable ids: 48768760000009 + module index + related index (inferred format, 19 digits). */
const listId = (module: ModuleName, index: number) => `48768760000009${String(Object.keys(MODULE_IDS).indexOf(module)).padStart(2, '0')}${String(index).padStart(3, '0')}`;

export function relatedListsOf(crm: Crm, req: SimRequest): SimResponse {
	const module = req.query.get('module');
	if (!module) return missingParam('module');
	if (!isModule(module)) return crmError(400, 'INVALID_MODULE', 'the module name given seems to be invalid', paramDetails('module'));
	const related = RELATED[module];
	if (!related) return crmError(400, 'NOT_SUPPORTED', 'the module is not supported for related lists', paramDetails('module'));
	const ref = (m: ModuleName, name: string) => ({ api_name: name, id: fieldId(m, name) });
	return json(200, {
		related_lists: related.map((r, i) => ({
			id: listId(module, i),
			sequence_number: String(i + 1),
			display_label: LABELS[r] ?? r,
			api_name: r,
			module: { api_name: r, id: MODULE_IDS[r] },
			name: r,
			action: null,
			href: null,
			type: 'default',
			visible: true,
			customize_sort: true,
			customize_fields: true,
			customize_display_label: true,
			sort_by: ref(r, SORT_FIELD[r] ?? 'Modified_Time'),
			sort_order: 'desc',
			// Only the columns the module still has (a test may have removed a field).
			fields: (COLUMNS[r] ?? []).filter((name) => crm.fields.get(r, name)).map((name) => ref(r, name)),
			status: 'visible',
			parent_related_lists: [],
		})),
	});
}
