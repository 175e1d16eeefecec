/**
 * Three-way merge per field against the last synced values (the base): a field written on one side
 * only is carried to the other; written on both is a conflict settled by the policy; equal on both
 * sides needs nothing. Directions can hold a field back on one side.
 *
 * "Written" is a value that differs from that side's base, or a write the side's history reports
 * since the last sync (a write back to the base value is still a write). A field a refusal settled
 * apart has a base per side, so it stays as it is until a user writes it again. Conflicts are decided
 * by the time each side wrote *that field* where the history says, else by record time.
 *
 * "Equal" is judged in each side's own space (DESIGN §5, lossy maps compared in the coarser space):
 * a side's value equals a reference when it is what the side reads back after the sync writes the
 * reference to it. Without this, Projects `none` → CRM `Normal` would read back as `medium` and be
 * carried back to Projects, losing `none`.
 */
import { storedAs } from './fields';
import type { ConflictPolicy, Direction, Evidence, FieldChange, FieldId, Side, SyncConfig, SyncState, Values } from './types';

export interface MergeInput {
	crm: Values;
	projects: Values;
	/** Undefined for a pair that was never synced: the side that started the run wins differences. */
	base: Values | undefined;
	/** Fields settled apart by a refusal: their base per side. */
	settled?: SyncState['settled'];
	/** User writes per side and field since the last sync, where that side's history was read. */
	evidence?: Evidence;
	initiator: Side;
	crmModified: string;
	projectsModified: string;
}

export interface MergeResult {
	changes: FieldChange[];
	/** Fields equal on both sides. */
	inSync: FieldId[];
	/** The value both sides agree on, per in-sync field: the finer one, so it is the next base. */
	agreed: Values;
	/** Fields that differ but whose direction forbids carrying the change. */
	held: FieldId[];
	/** Fields a refusal settled apart that nobody wrote since: left as they are. */
	settled: FieldId[];
}

const allows = (direction: Direction, to: Side) =>
	direction === 'both' || (to === 'projects' ? direction === 'crmToProjects' : direction === 'projectsToCrm');

export function fieldDirection(field: FieldId, config: SyncConfig): Direction {
	if (field.startsWith('custom:')) {
		return config.customFields.find((p) => `custom:${p.crm}` === field)?.direction ?? 'off';
	}
	return config.directions[field as keyof SyncConfig['directions']];
}

function conflictWinner(policy: ConflictPolicy, field: FieldId, input: MergeInput): Side {
	if (policy === 'crmWins') return 'crm';
	if (policy === 'projectsWins') return 'projects';
	// The most recent write of this field wins (the record time only where no history was read);
	// a tie goes to the side that started the run.
	const crm = Date.parse(input.evidence?.crm?.[field]?.at ?? input.crmModified);
	const projects = Date.parse(input.evidence?.projects?.[field]?.at ?? input.projectsModified);
	if (crm === projects || Number.isNaN(crm) || Number.isNaN(projects)) return input.initiator;
	return crm > projects ? 'crm' : 'projects';
}

/** Whether `value`, read on `side`, is what that side holds after the sync writes `reference` to it. */
export function sameOn(side: Side, field: FieldId, value: string | null, reference: string | null, config: SyncConfig): boolean {
	return value === reference || value === storedAs(side, field, reference, config);
}

/** The value two sides agree on, or undefined when they differ. */
function agreedValue(field: FieldId, crm: string | null, projects: string | null, config: SyncConfig): string | null | undefined {
	if (crm === projects) return crm;
	// CRM holds what writing the Projects value gives: the Projects value is the finer one.
	if (sameOn('crm', field, crm, projects, config)) return projects;
	if (sameOn('projects', field, projects, crm, config)) return crm;
	return undefined;
}

export function merge(fields: FieldId[], input: MergeInput, config: SyncConfig): MergeResult {
	const result: MergeResult = { changes: [], inSync: [], held: [], agreed: {}, settled: [] };
	for (const field of fields) {
		const direction = fieldDirection(field, config);
		if (direction === 'off') continue;
		const crm = input.crm[field] ?? null;
		const projects = input.projects[field] ?? null;
		const agreed = agreedValue(field, crm, projects, config);
		if (agreed !== undefined) {
			result.inSync.push(field);
			result.agreed[field] = agreed;
			continue;
		}
		let from: Side;
		let kind: FieldChange['kind'] = 'propagate';
		if (!input.base) {
			from = input.initiator;
			kind = 'initial';
		} else {
			const apart = input.settled?.[field];
			const base = input.base[field] ?? null;
			const crmWrote = !sameOn('crm', field, crm, apart ? apart.crm : base, config) || !!input.evidence?.crm?.[field];
			const projectsWrote = !sameOn('projects', field, projects, apart ? apart.projects : base, config) || !!input.evidence?.projects?.[field];
			if (apart && !crmWrote && !projectsWrote) {
				result.settled.push(field);
				continue;
			}
			if (crmWrote !== projectsWrote) {
				from = crmWrote ? 'crm' : 'projects';
			} else {
				// Both wrote — or neither did and the base is stale (a run died midway): the policy decides.
				from = conflictWinner(config.conflictPolicy, field, input);
				kind = 'conflict';
			}
		}
		const to: Side = from === 'crm' ? 'projects' : 'crm';
		if (!allows(direction, to)) {
			result.held.push(field);
			continue;
		}
		result.changes.push({
			field,
			from,
			to,
			value: from === 'crm' ? crm : projects,
			previous: to === 'crm' ? crm : projects,
			kind,
		});
	}
	return result;
}
