/**
 * The documented policy (DESIGN §5) as the oracle applies it to the journal of user writes. Per
 * pair and field only the last user write (by time, over both sides) decides the end state:
 *
 * - it survives on both sides, unless carrying it is refused by a rule: then its author's side keeps
 *   it, the other side keeps what it had, and the refusal is reported once, to that write's author;
 * - a Projects task left without owner leaves CRM's owner as it is (CRM cannot unassign);
 * - a write the other side already holds needs no carrying (and so no refusal).
 *
 * "What the other side had" is its value at the moment of the last write, as the run saw it, not
 * the value an instant sync of every earlier write would have given it: events are dropped and
 * delayed on purpose, and the sync re-reads current state (DESIGN §5, order-safe), so an earlier
 * write superseded before the sync saw it (e.g. a CRM close followed by a CRM reopen) may never
 * reach the other side. That is the strict reading that does not depend on sync timing: after the
 * last write the other side must not change at all, except by carrying that write.
 *
 * Rules are modelled from the data the run generated. Their facts (project dates and strictness,
 * task start dates, parents, memberships, accounts) never change during a run; only the subtask
 * reopen rule also depends on the other side's state, which `otherHad` gives.
 */
import type { World } from './world';
import type { Field, Pair, Side, Value, Write } from './types';
import { otherSide } from './types';

export type RuleCode = 'STRICT_PROJECT_DATE' | 'SUBTASK_REOPEN_PARENT_CLOSED' | 'END_BEFORE_START' | 'OWNER_NO_COUNTERPART' | 'OWNER_NOT_IN_PROJECT' | 'NAME_TOO_LONG';

/** Zoho Projects' task name limit as the sync's default settings know it (the templates keep the default). */
const NAME_LIMIT = 255;

/**
 * The rule that refuses carrying `value` of `field` to side `to`, in the product's order of rules.
 * NAME_TOO_LONG cannot occur with the templates' settings (CRM's Subject holds 255 characters, the
 * sync's Projects limit is 255) but is modelled all the same.
 */
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
	/** Writes whose value a rule refuses on the other side (a report of them is legitimate, once, to their author). */
	refusable: Map<number, RuleCode>;
	last?: Write;
	/** The rule that refused the last write: its report is required. */
	lastRefused?: RuleCode;
	/** The sides may legitimately differ at the end (a refused last write, an unassigned Projects owner). */
	mayDiffer: boolean;
}

export function expect(world: World, pair: Pair, field: Field, writes: Write[]): Expectation {
	const refusable = new Map<number, RuleCode>();
	for (const w of writes) {
		const rule = ruleFor(world, pair, field, w.value, otherSide(w.side));
		if (rule) refusable.set(w.seq, rule);
	}
	const last = [...writes].sort((a, b) => a.time - b.time || a.seq - b.seq).at(-1);
	if (!last) return { crm: pair.initial[field], projects: pair.initial[field], refusable, mayDiffer: false };
	const value: Record<Side, Value> = { crm: last.value, projects: last.value };
	const other = otherSide(last.side);
	const had = last.otherHad ?? null;
	let lastRefused: RuleCode | undefined;
	if (had !== last.value) {
		if (field === 'owner' && last.side === 'projects' && last.value === null) value.crm = had;
		else if (refusable.has(last.seq)) {
			value[other] = had;
			lastRefused = refusable.get(last.seq);
		}
	}
	return { crm: value.crm, projects: value.projects, refusable, last, lastRefused, mayDiffer: value.crm !== value.projects };
}
