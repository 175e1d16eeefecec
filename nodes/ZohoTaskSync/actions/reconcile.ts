/**
 * Reconcile: the safety net. Every linked pair changed since the cursor — on either side — is merged
 * and applied like a Sync Task, so missed, failed or rate-limited events converge; comment mirrors
 * that failed are written; a pair whose counterpart was deleted is unlinked and reported, even when
 * the surviving task did not change. What is listed and what it costs: ./reconcile/listings.ts. Each
 * run also checks the comments of a few linked pairs in turn (./reconcile/rotation.ts), so a comment
 * whose event was never handled is mirrored too. The pairs' CRM tasks are read and written 100 per call
 * (./reconcile/records.ts, ../crmBatch.ts via ./reconcile/walks.ts), not one call per pair.
 *
 * The node's static data keeps where each listing starts next time (./reconcile/marks.ts; the
 * summary's `cursor` is the newest of them), the pairs that failed (./reconcile/retry.ts), which
 * are retried on the next runs while the cursor moves on, and the comment check's place in its round.
 * A run with an explicit "Changed Since", or a dry run, leaves them alone.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { zohoErrorOf } from '../../shared/projects';
import { parseState } from '../../shared/sync/state';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { badLink, linkOf } from './pair';
import { clearPendingComments, pendingComments } from './comments/pending';
import { healComments } from './reconcile/comments';
import { type Candidate, isId, listChanges, sweep, time } from './reconcile/listings';
import type { Mark } from './reconcile/marks';
import { bounded, type RetryList } from './reconcile/retry';
import { PairRecords } from './reconcile/records';
import { Walks } from './reconcile/walks';
import { commentsFrom, linkedTasks, portalPairs, rotate, type RotationData } from './reconcile/rotation';
import { apply, deliveredTask, unlinkMissing } from './syncTask';
import { linkedElsewhere } from './linkedElsewhere';
import { unlinkPair } from './unlink';
import { idParameter } from '../ids';

const DAY_MS = 24 * 60 * 60 * 1000;

interface ReconcileData {
	/** The newest change seen (ISO): kept for older versions and as the start of a listing without a mark. */
	reconcileCursor?: string;
	reconcileMarks?: Record<string, Mark>;
	reconcileRetry?: RetryList;
	reconcileRuns?: number;
	reconcileComments?: RotationData;
}

/** The same decisions as Sync Task, deletions included: a pair whose counterpart is gone is unlinked and reported. */
async function reconcilePair(gw: Gateway, settings: SyncSettings, crmTaskId: string, candidate: Candidate, known?: IDataObject): Promise<SyncItem[]> {
	// Read with the next pairs' (./reconcile/records.ts), else on its own.
	const crmRecord = known ?? (await gw.crmTask(crmTaskId));
	if (!crmRecord) {
		if (!candidate.projects) return [{ outlet: 'skipped', json: { crmTaskId, reason: 'crmTaskDeleted' } }];
		return await unlinkPair(gw, settings, { side: 'projects', ...candidate.projects, crmTaskId });
	}
	const link = linkOf(crmRecord, settings);
	const damaged = badLink(crmRecord, settings);
	if (damaged) throw gw.damagedLink(crmTaskId, damaged);
	if (!link) return [{ outlet: 'skipped', json: { crmTaskId, reason: 'notLinked' } }];
	try {
		// The task as the Projects listing returned it, unless it predates the last sync (then it is read):
		// listed earlier in this run, so a Projects write it leads to is preceded by a fresh look.
		const seen = candidate.projects?.link;
		const listed = seen && seen.taskId === link.taskId && seen.projectId === link.projectId ? deliveredTask(candidate.projects!.task, link.taskId, settings) : null;
		const pm = parseState(crmRecord[settings.fields.state])?.pm;
		const usable = listed && pm && Date.parse(String(listed.last_modified_time)) >= Date.parse(pm) ? listed : null;
		if (usable) gw.noteLook(link.taskId, -Infinity);
		// Else a look as Sync Task's for a CRM change: shared with the pairs walked close to it, never older than what is known.
		const notBefore = pm ?? (listed ? String(listed.last_modified_time) : undefined);
		const projectsJson = usable ?? (await gw.projectsTask(link.portalId, link.projectId, link.taskId, true, { notBefore }));
		if (!projectsJson) return await unlinkMissing(gw, settings, crmRecord, link);
		return (await linkedElsewhere(gw, settings, crmRecord, projectsJson, link)) ?? (await apply(gw, settings, crmRecord, projectsJson, link, candidate.initiator));
	} finally {
		gw.releaseLooks();
	}
}

/** Comment mirrors of a pair that is (still) linked; `watchedFrom`: the comment check's rule for a pair without `linkedAt`. */
async function pairComments(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, crmTaskId: string, candidate: Candidate, watchedFrom: number): Promise<SyncItem[]> {
	if (!candidate.comments) return [];
	const record = await gw.crmTask(crmTaskId);
	const link = record && linkOf(record, settings);
	if (!link) return [];
	let items: SyncItem[];
	try {
		items = await healComments.call(this, gw, settings, crmTaskId, link, candidate.comments, commentsFrom(record, settings, watchedFrom));
	} catch (error) {
		// Zoho says the Projects task is gone: the pair is walked like a changed one, which unlinks it and
		// tells the person who deleted it — a comment check must not fail on it run after run instead.
		if (zohoErrorOf(error)?.status !== 404 || candidate.task) throw gw.nodeError(error);
		return await reconcilePair(gw, settings, crmTaskId, { ...candidate, task: true });
	}
	if (pendingComments(record, settings).length) await clearPendingComments(gw, settings, record);
	return items;
}

export async function reconcile(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	await gw.requireTaskFields();
	const portalId = idParameter.call(this, 'portalId', itemIndex);
	// Without it no Projects-side change would be seen, silently.
	await gw.requireProjectsField(portalId);
	const explicit = String(this.getNodeParameter('since', itemIndex, '') || '');
	const sweepEvery = Math.max(0, Math.floor(Number(this.getNodeParameter('fullSweepEvery', itemIndex, 0)) || 0));
	const state = this.getWorkflowStaticData('node') as ReconcileData;
	const since = explicit || state.reconcileCursor || new Date(Date.now() - DAY_MS).toISOString();
	if (Number.isNaN(time(since))) {
		throw new NodeOperationError(this.getNode(), `"Changed Since" is not a date and time: ${since}`, { itemIndex, description: 'Use ISO 8601, e.g. 2026-11-01T00:00:00+09:00.' });
	}
	const keep = !explicit && !settings.dryRun;
	// A run over an explicit window is about that window: its rotation would start at the same pairs every time.
	const perRun = explicit ? 0 : Math.max(0, Math.floor(Number(this.getNodeParameter('commentPairsPerRun', itemIndex, 20)) || 0));
	const runs = state.reconcileRuns ?? 0;
	const fullSweep = sweepEvery > 0 && runs % sweepEvery === 0;
	const listing = await listChanges.call(this, gw, settings, portalId, explicit ? {} : (state.reconcileMarks ?? {}), time(since), !!explicit, fullSweep);
	// One listing of the linked CRM tasks serves the sweep and the comment check (CRM, 1 call per 200).
	const linked = fullSweep || perRun > 0 ? await linkedTasks.call(this, settings) : [];
	if (fullSweep) sweep(settings, portalId, listing, linked);
	const { candidates } = listing;
	const retry: RetryList = explicit ? {} : { ...(state.reconcileRetry ?? {}) };
	for (const [crmTaskId, entry] of Object.entries(retry)) {
		if (!isId(crmTaskId)) continue;
		candidates.note(crmTaskId, entry.i, 0, { task: entry.t ?? !entry.c, projects: entry.p && { link: entry.p, task: {} }, comments: entry.c, retried: entry.n });
	}
	// After the listings and retries: a pair they already check costs the comment check nothing more.
	const rotation = state.reconcileComments ?? {};
	const watchedFrom = rotation.from ?? time(since);
	const turn = perRun > 0 ? rotate(portalPairs(linked, settings, portalId), rotation, perRun, candidates) : undefined;

	const counts = { pairs: 0, synced: 0, skipped: 0, rejected: 0, failed: 0, retried: 0, commentChecks: 0, commentsMirrored: 0, deletedCrmTasks: listing.deletedCrm };
	const synced: IDataObject[] = [];
	const failures: IDataObject[] = [];
	const rejected: SyncItem[] = [];
	/** Fields of a synced pair that could not be written: on the error output as they are. */
	const unwritten: SyncItem[] = [];
	const nextRetry: RetryList = {};
	/** What each pair's walk gave, in the candidates' order (pairs whose CRM write waits in the batch finish later). */
	const walked: Array<{ items: SyncItem[]; mirrors: SyncItem[] } | { error: unknown }> = [];
	const entries = [...candidates];
	// The pairs' CRM writes go out 100 per call (../crmBatch.ts), not one call per pair.
	const walks = new Walks(gw.batchPairWrites());
	const records = new PairRecords(this, settings, entries.filter(([, c]) => c.task).map(([id]) => id));
	for (const [index, [crmTaskId, candidate]] of entries.entries()) {
		await walks.start(async () => {
			try {
				const items = candidate.task ? await reconcilePair(gw, settings, crmTaskId, candidate, await records.get(crmTaskId)) : [];
				const mirrors = await pairComments.call(this, gw, settings, crmTaskId, candidate, watchedFrom);
				walked[index] = { items, mirrors };
			} catch (error) {
				walked[index] = { error };
			}
		});
	}
	await walks.finish();
	for (const [index, [crmTaskId, candidate]] of entries.entries()) {
		if (candidate.task) counts.pairs++;
		if (candidate.comments) counts.commentChecks++;
		if (candidate.retried) counts.retried++;
		const result = walked[index];
		if ('error' in result) {
			// One pair failing (a lockout, a deleted field, its CRM record refused in the batch) must not stop the others; the next runs retry it.
			counts.failed++;
			failures.push({ crmTaskId, error: (result.error as Error).message });
			const projects = candidate.projects?.link;
			nextRetry[crmTaskId] = { n: (candidate.retried ?? 0) + 1, i: candidate.initiator, ...(projects && { p: projects }), t: candidate.task, ...(candidate.comments && { c: candidate.comments }) };
			continue;
		}
		const { items, mirrors } = result;
		counts.commentsMirrored += mirrors.filter((i) => i.outlet === 'synced').length;
		for (const item of [...items, ...mirrors]) {
			if (item.outlet === 'synced') synced.push(item.json);
			if (item.outlet === 'rejected') rejected.push(item);
			if (item.outlet === 'failed') unwritten.push(item);
		}
		if (!candidate.task) continue;
		if (items.some((i) => i.outlet === 'synced')) counts.synced++;
		else if (!items.some((i) => i.outlet === 'rejected')) counts.skipped++;
		if (items.some((i) => i.outlet === 'rejected')) counts.rejected++;
	}
	const newest = Math.max(time(since), ...Object.values(listing.marks).map((m) => m.at));
	const cursor = new Date(newest).toISOString();
	const pending = bounded(nextRetry);
	if (keep) {
		state.reconcileCursor = cursor;
		state.reconcileMarks = listing.marks;
		state.reconcileRetry = pending;
		state.reconcileRuns = runs + 1;
		// `from` is set by the first run that checks comments: turned on later, the check does not reach back to the node's first run.
		if (turn) state.reconcileComments = { after: turn.after, from: watchedFrom };
	}
	const retryList = Object.entries(pending).map(([crmTaskId, entry]) => ({ crmTaskId, attempts: entry.n }));
	const summary: SyncItem = { outlet: 'synced', json: { operation: 'reconcile', since, cursor, counts, synced, failures, retry: retryList, fullSweep, commentRotation: turn?.report ?? null, dryRun: settings.dryRun } };
	// Failed pairs also go to the error output, so an error workflow hears of them (on every run they fail).
	const failed: SyncItem[] = failures.length
		? [{ outlet: 'failed', json: { error: `Reconcile: ${failures.length} of ${candidates.size} linked pairs failed`, message: failures.map((f) => `CRM task ${String(f.crmTaskId)}: ${String(f.error)}`).join('\n') } }]
		: [];
	return [summary, ...rejected, ...unwritten, ...failed];
}
