/**
 * Validation rules. Each refuses one field of one change with a reason code, before anything is
 * written; a refused field never blocks the other fields of the same change. `needs` says what
 * must be fetched for the rule to decide, given what is known so far, so nothing is fetched for
 * changes no rule looks at, and a second read happens only when the first answer calls for it.
 */
import { compareDates } from './dates';
import { statusTarget } from './fields';
import type { CrmTask, FieldChange, Person, ProjectsTask, Refusal, RuleCode, Side, SyncConfig, SyncContext } from './types';

/** Each need is the SyncContext entry that answers it. */
export type Need = keyof Pick<SyncContext, 'project' | 'parent' | 'statuses' | 'crmUsers' | 'projectsUsers' | 'projectMembers'>;

export interface RuleInput {
	change: FieldChange;
	crm: CrmTask;
	projects: ProjectsTask;
	context: SyncContext;
	config: SyncConfig;
}

export interface Rule {
	code: RuleCode;
	applies(change: FieldChange, projects: ProjectsTask): boolean;
	needs(change: FieldChange, known: SyncContext): Need[];
	check(input: RuleInput): Refusal | null;
}

const toProjects = (change: FieldChange, field: FieldChange['field']) => change.to === 'projects' && change.field === field;

/** The help page's 利用例1: a strict (期間固定) project keeps every task date inside its own dates. */
export const strictProjectDate: Rule = {
	code: 'STRICT_PROJECT_DATE',
	applies: (change) => toProjects(change, 'dueDate') && change.value !== null,
	needs: () => ['project'],
	check({ change, context }) {
		const project = context.project;
		if (!project?.strict || !change.value) return null;
		const before = project.startDate && compareDates(change.value, project.startDate) < 0;
		const after = project.endDate && compareDates(change.value, project.endDate) > 0;
		if (!before && !after) return null;
		return {
			rule: 'STRICT_PROJECT_DATE',
			field: 'dueDate',
			facts: { project: project.name, projectStart: project.startDate ?? '', projectEnd: project.endDate ?? '' },
		};
	},
};

/** The help page's 利用例2: a subtask cannot be reopened while its parent task is closed. */
export const subtaskReopen: Rule = {
	code: 'SUBTASK_REOPEN_PARENT_CLOSED',
	applies: (change, projects) => toProjects(change, 'status') && change.value === 'open' && !!projects.parentTaskId,
	needs: () => ['parent'],
	check({ context }) {
		if (!context.parent?.closed) return null;
		return { rule: 'SUBTASK_REOPEN_PARENT_CLOSED', field: 'status', facts: { parent: context.parent.name } };
	},
};

export const endBeforeStart: Rule = {
	code: 'END_BEFORE_START',
	applies: (change, projects) => toProjects(change, 'dueDate') && change.value !== null && !!projects.startDate,
	needs: () => [],
	check({ change, projects }) {
		const start = projects.startDate?.slice(0, 10);
		if (!start || !change.value || compareDates(change.value, start) >= 0) return null;
		return { rule: 'END_BEFORE_START', field: 'dueDate', facts: { startDate: start } };
	},
};

/**
 * A new Projects owner is looked up among the project's members first: that one read finds the
 * zpuid and settles membership. Only someone who is not a member needs the portal's users, to tell
 * "no Projects account" from "not in this project".
 */
function projectsOwnerNeeds(change: FieldChange, known: SyncContext): Need[] {
	if (!known.projectMembers) return ['projectMembers'];
	return change.value && known.projectMembers.has(change.value) ? [] : ['projectsUsers'];
}

/** An owner is matched by e-mail; a person with no account on the other side is refused, not guessed. */
export const ownerNoCounterpart: Rule = {
	code: 'OWNER_NO_COUNTERPART',
	applies: (change) => change.field === 'owner' && change.value !== null,
	needs: (change, known) => (change.to === 'projects' ? projectsOwnerNeeds(change, known) : ['crmUsers']),
	check({ change, context }) {
		if (!change.value) return null;
		const known = change.to === 'projects' ? context.projectMembers?.has(change.value) || context.projectsUsers?.has(change.value) : context.crmUsers?.has(change.value);
		if (known) return null;
		return { rule: 'OWNER_NO_COUNTERPART', field: 'owner', facts: { email: change.value } };
	},
};

export const ownerNotInProject: Rule = {
	code: 'OWNER_NOT_IN_PROJECT',
	applies: (change) => toProjects(change, 'owner') && change.value !== null,
	needs: projectsOwnerNeeds,
	check({ change, context }) {
		if (!change.value || !context.projectMembers || context.projectMembers.has(change.value)) return null;
		if (!context.projectsUsers?.has(change.value)) return null; // no account at all: the rule above reports it
		return { rule: 'OWNER_NOT_IN_PROJECT', field: 'owner', facts: { email: change.value } };
	},
};

export const nameTooLong: Rule = {
	code: 'NAME_TOO_LONG',
	applies: (change) => toProjects(change, 'subject'),
	needs: () => [],
	check({ change, config }) {
		const length = [...(change.value ?? '')].length;
		if (length <= config.projectsNameMaxLength) return null;
		return { rule: 'NAME_TOO_LONG', field: 'subject', facts: { length, limit: config.projectsNameMaxLength } };
	},
};

/** One task of a linked pair no longer exists. */
export interface PairGone {
	deleted: Side;
	/** The task that is still there: its id (CRM) or `portal:project:task` (Projects), name and owner. */
	surviving: { ref: string; name: string; owner: Person | null };
	/** Who deleted the task, when the event says. */
	deletedBy: Person | null;
}

/** The decision for a pair whose counterpart was deleted: unlink the survivor and report. */
export interface Unlink {
	rule: 'COUNTERPART_DELETED';
	field: 'link';
	/** The side whose link fields are cleared: the surviving one. Nothing is ever deleted. */
	clear: Side;
	/** The change the sync refused to carry over: deleting the surviving task too. */
	attempted: 'delete';
	/** The surviving task, which stays. */
	kept: string;
	/** Who deleted the counterpart where known, else the surviving task's owner. */
	recipient: Person | null;
	facts: Record<string, string>;
}

/**
 * Counterpart deleted (DESIGN §5): a delete never cascades. The surviving task loses its link (so it
 * is not synced against a task that is gone) and the person concerned is told.
 */
export const counterpartDeleted = {
	code: 'COUNTERPART_DELETED' as const,
	decide(gone: PairGone): Unlink {
		const clear: Side = gone.deleted === 'crm' ? 'projects' : 'crm';
		return {
			rule: 'COUNTERPART_DELETED',
			field: 'link',
			clear,
			attempted: 'delete',
			kept: gone.surviving.ref,
			recipient: gone.deletedBy?.email ? gone.deletedBy : gone.surviving.owner,
			facts: { deletedSide: gone.deleted, surviving: gone.surviving.name },
		};
	},
};

export const RULES: Rule[] = [strictProjectDate, subtaskReopen, endBeforeStart, ownerNoCounterpart, ownerNotInProject, nameTooLong];

/**
 * What must still be fetched before the rules and patches of these changes can be decided, given
 * what is `known`. Call again after fetching: an answer can call for one more read.
 */
export function needsOf(changes: FieldChange[], projects: ProjectsTask, config: SyncConfig, known: SyncContext = {}): Set<Need> {
	const needs = new Set<Need>();
	for (const change of changes) {
		for (const rule of RULES) if (rule.applies(change, projects)) rule.needs(change, known).forEach((n) => needs.add(n));
		if (change.field === 'status' && change.to === 'projects' && !statusTarget(change.value === 'closed', config, known)) needs.add('statuses');
	}
	return new Set([...needs].filter((n) => known[n] === undefined));
}

export function firstRefusal(input: RuleInput): Refusal | null {
	for (const rule of RULES) {
		if (!rule.applies(input.change, input.projects)) continue;
		const refusal = rule.check(input);
		if (refusal) return refusal;
	}
	return null;
}
