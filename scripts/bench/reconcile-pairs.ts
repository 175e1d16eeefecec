/**
 * The pairs of `npm run bench:reconcile` (./reconcile.ts): made in the simulator as people and an
 * earlier sync would have left them (no API call, nothing logged), edited as people edit them, and
 * checked afterwards straight from the simulator.
 */
import type { IDataObject } from 'n8n-workflow';

import { changedSinceBase } from '../../nodes/shared/sync/engine';
import { DEFAULT_CONFIG } from '../../nodes/shared/sync/defaults';
import { canonicalCrm, canonicalProjects } from '../../nodes/shared/sync/fields';
import { parseState, serialiseState } from '../../nodes/shared/sync/state';
import type { FieldId, Side } from '../../nodes/shared/sync/types';
import { crmTaskFromRecord, projectsTaskFromJson } from '../../nodes/shared/sync/views';
import type { SyncEnv } from '../../test/sync-node/helpers';
import { FIELDS, PORTAL_ID, STATUSES, USERS, taskLinkValue } from '../../test/zoho-sim/seed-data';

/** Pairs made (and edits made) per simulated second. */
const SEED_PER_SECOND = 20;
const EDITS_PER_SECOND = 10;

export interface Pair {
	crmId: string;
	zpId: string;
	projectId: string;
}

/**
 * `count` linked pairs spread over `projects` new projects, both sides equal and the sync state
 * holding them (what the sync's first run of a pair stores: the canonical values and the Projects
 * task's modified time). Checked with `inSync` before use, so a seed the engine would not take for
 * synced fails the bench instead of passing for cheap runs.
 */
export function createPairs(env: SyncEnv, count: number, projects: number): Pair[] {
	const projectIds = Array.from({ length: projects }, (_, p) => env.sim.projects.createProject({ name: `Reconcile bench ${p}`, key: `R${p}` }));
	const pairs: Pair[] = [];
	for (let i = 0; i < count; i++) {
		// Made over time, as people make them: one second holds a few tasks, not thousands.
		if (i % SEED_PER_SECOND === 0) env.sim.clock.advance(1000);
		const projectId = projectIds[i % projects];
		const name = `Reconcile task ${i}`;
		const task = env.sim.projects.createTask(projectId, {
			name,
			description: `<div>${name}</div>`,
			end_date: '2026-12-20',
			priority: 'medium',
			owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] },
		});
		const zpId = String(task.id);
		const record = env.sim.crm.createAsUser('Tasks', {
			Subject: name,
			Description: name,
			Due_Date: '2026-12-20',
			Status: 'Not Started',
			Priority: 'Normal',
			Owner: { id: USERS.emily.crmId },
			[FIELDS.taskLink]: taskLinkValue(projectId, zpId),
		});
		const crmId = String(record.id);
		const linked = env.sim.projects.editTask(zpId, { [FIELDS.projectsCrmTaskId]: crmId });
		const base = canonicalCrm(crmTaskFromRecord(record), DEFAULT_CONFIG);
		const at = new Date(env.sim.clock.now()).toISOString();
		const state = serialiseState({ v: 1, base, pm: String(linked.last_modified_time), linkedAt: at, at });
		env.sim.crm.editAsUser('Tasks', crmId, { [FIELDS.syncState]: state });
		pairs.push({ crmId, zpId, projectId });
	}
	return pairs;
}

/** One edit per changed pair, cycling through the synced fields, as a user of that side makes it. */
const EDITS: { field: FieldId; crm: (i: number) => IDataObject; projects: (i: number) => IDataObject }[] = [
	{ field: 'subject', crm: (i) => ({ Subject: `Reconcile task ${i} (CRM edit)` }), projects: (i) => ({ name: `Reconcile task ${i} (Projects edit)` }) },
	{ field: 'description', crm: (i) => ({ Description: `Edited in CRM ${i}\n二行目` }), projects: (i) => ({ description: `<div>Edited in Projects ${i}</div>` }) },
	{ field: 'dueDate', crm: () => ({ Due_Date: '2026-12-24' }), projects: () => ({ end_date: '2026-12-23' }) },
	{ field: 'priority', crm: () => ({ Priority: 'High' }), projects: () => ({ priority: 'low' }) },
	{ field: 'status', crm: () => ({ Status: 'Completed' }), projects: () => ({ status: { id: STATUSES.closed.id } }) },
	{ field: 'owner', crm: () => ({ Owner: { id: USERS.ichiro.crmId } }), projects: () => ({ owners_and_work: { owners: [{ zpuid: USERS.ichiro.zpuid }] } }) },
];

/** Edit pair `i` on `side`, one field, as a user there. */
export function editPair(env: SyncEnv, pair: Pair, i: number, side: Side): void {
	if (i % EDITS_PER_SECOND === 0) env.sim.clock.advance(1000);
	const edit = EDITS[Math.floor(i / 2) % EDITS.length];
	if (side === 'crm') env.sim.crm.editAsUser('Tasks', pair.crmId, edit.crm(i), USERS.ichiro.crmId);
	else env.sim.projects.editTask(pair.zpId, edit.projects(i), 'emily');
}

/** Both sides hold the same values, and the stored base is exactly them (nothing left to carry). */
export function inSync(env: SyncEnv, pair: Pair): boolean {
	const record = env.sim.crm.getRecord('Tasks', pair.crmId);
	const task = env.sim.projects.task(pair.zpId);
	const state = parseState(record?.[FIELDS.syncState]);
	if (!record || !task || !state) return false;
	const crm = canonicalCrm(crmTaskFromRecord(record), DEFAULT_CONFIG);
	const projects = canonicalProjects(projectsTaskFromJson(task, PORTAL_ID, pair.projectId), DEFAULT_CONFIG);
	return !changedSinceBase('crm', crm, state, DEFAULT_CONFIG).length && !changedSinceBase('projects', projects, state, DEFAULT_CONFIG).length;
}
