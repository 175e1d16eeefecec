/**
 * A linked pair made as people make one in each UI (no API call, nothing logged): the Projects task,
 * the CRM task naming it, then the CRM task's id in the Projects task's field. Both sides agree.
 * For tests and benchmarks that need many pairs beyond the seed.
 */
import { FIELDS, USERS, taskLinkValue } from './seed-data';
import type { ZohoSim } from './server';

export interface LinkedPair {
	crmId: string;
	zpId: string;
}

export function linkedPair(sim: ZohoSim, projectId: string, tasklistId: string, name: string): LinkedPair {
	const task = sim.projects.createTask(projectId, {
		name,
		description: `<div>${name}</div>`,
		start_date: '2026-11-10',
		end_date: '2026-11-30',
		priority: 'medium',
		tasklist: { id: tasklistId },
		owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] },
	});
	const zpId = String(task.id);
	const record = sim.crm.createAsUser('Tasks', {
		Subject: name,
		Description: name,
		Due_Date: '2026-11-30',
		Status: 'Not Started',
		Priority: 'Normal',
		Owner: { id: USERS.emily.crmId },
		[FIELDS.taskLink]: taskLinkValue(projectId, zpId),
	});
	const crmId = String(record.id);
	sim.projects.editTask(zpId, { [FIELDS.projectsCrmTaskId]: crmId });
	return { crmId, zpId };
}
