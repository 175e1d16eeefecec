/**
 * Reconcile: the safety net. Every linked pair changed since the cursor — on either side — is merged
 * and applied like a Sync Task, so missed, failed or rate-limited events converge. The cursor is the
 * newest modification time seen (Zoho's clock, not n8n's), kept in the node's static data; a run
 * with an explicit "Changed Since" leaves it alone.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { projectsRequestAll } from '../../shared/projects';
import type { TaskLink } from '../../shared/sync/links';
import type { Side } from '../../shared/sync/types';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { linkOf } from './pair';
import { apply } from './syncTask';
import { unlinkPair } from './unlink';

const DAY_MS = 24 * 60 * 60 * 1000;
const time = (value: unknown) => Date.parse(String(value ?? ''));

interface Candidate {
	initiator: Side;
	modified: number;
	/** The Projects task naming this CRM task, when the walk saw it: it can still be unlinked if the CRM task is gone. */
	projects?: { link: TaskLink; task: IDataObject };
}

async function changedPairs(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, portalId: string, since: string): Promise<Map<string, Candidate>> {
	const { link: linkField, projectsCrmId } = settings.fields;
	const pairs = new Map<string, Candidate>();
	const note = (crmTaskId: string, side: Side, modified: number, projects?: Candidate['projects']) => {
		const seen = pairs.get(crmTaskId);
		const newer = !seen || modified > seen.modified;
		pairs.set(crmTaskId, { initiator: newer ? side : seen.initiator, modified: newer ? modified : seen.modified, projects: projects ?? seen?.projects });
	};
	const crmRows = await crmList.call(this, {
		path: '/Tasks',
		qs: { fields: `${linkField},Modified_Time`, sort_by: 'Modified_Time', sort_order: 'desc' },
		headers: { 'If-Modified-Since': since },
		keep: (r) => !!r[linkField],
		what: 'list the tasks changed since the cursor',
	});
	for (const row of crmRows) note(String(row.id), 'crm', time(row.Modified_Time));
	const sinceMs = time(since);
	const projects = await projectsRequestAll.call(this, gw.projectsSettings(portalId), { method: 'GET', path: '/projects' }, undefined);
	for (const project of projects) {
		const projectId = String(project.id);
		const tasks = await projectsRequestAll.call(
			this,
			gw.projectsSettings(portalId),
			{ method: 'GET', path: `/projects/${projectId}/tasks`, qs: { sort_by: 'DESC(last_modified_time)' } },
			'tasks',
			{ stopAt: (t) => time(t.last_modified_time) <= sinceMs, keep: (t) => !!t[projectsCrmId] },
		);
		for (const task of tasks) {
			note(String(task[projectsCrmId]), 'projects', time(task.last_modified_time), { link: { portalId, projectId, taskId: String(task.id) }, task });
		}
	}
	return pairs;
}

/** The same decisions as Sync Task, deletions included: a pair whose counterpart is gone is unlinked and reported. */
async function reconcilePair(gw: Gateway, settings: SyncSettings, crmTaskId: string, candidate: Candidate): Promise<SyncItem[]> {
	const crmRecord = await gw.crmTask(crmTaskId);
	if (!crmRecord) {
		if (!candidate.projects) return [{ outlet: 'skipped', json: { crmTaskId, reason: 'crmTaskDeleted' } }];
		return await unlinkPair(gw, settings, { side: 'projects', ...candidate.projects, crmTaskId });
	}
	const link = linkOf(crmRecord, settings);
	if (!link) return [{ outlet: 'skipped', json: { crmTaskId, reason: 'notLinked' } }];
	const projectsJson = await gw.projectsTask(link.portalId, link.projectId, link.taskId);
	if (!projectsJson) return await unlinkPair(gw, settings, { side: 'crm', record: crmRecord, link });
	return await apply(gw, settings, crmRecord, projectsJson, link, candidate.initiator);
}

export async function reconcile(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	await gw.requireTaskFields();
	const portalId = String(this.getNodeParameter('portalId', itemIndex));
	// Without it no Projects-side change would be seen, silently.
	await gw.requireProjectsField(portalId);
	const explicit = String(this.getNodeParameter('since', itemIndex, '') || '');
	const state = this.getWorkflowStaticData('node') as { reconcileCursor?: string };
	const since = explicit || state.reconcileCursor || new Date(Date.now() - DAY_MS).toISOString();
	if (Number.isNaN(time(since))) {
		throw new NodeOperationError(this.getNode(), `"Changed Since" is not a date and time: ${since}`, { itemIndex, description: 'Use ISO 8601, e.g. 2026-11-01T00:00:00+09:00.' });
	}
	const pairs = await changedPairs.call(this, gw, settings, portalId, since);
	const counts = { pairs: pairs.size, synced: 0, skipped: 0, rejected: 0, failed: 0 };
	const synced: IDataObject[] = [];
	const failures: IDataObject[] = [];
	const rejected: SyncItem[] = [];
	let newest = time(since);
	for (const [crmTaskId, candidate] of pairs) {
		newest = Math.max(newest, candidate.modified);
		try {
			const items = await reconcilePair(gw, settings, crmTaskId, candidate);
			for (const item of items) {
				if (item.outlet === 'synced') synced.push(item.json);
				if (item.outlet === 'rejected') rejected.push(item);
			}
			if (items.some((i) => i.outlet === 'synced')) counts.synced++;
			else if (!items.some((i) => i.outlet === 'rejected')) counts.skipped++;
			if (items.some((i) => i.outlet === 'rejected')) counts.rejected++;
		} catch (error) {
			// One pair failing (a lockout, a deleted field) must not stop the others; the next run retries it.
			counts.failed++;
			failures.push({ crmTaskId, error: (error as Error).message });
		}
	}
	const cursor = new Date(newest).toISOString();
	if (!explicit && !settings.dryRun && !counts.failed) state.reconcileCursor = cursor;
	const summary: SyncItem = { outlet: 'synced', json: { operation: 'reconcile', since, cursor, counts, synced, failures, dryRun: settings.dryRun } };
	// Failed pairs also go to the error output, so an error workflow hears of them.
	const failed: SyncItem[] = failures.length
		? [{ outlet: 'failed', json: { error: `Reconcile: ${failures.length} of ${counts.pairs} linked pairs failed`, message: failures.map((f) => `CRM task ${String(f.crmTaskId)}: ${String(f.error)}`).join('\n') } }]
		: [];
	return [summary, ...rejected, ...failed];
}
