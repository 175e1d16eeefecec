/**
 * Creating the missing counterpart of a task: the new task gets every field the other side has,
 * except fields a rule refuses (reported, as in a sync) — so a strict project or an owner with no
 * account never blocks the task itself.
 */
import type { IDataObject } from 'n8n-workflow';

import { fieldDirection } from '../../shared/sync/merge';
import { canonicalCrm, canonicalProjects, crmPatch, projectsPatch } from '../../shared/sync/fields';
import { firstRefusal, needsOf } from '../../shared/sync/rules';
import type { SyncRefusal } from '../../shared/sync/engine';
import type { CrmTask, FieldChange, Person, ProjectsTask, Side, SyncConfig, SyncContext } from '../../shared/sync/types';
import { SYNC_FIELDS } from '../../shared/sync/types';
import type { TaskLink } from '../../shared/sync/links';
import type { Gateway } from '../gateway';
import { gatherContext } from './pair';

export const blankProjectsTask = (link: TaskLink): ProjectsTask => ({
	id: '', portalId: link.portalId, projectId: link.projectId, name: '', description: null, startDate: null, endDate: null,
	priority: null, status: null, owners: [], lastModified: '', updatedBy: null, parentTaskId: null, custom: {},
});

export const blankCrmTask = (): CrmTask => ({
	id: '', subject: '', description: null, dueDate: null, priority: null, status: null, owner: null, modifiedTime: '', modifiedBy: null, custom: {},
});

export interface Draft {
	body: IDataObject;
	refusals: SyncRefusal[];
}

/** The body for a new task on side `to`, from the values of the other side. */
/** `editor` is the person whose task is being copied: a refused field is reported to them. */
export async function draftCounterpart(gw: Gateway, config: SyncConfig, to: Side, crm: CrmTask, projects: ProjectsTask, link: TaskLink, editor: Person | null): Promise<Draft> {
	const values = to === 'projects' ? canonicalCrm(crm, config) : canonicalProjects(projects, config);
	const from: Side = to === 'projects' ? 'crm' : 'projects';
	const changes: FieldChange[] = SYNC_FIELDS.filter((f) => {
		const direction = fieldDirection(f, config);
		if (direction === 'off' || direction === (to === 'projects' ? 'projectsToCrm' : 'crmToProjects')) return false;
		// A new Projects task is open by default; only a completed one needs a status.
		return values[f] !== null && values[f] !== '' && !(f === 'status' && values[f] === 'open');
	}).map((field) => ({ field, from, to, value: values[field] ?? null, previous: null, kind: 'initial' as const }));
	const context: SyncContext = await gatherContext(gw, link, projects.parentTaskId, needsOf(changes, projects, config), (known) => needsOf(changes, projects, config, known));
	const draft: Draft = { body: {}, refusals: [] };
	for (const change of changes) {
		const refusal = firstRefusal({ change, crm, projects, context, config });
		if (refusal) {
			draft.refusals.push({ ...refusal, change, recipient: { email: editor?.email ?? null, name: editor?.name }, kept: null, reverted: false });
			continue;
		}
		Object.assign(draft.body, to === 'projects' ? projectsPatch(change.field, change.value, config, context) : crmPatch(change.field, change.value, blankCrmTask(), config, context));
	}
	return draft;
}
