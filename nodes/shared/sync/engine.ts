/**
 * The sync decision for one linked pair, in pure steps around the fetches only the node can do:
 * `planSync` merges both sides against the base and says what must be read; `moreNeeds` says what
 * else once those reads are in; `finishSync` runs the rules and yields the minimal patch for each
 * side and the new sync state (written last).
 */
import { canonicalCrm, canonicalProjects, crmPatch, PatchError, projectsPatch, statusTargets } from './fields';
import { merge, sameOn, type MergeResult } from './merge';
import { firstRefusal, needsOf, type Need } from './rules';
import { sameState } from './state';
import { emailKey } from './text';
import type {
	CrmTask,
	Evidence,
	FieldChange,
	FieldId,
	ProjectsTask,
	Person,
	Refusal,
	Settled,
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
	/** Each side's user writes since the last sync, where its history was read (see `historyNeeds`). */
	evidence?: Evidence;
	/** The e-mail of the Zoho user the sync acts as: never the author of a change, never told of a refusal. */
	apiUserEmail?: string;
}

/** A side's field history, read only when it can change the decision or name a refusal's author. */
export type History = 'crmHistory' | 'projectsHistory';

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
	/** Fields a refusal settled apart earlier that nobody wrote since: not decided or reported again. */
	settled: FieldId[];
	held: FieldId[];
	/** Changes that could not be written (no value to write on the target): the other fields go on. */
	failed: { change: FieldChange; message: string }[];
	/** The Projects patch closes or reopens with a status id kept in the sync state (not read now). */
	storedStatusUsed: boolean;
}

export function fieldsOf(config: SyncConfig): FieldId[] {
	return [...SYNC_FIELDS, ...config.customFields.map((p) => `custom:${p.crm}` as FieldId)];
}

/** Differences between a side's values and the base (judged in that side's space): the side changed since the last sync. */
export function changedSinceBase(side: Side, values: Values, state: SyncState | null, config: SyncConfig): FieldId[] {
	if (!state) return fieldsOf(config);
	const baseOf = (f: FieldId) => {
		const apart = state.settled?.[f];
		return apart ? apart[side] : (state.base[f] ?? null);
	};
	return fieldsOf(config).filter((f) => !sameOn(side, f, values[f] ?? null, baseOf(f), config));
}

/**
 * Both sides in canonical values. A Projects task nobody is assigned to reads as the configured
 * fallback owner when one is set; otherwise its owner is empty (see `keepsCrmOwner`).
 */
export function sideValues(input: Pick<SyncInput, 'crm' | 'projects' | 'config'>): { crm: Values; projects: Values } {
	const crm = canonicalCrm(input.crm, input.config);
	const projects = canonicalProjects(input.projects, input.config);
	if (projects.owner === null && input.config.unassignedOwner) projects.owner = emailKey(input.config.unassignedOwner);
	return { crm, projects };
}

/**
 * Unassigning a Projects task is a write like any other, but CRM cannot be ownerless: carried to
 * CRM it changes nothing there. The two sides then hold the owner apart (CRM its owner, Projects
 * nobody) until someone writes the owner again on either side.
 */
const keepsCrmOwner = (change: FieldChange, config: SyncConfig) => change.field === 'owner' && change.to === 'crm' && change.value === null && !config.unassignedOwner;

export function planSync(input: SyncInput): SyncPlan {
	const { crm: crmValues, projects: projectsValues } = sideValues(input);
	const result = merge(
		fieldsOf(input.config),
		{
			crm: crmValues,
			projects: projectsValues,
			base: input.state?.base,
			settled: input.state?.settled,
			evidence: input.evidence,
			initiator: input.initiator,
			crmModified: input.crm.modifiedTime,
			projectsModified: input.projects.lastModified,
		},
		input.config,
	);
	const needs = needsOf(result.changes, input.projects, input.config, known(input, {}));
	return { crmValues, projectsValues, merge: result, needs };
}

/** Projects was written after the last sync: its modified time moved past the one the state recorded. */
function projectsTouched(input: SyncInput): boolean {
	const pm = input.state?.pm;
	return !!pm && Date.parse(input.projects.lastModified) > Date.parse(pm);
}

/**
 * Which side's history could change this plan. CRM's is cheap and read whenever a non-initial change
 * is planned. Projects' costs a Projects call, so it is read only when Projects was written since the
 * last sync and the plan depends on which fields: a change from CRM that Projects may have
 * overwritten and set back (a write back to the base), or a conflict.
 */
export function historyNeeds(input: SyncInput, plan: SyncPlan): Set<History> {
	const needs = new Set<History>();
	const changes = plan.merge.changes.filter((c) => c.kind !== 'initial');
	if (!changes.length) return needs;
	if (!input.evidence?.crm) needs.add('crmHistory');
	if (projectsTouched(input) && !input.evidence?.projects && changes.some((c) => c.from === 'crm' || c.kind === 'conflict')) needs.add('projectsHistory');
	return needs;
}

/** A refused Projects change whose author only Projects' history can name (read after the rules, so only when a refusal happens). */
export function authorNeeds(input: SyncInput, outcome: SyncOutcome): Set<History> {
	const needs = new Set<History>();
	if (projectsTouched(input) && !input.evidence?.projects && outcome.refusals.some((r) => r.change.from === 'projects')) needs.add('projectsHistory');
	return needs;
}

/** What else must be read, now that `context` holds the earlier reads. */
export function moreNeeds(input: SyncInput, plan: SyncPlan, context: SyncContext): Set<Need> {
	return needsOf(plan.merge.changes, input.projects, input.config, known(input, context));
}

const known = (input: SyncInput, context: SyncContext): SyncContext => ({ storedStatuses: input.state?.statuses, ...context });

/** The person to tell of a refused change: its author, else the record's last editor, else its owner, else the configured address — never the sync's own user. */
function recipientOf(change: FieldChange, input: SyncInput): Person {
	const fromCrm = change.from === 'crm';
	const candidates: (Person | null | undefined)[] = [
		input.evidence?.[change.from]?.[change.field]?.by,
		fromCrm ? input.crm.modifiedBy : input.projects.updatedBy,
		fromCrm ? input.crm.owner : input.projects.owners[0],
	];
	const api = emailKey(input.apiUserEmail);
	const person = candidates.find((p) => p?.email && emailKey(p.email) !== api);
	return person ?? { email: input.config.fallbackRecipient || null };
}

export function finishSync(input: SyncInput, plan: SyncPlan, fetched: SyncContext, now: string): SyncOutcome {
	const { config } = input;
	const context = known(input, fetched);
	const base: Values = { ...(input.state?.base ?? {}) };
	const settled: Partial<Record<FieldId, Settled>> = { ...(input.state?.settled ?? {}) };
	const outcome: SyncOutcome = {
		crmPatch: {},
		projectsPatch: {},
		state: null,
		applied: [],
		refusals: [],
		// An unassigned Projects owner held apart is no refusal: only refused fields are reported as settled.
		settled: plan.merge.settled.filter((f) => !(f === 'owner' && input.state?.settled?.owner?.projects === null)),
		held: plan.merge.held,
		failed: [],
		storedStatusUsed: false,
	};

	for (const field of plan.merge.inSync) {
		base[field] = plan.merge.agreed[field] ?? null;
		delete settled[field];
	}
	for (const change of plan.merge.changes) {
		if (keepsCrmOwner(change, config)) {
			settled.owner = { crm: change.previous, projects: null };
			continue;
		}
		const refusal = firstRefusal({ change, crm: input.crm, projects: input.projects, context, config });
		if (!refusal) {
			try {
				Object.assign(outcome[change.to === 'crm' ? 'crmPatch' : 'projectsPatch'], patchFor(change.to, change.field, change.value, input, context));
			} catch (error) {
				// This field cannot be written now (patches only throw PatchError); the others go on,
				// and it is tried again next time.
				outcome.failed.push({ change, message: (error as PatchError).message });
				continue;
			}
			outcome.applied.push(change);
			base[change.field] = change.value;
			delete settled[change.field];
			continue;
		}
		const reverted = config.onRejection === 'revertSource';
		if (reverted) {
			// Set the source back to what the target keeps; both sides then agree on the kept value.
			Object.assign(outcome[change.from === 'crm' ? 'crmPatch' : 'projectsPatch'], patchFor(change.from, change.field, change.previous, input, context));
			base[change.field] = change.previous;
			delete settled[change.field];
		} else {
			// Each side keeps what it holds until a user writes the field again: never re-decided, never re-reported.
			settled[change.field] = change.from === 'crm' ? { crm: change.value, projects: change.previous } : { crm: change.previous, projects: change.value };
		}
		outcome.refusals.push({ ...refusal, change, recipient: recipientOf(change, input), kept: change.previous, reverted });
	}
	const statuses = context.statuses ? statusTargets(context.statuses) : input.state?.statuses;
	const next: SyncState = {
		v: 1,
		base,
		settled: Object.keys(settled).length ? settled : undefined,
		statuses,
		pm: input.state?.pm,
		r: input.state?.r,
		pendingComments: input.state?.pendingComments,
		// The first state written marks when the pair began to be synced (a state of an older version: its next write).
		linkedAt: input.state?.linkedAt ?? now,
		at: now,
	};
	const statusId = (outcome.projectsPatch.status as { id?: string } | undefined)?.id;
	outcome.storedStatusUsed = !!statusId && !context.statuses && statusId !== config.projectsClosedStatusId && statusId !== config.projectsOpenStatusId;
	const writes = Object.keys(outcome.crmPatch).length + Object.keys(outcome.projectsPatch).length > 0;
	outcome.state = writes || outcome.refusals.length || !sameState(input.state, next) ? next : null;
	return outcome;
}

function patchFor(side: Side, field: FieldId, value: string | null, input: SyncInput, context: SyncContext) {
	return side === 'crm' ? crmPatch(field, value, input.crm, input.config, context) : projectsPatch(field, value, input.config, context);
}
