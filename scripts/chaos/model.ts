/**
 * The documented policy (DESIGN §5), as the oracle applies it to the journal of user writes: per
 * pair and field, the last write (by time, over both sides) wins — unless a rule refuses carrying it:
 * then its author's side keeps it, the other side keeps what it had, and the refusal must be
 * reported once to that write's author. A Projects task left without owner leaves CRM's owner as it
 * is (CRM cannot unassign). Rules are modelled from the data the run generated; the facts they read
 * (project dates and strictness, task start dates, parents, memberships, accounts) never change
 * during a run, so a refusal does not depend on when the sync happens to look.
 */
import type { World } from './world';
import type { Field, Pair, Side, Value, Write } from './types';
import { otherSide } from './types';

export type RuleCode = 'STRICT_PROJECT_DATE' | 'SUBTASK_REOPEN_PARENT_CLOSED' | 'END_BEFORE_START' | 'OWNER_NO_COUNTERPART' | 'OWNER_NOT_IN_PROJECT' | 'NAME_TOO_LONG';

/** Zoho Projects' task name limit as the sync's default settings know it (the templates keep the default). */
const NAME_LIMIT = 255;

/** The rule that refuses carrying `value` of `field` to side `to`, in the product's order of rules. */
export function ruleFor(world: World, pair: Pair, field: Field, value: Value, to: Side): RuleCode | undefined {
	if (value === null) return undefined;
	if (to === 'crm') return field === 'owner' && !world.accounts.crm.has(value) ? 'OWNER_NO_COUNTERPART' : undefined;
	const { project } = pair;
	if (field === 'dueDate' && project.strict && (value < project.start || value > project.end)) return 'STRICT_PROJECT_DATE';
	if (field === 'status' && value === 'open' && pair.parent?.closed) return 'SUBTASK_REOPEN_PARENT_CLOSED';
	if (field === 'dueDate' && value < pair.taskStart) return 'END_BEFORE_START';
	if (field === 'owner' && !world.accounts.projects.has(value)) return 'OWNER_NO_COUNTERPART';
	if (field === 'owner' && !project.members.includes(value)) return 'OWNER_NOT_IN_PROJECT';
	if (field === 'subject' && [...value].length > NAME_LIMIT) return 'NAME_TOO_LONG';
	return undefined;
}

export interface Expectation {
	crm: Value;
	projects: Value;
	/** Writes a rule refused to carry, with the rule. */
	refused: Map<number, RuleCode>;
	/** The last write of the field, when there was one. */
	last?: Write;
	/** The sides may legitimately differ at the end (a refused last write, an unassigned Projects owner). */
	mayDiffer: boolean;
}

/** Replay the field's writes in time order: each is carried at once unless refused (last writer wins). */
export function expect(world: World, pair: Pair, field: Field, writes: Write[]): Expectation {
	const value: Record<Side, Value> = { crm: pair.initial[field], projects: pair.initial[field] };
	const refused = new Map<number, RuleCode>();
	const ordered = [...writes].sort((a, b) => a.time - b.time || a.seq - b.seq);
	for (const w of ordered) {
		value[w.side] = w.value;
		const to = otherSide(w.side);
		if (value[to] === w.value) continue;
		// A Projects task without owner: CRM keeps its owner; that is neither a write nor a refusal.
		if (field === 'owner' && w.side === 'projects' && w.value === null) continue;
		const rule = ruleFor(world, pair, field, w.value, to);
		if (rule) refused.set(w.seq, rule);
		else value[to] = w.value;
	}
	const last = ordered[ordered.length - 1];
	return { crm: value.crm, projects: value.projects, refused, last, mayDiffer: value.crm !== value.projects };
}
