/** Types of the sync engine: plain data in, plain data out, no n8n context. */

export type Side = 'crm' | 'projects';
export type SyncField = 'subject' | 'description' | 'dueDate' | 'priority' | 'status' | 'owner';
/** A standard field, or a custom pair keyed by its CRM API name: `custom:Budget__c`. */
export type FieldId = SyncField | `custom:${string}`;
export type Direction = 'both' | 'crmToProjects' | 'projectsToCrm' | 'off';
export type ConflictPolicy = 'mostRecent' | 'crmWins' | 'projectsWins';
export type ProjectsPriority = 'none' | 'low' | 'medium' | 'high';

export const SYNC_FIELDS: SyncField[] = ['subject', 'description', 'dueDate', 'priority', 'status', 'owner'];

export interface CustomFieldPair {
	crm: string;
	projects: string;
	direction: Direction;
}

export interface SyncConfig {
	directions: Record<SyncField, Direction>;
	/** CRM Priority → Projects priority; Projects has fewer levels, so this map is lossy. */
	crmPriorityToProjects: Record<string, ProjectsPriority>;
	projectsPriorityToCrm: Record<ProjectsPriority, string>;
	/** CRM Status values that mean "completed". */
	crmClosedStatuses: string[];
	/** CRM Status set when Projects reopens a completed task. */
	crmReopenStatus: string;
	/** Projects status ids to write for close / reopen (else the first closed-type status / the default open one). */
	projectsClosedStatusId?: string;
	projectsOpenStatusId?: string;
	conflictPolicy: ConflictPolicy;
	onRejection: 'keepSource' | 'revertSource';
	/**
	 * CRM owner (e-mail) for a Projects task nobody is assigned to: CRM cannot be ownerless. Empty:
	 * CRM keeps its owner, and an unassigned Projects task is not a change to carry.
	 */
	unassignedOwner?: string;
	/** Who hears of a refusal when its author is unknown or is the sync's own user, and the task has no owner. */
	fallbackRecipient?: string;
	customFields: CustomFieldPair[];
	/** Longest task name Zoho Projects accepts. */
	projectsNameMaxLength: number;
}

export interface Person {
	id?: string;
	email: string | null;
	name?: string;
}

export interface CrmTask {
	id: string;
	subject: string;
	description: string | null;
	dueDate: string | null;
	priority: string | null;
	status: string | null;
	owner: Person | null;
	modifiedTime: string;
	modifiedBy: Person | null;
	custom: Record<string, unknown>;
}

export interface ProjectsStatus {
	id: string;
	name: string;
	closed: boolean;
	/** The status Zoho gives new tasks: the reopen target unless one is configured. */
	isDefault?: boolean;
}

export interface ProjectsTask {
	id: string;
	portalId: string;
	projectId: string;
	name: string;
	/** HTML. */
	description: string | null;
	startDate: string | null;
	endDate: string | null;
	priority: ProjectsPriority | null;
	status: ProjectsStatus | null;
	owners: (Person & { zpuid?: string })[];
	lastModified: string;
	updatedBy: Person | null;
	parentTaskId: string | null;
	custom: Record<string, unknown>;
}

export type ProjectsUser = Person & { zpuid: string };

export interface ProjectInfo {
	id: string;
	name: string;
	startDate: string | null;
	endDate: string | null;
	strict: boolean;
}

/** Canonical values: what both sides are compared in. */
export type Values = Partial<Record<FieldId, string | null>>;

/** The Projects status ids the sync closes and reopens the task with. */
export interface StatusTargets {
	open?: string;
	closed?: string;
}

/**
 * A field the two sides hold apart on purpose: a rule refused a write and its source kept it. Each
 * side's value is that side's own base until a user writes the field again on either side, so the
 * refusal is neither re-decided nor reported again by later runs.
 */
export interface Settled {
	crm: string | null;
	projects: string | null;
}

/** Stored in the CRM task (sync-state field): the last synced values and refusals already reported. */
export interface SyncState {
	v: 1;
	base: Values;
	/** Fields settled apart by a refusal (see Settled). */
	settled?: Partial<Record<FieldId, Settled>>;
	/** The Projects task's last modified time as of the last sync: a later one means a user wrote Projects since. */
	pm?: string;
	/** The run that reported the refusals of this state: concurrent duplicates report only if their claim survived. */
	r?: string;
	/** Projects comments whose mirror failed, kept until Reconcile has written them (see actions/comments/pending.ts). */
	pendingComments?: string[];
	/**
	 * When the pair's first state was written (ISO): Reconcile's comment check mirrors comments made
	 * since then, never the history from before the pair was synced (actions/reconcile/rotation.ts).
	 */
	linkedAt?: string;
	/**
	 * The project's close and reopen statuses, learned once per pair: with them a close or reopen
	 * from CRM costs no status look-up (DESIGN §6: one Projects read and one write per change).
	 */
	statuses?: StatusTargets;
	/** When the state was last written (ISO). */
	at?: string;
}

/** Who last wrote a field on one side since the last sync, and when (Zoho's clock), from that side's history. */
export interface FieldWrite {
	at: string;
	by: Person | null;
}

/**
 * What each side's history says about user writes since the last sync. `undefined` for a side whose
 * history was not read: its values alone then tell what changed.
 */
export interface Evidence {
	crm?: Partial<Record<FieldId, FieldWrite>>;
	projects?: Partial<Record<FieldId, FieldWrite>>;
}

export interface FieldChange {
	field: FieldId;
	from: Side;
	to: Side;
	value: string | null;
	/** The target's value before the change. */
	previous: string | null;
	kind: 'propagate' | 'conflict' | 'initial';
}

/** Everything a rule or a patch may need beyond the two tasks; fetched only when `needs` asks. */
export interface SyncContext {
	project?: ProjectInfo;
	parent?: { id: string; name: string; closed: boolean };
	/** Projects statuses with their type (from the task, the project or the portal). */
	statuses?: ProjectsStatus[];
	/** Close and reopen status ids kept in the sync state, used when `statuses` was not read. */
	storedStatuses?: StatusTargets;
	/** e-mail key → CRM user id. */
	crmUsers?: Map<string, Person>;
	/** e-mail key → Projects portal user (zpuid). */
	projectsUsers?: Map<string, ProjectsUser>;
	/** e-mail key → the project's members (portal users, with zpuid). */
	projectMembers?: Map<string, ProjectsUser>;
}

export type RuleCode =
	| 'STRICT_PROJECT_DATE'
	| 'SUBTASK_REOPEN_PARENT_CLOSED'
	| 'END_BEFORE_START'
	| 'OWNER_NO_COUNTERPART'
	| 'OWNER_NOT_IN_PROJECT'
	| 'NAME_TOO_LONG'
	| 'COUNTERPART_DELETED'
	| 'LINKED_TO_ANOTHER_TASK';

export interface Refusal {
	rule: RuleCode;
	field: FieldId;
	/** Facts the message names (project range, parent name, limit...). */
	facts: Record<string, string | number>;
}
