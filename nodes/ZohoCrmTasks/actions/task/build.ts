/**
 * Turns the task fields of one item into a Zoho CRM record, checking locally what is cheap to
 * check (dates, the org's picklists, custom field names and types) so a bad item fails with an
 * error naming the field and value before anything is written.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { fieldLabel, matchPicklist, moduleFields, picklistValues } from '../../../shared/crm/fields';
import type { CrmField } from '../../../shared/crm/types';
import { toZohoDateTime } from '../../../shared/crm/values';
import { calendarDateIn } from '../../../shared/dates';
import { checkedId, nestedLocatorId } from '../common';

export type WriteMode = 'create' | 'update' | 'upsert';

type Value = IDataObject[string];

/** Nothing given: undefined, blank text, `{}`, or a resource locator with no value. */
function isEmpty(value: unknown): boolean {
	if (value === undefined || value === null) return true;
	if (typeof value === 'string') return value.trim() === '';
	if (typeof value !== 'object' || Array.isArray(value) || value instanceof Date) return false;
	if ('__rl' in value || ('mode' in value && 'value' in value)) return isEmpty((value as { value?: unknown }).value);
	return Object.keys(value).length === 0 && typeof (value as { toISO?: unknown }).toISO !== 'function';
}

/** A list or an object where one value belongs: written as text it would become "a,b" or "[object Object]". */
function isCompound(value: unknown): boolean {
	if (Array.isArray(value)) return true;
	if (typeof value !== 'object' || value === null || value instanceof Date) return false;
	// A Luxon DateTime (n8n's $now) and a resource locator are single values.
	return typeof (value as { toISO?: unknown }).toISO !== 'function' && !('__rl' in value);
}

const ALARM_ACTION: Record<string, string> = { popup: 'POPUP', email: 'EMAIL', emailAndPopup: 'EMAILANDPOPUP' };

class Builder {
	readonly record: IDataObject = {};
	private fields?: CrmField[];

	constructor(
		private ctx: IExecuteFunctions,
		private itemIndex: number,
		private mode: WriteMode,
	) {}

	fail(message: string, description?: string): never {
		throw new NodeOperationError(this.ctx.getNode(), message, { itemIndex: this.itemIndex, description });
	}

	async orgFields(): Promise<CrmField[]> {
		this.fields ??= await moduleFields.call(this.ctx, 'Tasks');
		return this.fields;
	}

	/** One value for a field that holds one: a list or an object is refused, naming the field and the value. */
	one(label: string, convert: (v: unknown) => Value | Promise<Value>) {
		return (value: unknown) => {
			if (!isCompound(value)) return convert(value);
			const shown = JSON.stringify(value);
			return this.fail(
				`${label} ${shown.length > 80 ? `${shown.slice(0, 80)}…` : shown} is ${Array.isArray(value) ? 'a list' : 'an object'}, not one value`,
				`Map a single value to ${label}, e.g. one element of the list or one property of the object.`,
			);
		};
	}

	/**
	 * Empty values: left out when creating, cleared (null) when updating. An update field whose expression
	 * found nothing in the item (undefined: a key the item lacks) fails the item instead — a field is cleared
	 * only by a value that is empty, never by a mapping that missed.
	 */
	set(apiName: string, value: unknown, convert: (v: unknown) => Value | Promise<Value>, label = apiName): Promise<void> | void {
		if (value === undefined && this.mode === 'update') {
			this.fail(`${label}: its expression found no value in this item`, `Nothing was changed. Map a value that exists in every item, or an empty one ('') to clear ${label} in Zoho CRM.`);
		}
		if (isEmpty(value)) {
			if (this.mode === 'update') this.record[apiName] = null;
			return;
		}
		const converted = convert(value);
		if (converted instanceof Promise) return converted.then((v) => void (this.record[apiName] = v));
		this.record[apiName] = converted;
	}

	date(label: string) {
		return (value: unknown) =>
			calendarDateIn(value, this.ctx.getTimezone()) ??
			this.fail(`${label} ${JSON.stringify(String(value))} is not a date`, 'Use a calendar date such as 2026-12-01.');
	}

	dateTime(label: string) {
		return (value: unknown) =>
			toZohoDateTime(value, this.ctx.getTimezone()) ??
			this.fail(`${label} ${JSON.stringify(String(value))} is not a date and time`, 'Use an ISO 8601 date and time such as 2026-12-01T09:00:00+09:00.');
	}

	picklist(apiName: string) {
		return async (value: unknown) => {
			const field = (await this.orgFields()).find((f) => f.api_name === apiName);
			const allowed = picklistValues(field);
			if (!field || !allowed) return String(value);
			return (
				matchPicklist(field, String(value)) ??
				this.fail(
					`${fieldLabel(field)} ${JSON.stringify(String(value))} is not a value of the ${fieldLabel(field)} picklist in this Zoho CRM org`,
					`Allowed values: ${allowed.join(', ')}.`,
				)
			);
		};
	}

	async custom(name: string, value: unknown): Promise<void> {
		const field = (await this.orgFields()).find((f) => f.api_name === name);
		if (!field) {
			this.fail(
				`The task field ${JSON.stringify(name)} does not exist in this Zoho CRM org`,
				'Create it in Zoho CRM under Setup > Customization > Modules and Fields > Tasks, or check the API name.',
			);
		}
		const label = `${fieldLabel(field)} (${field.api_name})`;
		const number = (v: unknown) => {
			const n = Number(v);
			return Number.isFinite(n) ? n : this.fail(`${label} ${JSON.stringify(String(v))} is not a number`);
		};
		switch (field.data_type) {
			case 'integer':
			case 'bigint':
			case 'double':
			case 'currency':
			case 'decimal':
			case 'percent':
				return this.set(name, value, this.one(label, number), label);
			case 'boolean':
				return this.set(name, value, this.one(label, (v) => {
					const text = String(v).trim().toLowerCase();
					if (text === 'true' || text === 'false') return text === 'true';
					return this.fail(`${label} ${JSON.stringify(String(v))} is not true or false`);
				}), label);
			case 'date':
				return this.set(name, value, this.one(label, this.date(label)), label);
			case 'datetime':
				return this.set(name, value, this.one(label, this.dateTime(label)), label);
			case 'picklist':
				return this.set(name, value, this.one(label, this.picklist(name)), label);
			case 'multiselectpicklist':
				return this.set(name, value, async (v) => {
					const parts = Array.isArray(v) ? v.map(String) : String(v).split(',').map((s) => s.trim());
					const one = this.picklist(name);
					return await Promise.all(parts.filter(Boolean).map(one));
				}, label);
			case 'lookup':
			case 'ownerlookup':
			case 'userlookup':
				return this.set(name, value, this.one(label, (v) => ({ id: checkedId.call(this.ctx, String(v), label, this.itemIndex) })), label);
			default:
				return this.set(name, value, this.one(label, (v) => String(v)), label);
		}
	}
}

/** The Zoho record for one item's task fields (`values` = the collection, plus `subject`). */
export async function buildTask(this: IExecuteFunctions, itemIndex: number, values: IDataObject, mode: WriteMode): Promise<IDataObject> {
	const b = new Builder(this, itemIndex, mode);
	if ('subject' in values) {
		b.one('Subject', String)(values.subject ?? '');
		const subject = String(values.subject ?? '').trim();
		if (!subject && mode !== 'upsert') b.fail('Subject is empty', 'Zoho CRM requires a subject for every task.');
		if (subject) b.record.Subject = subject;
	}
	if ('description' in values) b.set('Description', values.description, b.one('Description', String), 'Description');
	if ('dueDate' in values) b.set('Due_Date', values.dueDate, b.one('Due Date', b.date('Due Date')), 'Due Date');
	if ('priority' in values) await b.set('Priority', values.priority, b.one('Priority', b.picklist('Priority')), 'Priority');
	if ('status' in values) await b.set('Status', values.status, b.one('Status', b.picklist('Status')), 'Status');
	if ('owner' in values) b.set('Owner', values.owner, (v) => ({ id: nestedLocatorId.call(this, v, 'owner', 'Owner', itemIndex) }), 'Owner');
	if ('contactId' in values) b.set('Who_Id', values.contactId, (v) => ({ id: checkedId.call(this, String(v), 'Contact', itemIndex) }), 'Contact');
	const related = (values.relatedTo as IDataObject | undefined)?.record as IDataObject | undefined;
	if (related) {
		const module = related.module === 'account' ? 'Accounts' : 'Deals';
		b.record.What_Id = { id: checkedId.call(this, String(related.id ?? ''), module === 'Accounts' ? 'Account' : 'Deal', itemIndex) };
		b.record.$se_module = module;
	}
	if ('reminderAt' in values) {
		b.set('Remind_At', values.reminderAt, (v) => {
			const at = b.dateTime('Reminder At')(v);
			return { ALARM: `FREQ=NONE;ACTION=${ALARM_ACTION[String(values.reminderAction ?? 'popup')] ?? 'POPUP'};TRIGGER=DATE-TIME:${at}` };
		});
	}
	if ('recurrence' in values) {
		b.set('Recurring_Activity', values.recurrence, (v) => {
			const rule = String(v).trim().replace(/^RRULE:/i, '');
			if (!/^FREQ=(DAILY|WEEKLY|MONTHLY|YEARLY)(;|$)/i.test(rule)) {
				b.fail(`Recurrence Rule ${JSON.stringify(rule)} is not an RRULE`, 'Start with FREQ=DAILY, FREQ=WEEKLY, FREQ=MONTHLY or FREQ=YEARLY.');
			}
			return { RRULE: rule };
		});
	}
	if ('sendNotificationEmail' in values) b.record.Send_Notification_Email = Boolean(values.sendNotificationEmail);
	const custom = ((values.customFields as IDataObject | undefined)?.field ?? []) as IDataObject[];
	for (const entry of custom) {
		const name = String(entry.name ?? '').trim();
		if (!name) b.fail('A custom field has no field name');
		await b.custom(name, entry.value);
	}
	return b.record;
}
