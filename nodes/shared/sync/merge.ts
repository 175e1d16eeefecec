/**
 * Three-way merge per field against the last synced values (the base): a field changed on one side
 * only is carried to the other; changed on both is a conflict settled by the policy; equal on both
 * sides needs nothing. Directions can hold a field back on one side.
 */
import type { ConflictPolicy, Direction, FieldChange, FieldId, Side, SyncConfig, Values } from './types';

export interface MergeInput {
	crm: Values;
	projects: Values;
	/** Undefined for a pair that was never synced: the side that started the run wins differences. */
	base: Values | undefined;
	initiator: Side;
	crmModified: string;
	projectsModified: string;
}

export interface MergeResult {
	changes: FieldChange[];
	/** Fields equal on both sides. */
	inSync: FieldId[];
	/** Fields that differ but whose direction forbids carrying the change. */
	held: FieldId[];
}

const allows = (direction: Direction, to: Side) =>
	direction === 'both' || (to === 'projects' ? direction === 'crmToProjects' : direction === 'projectsToCrm');

export function fieldDirection(field: FieldId, config: SyncConfig): Direction {
	if (field.startsWith('custom:')) {
		return config.customFields.find((p) => `custom:${p.crm}` === field)?.direction ?? 'off';
	}
	return config.directions[field as keyof SyncConfig['directions']];
}

function conflictWinner(policy: ConflictPolicy, input: MergeInput): Side {
	if (policy === 'crmWins') return 'crm';
	if (policy === 'projectsWins') return 'projects';
	// Most recent wins; a tie goes to the side that started the run.
	const crm = Date.parse(input.crmModified);
	const projects = Date.parse(input.projectsModified);
	if (crm === projects || Number.isNaN(crm) || Number.isNaN(projects)) return input.initiator;
	return crm > projects ? 'crm' : 'projects';
}

export function merge(fields: FieldId[], input: MergeInput, config: SyncConfig): MergeResult {
	const result: MergeResult = { changes: [], inSync: [], held: [] };
	for (const field of fields) {
		const direction = fieldDirection(field, config);
		if (direction === 'off') continue;
		const crm = input.crm[field] ?? null;
		const projects = input.projects[field] ?? null;
		if (crm === projects) {
			result.inSync.push(field);
			continue;
		}
		const base = input.base ? (input.base[field] ?? null) : undefined;
		let from: Side;
		let kind: FieldChange['kind'] = 'propagate';
		if (base === undefined) {
			from = input.initiator;
			kind = 'initial';
		} else if (projects === base) {
			from = 'crm';
		} else if (crm === base) {
			from = 'projects';
		} else {
			from = conflictWinner(config.conflictPolicy, input);
			kind = 'conflict';
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
