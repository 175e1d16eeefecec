/** What the chaos run records: the world it built, every user action, every execution's outputs. */
import type { IDataObject } from 'n8n-workflow';

export type Side = 'crm' | 'projects';
export const SIDES: readonly Side[] = ['crm', 'projects'];
export type Field = 'subject' | 'description' | 'dueDate' | 'priority' | 'status' | 'owner';
export const FIELDS: readonly Field[] = ['subject', 'description', 'dueDate', 'priority', 'status', 'owner'];

/**
 * A field's value in the oracle's comparison space (its own, not the product's): trimmed subject,
 * plain text description (Projects HTML decoded), calendar date, coarse priority (high / medium /
 * low, Projects `none` = medium), open / closed, owner e-mail (null = no owner).
 */
export type Value = string | null;
export type Values = Record<Field, Value>;

export const otherSide = (side: Side): Side => (side === 'crm' ? 'projects' : 'crm');

/** A person of the run; `crmId` / `zpuid` are absent on the side where they have no account. */
export interface Person {
	key: string;
	name: string;
	email: string;
	crmId?: string;
	zpuid?: string;
}

export type ProjectKey = 'migration' | 'website';

export interface ProjectFacts {
	key: ProjectKey;
	id: string;
	strict: boolean;
	start: string;
	end: string;
	/** E-mails of the project's users (only they may own its tasks). */
	members: string[];
}

export interface Pair {
	index: number;
	crmId: string;
	zpId: string;
	project: ProjectFacts;
	/** The Projects task's start date (nobody edits it): due dates before it are refused. */
	taskStart: string;
	/** A subtask's parent (an unlinked Projects task) and whether it is closed; parents never change. */
	parent?: { zpId: string; closed: boolean };
	initial: Values;
	deleted?: { side: Side; by: Person; time: number };
}

/** One user write of one field (a CRM edit of two fields is two writes at the same time). */
export interface Write {
	seq: number;
	pair: number;
	side: Side;
	field: Field;
	value: Value;
	/** What the user typed, for the history a violation prints. */
	raw: string;
	time: number;
	author: Person;
	/** The poll round it happened in: writes of one field on both sides in one round conflict. */
	round: number;
	/**
	 * The other side's value of the field at the moment of this write (before any sync could react):
	 * what that side "had" if this write is refused. Undefined when the other task was gone.
	 */
	otherHad?: Value;
}

export interface CommentWrite {
	pair: number;
	side: Side;
	/** CRM note id or Projects comment id. */
	id: string;
	author: Person;
	time: number;
}

/** `prime`: the first sync that stores each pair's base (not judged); `chaos`: edits and faults; then the quiet phases. */
export type Phase = 'prime' | 'chaos' | 'drain' | 'reconcile' | 'final';

export type ExecKind = 'crmEvent' | 'projectsPoll' | 'crmNotes' | 'projectsComments' | 'reconcile';

/** One execution of a Sync node, as the oracle reads it. */
export interface Execution {
	kind: ExecKind;
	phase: Phase;
	/** Sim time when the execution ended (reports are matched to the writes made before it). */
	time: number;
	inputs: number;
	synced: IDataObject[];
	skipped: IDataObject[];
	rejected: IDataObject[];
	errors: IDataObject[];
	/** Input items that came out on no output at all (a swallowed failure). */
	unanswered: number;
	/** The execution itself failed (not through the node's error output). */
	failure?: string;
}
