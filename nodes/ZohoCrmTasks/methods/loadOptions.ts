/** Dropdowns filled from the org's own field metadata, so custom picklist values and fields appear. */
import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { fieldLabel, moduleFields, writableFields } from '../../shared/crm/fields';
import type { CrmField } from '../../shared/crm/types';

async function picklist(this: ILoadOptionsFunctions, apiName: string): Promise<INodePropertyOptions[]> {
	const field = (await moduleFields.call(this, 'Tasks')).find((f) => f.api_name === apiName);
	return (field?.pick_list_values ?? []).map((v) => ({ name: v.display_value, value: v.actual_value ?? v.display_value }));
}

const asOptions = (fields: CrmField[]): INodePropertyOptions[] =>
	fields
		.map((f) => ({ name: `${fieldLabel(f)} (${f.api_name})`, value: f.api_name }))
		.sort((a, b) => a.name.localeCompare(b.name));

export async function getTaskStatuses(this: ILoadOptionsFunctions) {
	return await picklist.call(this, 'Status');
}

export async function getTaskPriorities(this: ILoadOptionsFunctions) {
	return await picklist.call(this, 'Priority');
}

/** Every task field (for "fields to return" and notification conditions). */
export async function getTaskFields(this: ILoadOptionsFunctions) {
	return asOptions(await moduleFields.call(this, 'Tasks'));
}

/** Writable fields that are not set by a dedicated parameter: the org's custom fields and the rest. */
export async function getTaskCustomFields(this: ILoadOptionsFunctions) {
	const dedicated = new Set(['Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner', 'What_Id', 'Who_Id', 'Remind_At', 'Recurring_Activity', 'Send_Notification_Email']);
	return asOptions(writableFields(await moduleFields.call(this, 'Tasks')).filter((f) => !dedicated.has(f.api_name)));
}

/** Fields an upsert can match on: writable single values such as text, numbers and e-mail. */
export async function getTaskMatchFields(this: ILoadOptionsFunctions) {
	const matchable = new Set(['text', 'email', 'phone', 'website', 'integer', 'bigint', 'autonumber']);
	return asOptions(writableFields(await moduleFields.call(this, 'Tasks')).filter((f) => matchable.has(f.data_type)));
}

/** Fields a notification condition can watch (Zoho: at most 10). */
export async function getTaskConditionFields(this: ILoadOptionsFunctions) {
	return asOptions(writableFields(await moduleFields.call(this, 'Tasks')));
}
