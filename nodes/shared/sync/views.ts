/**
 * Zoho's JSON → the engine's task types. Reads are tolerant: Zoho returns priority as a string or
 * an object, omits empty fields, and nests people differently per product.
 */
import type { CrmTask, Person, ProjectsPriority, ProjectsStatus, ProjectsTask } from './types';

type Json = Record<string, unknown>;

const str = (v: unknown): string | null => (v === undefined || v === null || v === '' ? null : String(v));

function person(v: unknown): Person | null {
	if (!v || typeof v !== 'object') return null;
	const p = v as Json;
	return { id: str(p.id ?? p.zpuid) ?? undefined, email: str(p.email), name: str(p.name ?? p.full_name) ?? undefined };
}

const PRIORITIES = new Set(['none', 'low', 'medium', 'high']);

function priority(v: unknown): ProjectsPriority | null {
	const raw = typeof v === 'object' && v !== null ? (v as Json).name : v;
	const value = str(raw)?.toLowerCase() ?? null;
	return value && PRIORITIES.has(value) ? (value as ProjectsPriority) : null;
}

/** Standard CRM Task fields; everything else on the record counts as a custom field. */
const CRM_STANDARD = new Set(['id', 'Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner', 'Modified_Time', 'Modified_By']);

export function crmTaskFromRecord(record: Json): CrmTask {
	const custom: Json = {};
	for (const [key, value] of Object.entries(record)) if (!CRM_STANDARD.has(key)) custom[key] = value;
	return {
		id: String(record.id),
		subject: str(record.Subject) ?? '',
		description: str(record.Description),
		dueDate: str(record.Due_Date),
		priority: str(record.Priority),
		status: str(record.Status),
		owner: person(record.Owner),
		modifiedTime: str(record.Modified_Time) ?? '',
		modifiedBy: person(record.Modified_By),
		custom,
	};
}

function status(v: unknown): ProjectsStatus | null {
	if (!v || typeof v !== 'object') return null;
	const s = v as Json;
	return { id: String(s.id), name: str(s.name) ?? '', closed: s.is_closed_type === true || s.is_closed_type === 'true' || s.type === 'closed' };
}

const PROJECTS_STANDARD = new Set([
	'id', 'key', 'prefix', 'name', 'description', 'status', 'is_completed', 'completion_percentage', 'priority', 'start_date', 'end_date',
	'created_time', 'last_modified_time', 'created_by', 'updated_by', 'owners_and_work', 'tasklist', 'parental_info', 'association_info', 'depth',
	'project', 'milestone', 'tags', 'duration', 'billing_type', 'log_hours', 'sequence', 'teams', 'budget_info', 'created_via',
]);

export function projectsTaskFromJson(task: Json, portalId: string, projectId: string): ProjectsTask {
	const owners = ((task.owners_and_work as Json | undefined)?.owners as Json[] | undefined) ?? [];
	const custom: Json = {};
	for (const [key, value] of Object.entries(task)) if (!PROJECTS_STANDARD.has(key)) custom[key] = value;
	return {
		id: String(task.id),
		portalId,
		projectId: str((task.project as Json | undefined)?.id) ?? projectId,
		name: str(task.name) ?? '',
		description: str(task.description),
		startDate: str(task.start_date),
		endDate: str(task.end_date),
		priority: priority(task.priority),
		status: status(task.status),
		owners: owners.map((o) => ({ ...(person(o) ?? { email: null }), zpuid: str(o.zpuid) ?? undefined })),
		lastModified: str(task.last_modified_time) ?? '',
		updatedBy: person(task.updated_by),
		parentTaskId: str((task.parental_info as Json | undefined)?.parent_task_id),
		custom,
	};
}
