/**
 * The sync decision for one linked pair, in pure steps around the fetches only the node can do:
 * `planSync` merges both sides against the base and says what must be read; `moreNeeds` says what
 * else once those reads are in; `finishSync` runs the rules and yields the minimal patch for each
 * side and the new sync state (written last).
 */
import { canonicalCrm, canonicalProjects, crmPatch, projectsPatch, statusTargets } from './fields';
import { merge, sameOn, type MergeResult } from './merge';
import { firstRefusal, needsOf, type Need } from './rules';
import { sameState } from './state';
import type {
	CrmTask,
	FieldChange,
	FieldId,
	ProjectsTask,
	Refusal,
	Side,
	SyncConfig,
	SyncContext,
	SyncState,
	Values,
} from './types';
import { SYNC_FIELDS } from './types';

export interface SyncInput {
	crm: CrmTask;
	projects: ProjectsTask;
	state: SyncState | null;
	initiator: Side;
	config: SyncConfig;
}

export interface SyncPlan {
	crmValues: Values;
	projectsValues: Values;
	merge: MergeResult;
	needs: Set<Need>;
}

export interface SyncRefusal extends Refusal {
	change: FieldChange;
	/** The person whose change was refused. */
	recipient: { email: string | null; name?: string };
	/** The value that stays in the target. */
	kept: string | null;
	/** Whether the source was set back to the kept value. */
	reverted: boolean;
}

export interface SyncOutcome {
	crmPatch: Record<string, unknown>;
	projectsPatch: Record<string, unknown>;
	/** New state, or null when the stored one is still right (nothing to write). */
	state: SyncState | null;
	applied: FieldChange[];
	/** Refusals to report (first time this value was refused). */
	refusals: SyncRefusal[];
	/** Refusals of values already reported before: not reported again. */
	repeated: FieldChange[];
	held: FieldId[];
	/** The Projects patch closes or reopens with a status id kept in the sync state (not read now). */
	storedStatusUsed: boolean;
}

export function fieldsOf(config: SyncConfig): FieldId[] {
	return [...SYNC_FIELDS, ...config.customFields.map((p) => `custom:${p.crm}` as FieldId)];
}

/** Differences between a side's values and the base (judged in that side's space): the side changed since the last sync. */
export function changedSinceBase(side: Side, values: Values, state: SyncState | null, config: SyncConfig): FieldId[] {
	if (!state) return fieldsOf(config);
	return fieldsOf(config).filter((f) => !sameOn(side, f, values[f] ?? null, state.base[f] ?? null, config));
}

export function planSync(input: SyncInput): SyncPlan {
	const crmValues = canonicalCrm(input.crm, input.config);
	const projectsValues = canonicalProjects(input.projects, input.config);
	const result = merge(
		fieldsOf(input.config),
		{
			crm: crmValues,
			projects: projectsValues,
			base: input.state?.base,
			initiator: input.initiator,
			crmModified: input.crm.modifiedTime,
			projectsModified: input.projects.lastModified,
		},
		input.config,
	);
	const needs = needsOf(result.changes, input.projects, input.config, known(input, {}));
	if (learnsStatuses(input)) needs.add('statuses');
	return { crmValues, projectsValues, merge: result, needs };
}

/** What else must be read, now that `context` holds the earlier reads. */
export function moreNeeds(input: SyncInput, plan: SyncPlan, context: SyncContext): Set<Need> {
	return needsOf(plan.merge.changes, input.projects, input.config, known(input, context));
}

const known = (input: SyncInput, context: SyncContext): SyncContext => ({ storedStatuses: input.state?.statuses, ...context });

/**
 * A pair whose state does not hold its close and reopen statuses yet reads them once, whatever the
 * change, and keeps them in the state: later closes and reopens then cost no status look-up.
 */
function learnsStatuses({ state, config }: SyncInput): boolean {
	if (config.projectsClosedStatusId && config.projectsOpenStatusId) return false;
	if (!['both', 'crmToProjects'].includes(config.directions.status)) return false;
	return !state?.statuses?.open || !state.statuses.closed;
}

export function finishSync(input: SyncInput, plan: SyncPlan, fetched: SyncContext, now: string): SyncOutcome {
	const { config } = input;
	const context = known(input, fetched);
	const base: Values = { ...(input.state?.base ?? {}) };
	const rejected: Values = { ...(input.state?.rejected ?? {}) };
	const outcome: SyncOutcome = { crmPatch: {}, projectsPatch: {}, state: null, applied: [], refusals: [], repeated: [], held: plan.merge.held, storedStatusUsed: false };

	for (const field of plan.merge.inSync) {
		base[field] = plan.merge.agreed[field] ?? null;
		delete rejected[field];
	}
	for (const change of plan.merge.changes) {
		const refusal = firstRefusal({ change, crm: input.crm, projects: input.projects, context, config });
		if (!refusal) {
			Object.assign(outcome[change.to === 'crm' ? 'crmPatch' : 'projectsPatch'], patchFor(change.to, change.field, change.value, input, context));
			outcome.applied.push(change);
			base[change.field] = change.value;
			delete rejected[change.field];
			continue;
		}
		const reverted = config.onRejection === 'revertSource';
		if (reverted) {
			// Set the source back to what the target keeps; both sides then agree on the kept value.
			Object.assign(outcome[change.from === 'crm' ? 'crmPatch' : 'projectsPatch'], patchFor(change.from, change.field, change.previous, input, context));
			base[change.field] = change.previous;
			delete rejected[change.field];
		} else {
			rejected[change.field] = change.value;
		}
		if ((input.state?.rejected?.[change.field] ?? undefined) === change.value && !reverted) {
			outcome.repeated.push(change);
			continue;
		}
		const editor = change.from === 'crm' ? input.crm.modifiedBy : input.projects.updatedBy;
		outcome.refusals.push({
			...refusal,
			change,
			recipient: { email: editor?.email ?? null, name: editor?.name },
			kept: change.previous,
			reverted,
		});
	}
	const statuses = context.statuses ? statusTargets(context.statuses) : input.state?.statuses;
	const next: SyncState = { v: 1, base, rejected: Object.keys(rejected).length ? rejected : undefined, statuses, at: now };
	const statusId = (outcome.projectsPatch.status as { id?: string } | undefined)?.id;
	outcome.storedStatusUsed = !!statusId && !context.statuses && statusId !== config.projectsClosedStatusId && statusId !== config.projectsOpenStatusId;
	const writes = Object.keys(outcome.crmPatch).length + Object.keys(outcome.projectsPatch).length > 0;
	outcome.state = writes || !sameState(input.state, next) ? next : null;
	return outcome;
}

function patchFor(side: Side, field: FieldId, value: string | null, input: SyncInput, context: SyncContext) {
	return side === 'crm' ? crmPatch(field, value, input.crm, input.config, context) : projectsPatch(field, value, input.config, context);
}
