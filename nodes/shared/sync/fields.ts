/**
 * Each side's task in canonical values, and canonical values back into each side's write body.
 * Canonical spaces: plain text descriptions, calendar dates, Projects' coarser priority levels,
 * open/closed status and owners by e-mail — so lossy maps compare equal and never flip-flop.
 */
import { calendarDate } from './dates';
import { emailKey, htmlToText, normaliseText, textToHtml } from './text';
import type { CrmTask, FieldId, ProjectsPriority, ProjectsStatus, ProjectsTask, Side, StatusTargets, SyncConfig, SyncContext, Values } from './types';

const customKey = (crmApiName: string): FieldId => `custom:${crmApiName}`;

function customValue(value: unknown): string | null {
	if (value === undefined || value === null || value === '') return null;
	return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function crmPriorityLevel(priority: string | null, config: SyncConfig): ProjectsPriority | null {
	return priority ? (config.crmPriorityToProjects[priority] ?? null) : null;
}

/**
 * The canonical value `side` reads back after the sync writes `value` to it. It is `value` itself
 * except where a write loses or fills in detail: CRM has no `none` priority (written as the map says,
 * by default Normal, read back as medium), and Projects has no empty priority (read back as none).
 */
export function storedAs(side: Side, field: FieldId, value: string | null, config: SyncConfig): string | null {
	if (field !== 'priority') return value;
	if (side === 'projects') return value ?? 'none';
	return crmPriorityLevel(config.projectsPriorityToCrm[(value ?? 'none') as ProjectsPriority] ?? null, config);
}

export function canonicalCrm(task: CrmTask, config: SyncConfig): Values {
	const values: Values = {
		subject: task.subject.trim(),
		description: normaliseText(task.description),
		dueDate: calendarDate(task.dueDate),
		priority: crmPriorityLevel(task.priority, config),
		status: task.status && config.crmClosedStatuses.includes(task.status) ? 'closed' : 'open',
		owner: emailKey(task.owner?.email) || null,
	};
	for (const pair of config.customFields) values[customKey(pair.crm)] = customValue(task.custom[pair.crm]);
	return values;
}

export function canonicalProjects(task: ProjectsTask, config: SyncConfig): Values {
	const values: Values = {
		subject: task.name.trim(),
		description: htmlToText(task.description),
		dueDate: calendarDate(task.endDate),
		priority: task.priority ?? 'none',
		status: task.status?.closed ? 'closed' : 'open',
		owner: emailKey(task.owners[0]?.email) || null,
	};
	for (const pair of config.customFields) values[customKey(pair.crm)] = customValue(task.custom[pair.projects]);
	return values;
}

export class PatchError extends Error {
	constructor(
		message: string,
		public field: FieldId,
	) {
		super(message);
	}
}

/** The statuses to close and reopen with: the first closed-type one, and the default open one (DESIGN §5), else the first open one. */
export function statusTargets(statuses: ProjectsStatus[]): StatusTargets {
	const open = statuses.filter((s) => !s.closed);
	return { open: (open.find((s) => s.isDefault) ?? open[0])?.id, closed: statuses.find((s) => s.closed)?.id };
}

/** The status id that closes (or reopens) a task: the configured one, else from the statuses read now, else those kept in the sync state. */
export function statusTarget(closed: boolean, config: SyncConfig, context: SyncContext): string | undefined {
	const key = closed ? 'closed' : 'open';
	const configured = closed ? config.projectsClosedStatusId : config.projectsOpenStatusId;
	return configured || (context.statuses ? statusTargets(context.statuses)[key] : context.storedStatuses?.[key]);
}

/** The Projects V3 body keys for one canonical value. */
export function projectsPatch(field: FieldId, value: string | null, config: SyncConfig, context: SyncContext): Record<string, unknown> {
	switch (field) {
		case 'subject':
			return { name: value ?? '' };
		case 'description':
			return { description: textToHtml(value) };
		case 'dueDate':
			return { end_date: value ?? '' };
		case 'priority':
			return { priority: value ?? 'none' };
		case 'status': {
			const closed = value === 'closed';
			const id = statusTarget(closed, config, context);
			if (!id) throw new PatchError(`No ${closed ? 'closed' : 'open'}-type Zoho Projects status is known to set`, field);
			return { status: { id } };
		}
		case 'owner': {
			const user = value ? (context.projectMembers?.get(value) ?? context.projectsUsers?.get(value)) : undefined;
			if (!user) throw new PatchError(`No Zoho Projects user has the e-mail ${value}`, field);
			return { owners_and_work: { owners: [{ zpuid: user.zpuid }] } };
		}
		default: {
			const pair = config.customFields.find((p) => customKey(p.crm) === field);
			return pair ? { [pair.projects]: value ?? '' } : {};
		}
	}
}

/** The CRM record keys for one canonical value; empty when the CRM value already means it. */
export function crmPatch(field: FieldId, value: string | null, current: CrmTask, config: SyncConfig, context: SyncContext): Record<string, unknown> {
	switch (field) {
		case 'subject':
			return { Subject: value ?? '' };
		case 'description':
			return { Description: value ?? '' };
		case 'dueDate':
			return { Due_Date: value };
		case 'priority': {
			// CRM has finer levels: keep "Highest" when Projects says "high", and Normal for "none".
			if (crmPriorityLevel(current.priority, config) === storedAs('crm', field, value, config)) return {};
			return { Priority: config.projectsPriorityToCrm[(value ?? 'none') as ProjectsPriority] };
		}
		case 'status': {
			const closedNow = !!current.status && config.crmClosedStatuses.includes(current.status);
			if (value === 'closed') return closedNow ? {} : { Status: config.crmClosedStatuses[0] };
			return closedNow ? { Status: config.crmReopenStatus } : {};
		}
		case 'owner': {
			const user = value ? context.crmUsers?.get(value) : undefined;
			if (!user?.id) throw new PatchError(`No Zoho CRM user has the e-mail ${value}`, field);
			return { Owner: { id: user.id } };
		}
		default: {
			const name = field.slice('custom:'.length);
			return { [name]: value };
		}
	}
}
