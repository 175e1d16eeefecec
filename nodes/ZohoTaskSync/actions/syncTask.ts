/**
 * Sync Task: a change on one side is merged with the other side against the stored base, checked by
 * the rules and applied as a minimal patch — Projects first, then CRM together with the new base, so
 * a run that dies midway is repaired by the next one.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { isThrottle, zohoErrorOf } from '../../shared/projects';
import { changedSinceBase, sideValues } from '../../shared/sync/engine';
import { crmEvidence } from '../../shared/sync/history';
import { canonicalCrm } from '../../shared/sync/fields';
import { composeLetter, type RefusalLinks } from '../../shared/sync/messages';
import type { SyncInput, SyncOutcome, SyncRefusal } from '../../shared/sync/engine';
import type { TaskLink } from '../../shared/sync/links';
import { serialiseState, stateDamage } from '../../shared/sync/state';
import type { FieldChange, Person, Side } from '../../shared/sync/types';
import { crmTaskFromRecord } from '../../shared/sync/views';
import { claimHolds, newClaim } from '../claim';
import { gateway, type Gateway, isStaleLook } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { badLink, decide, linkOf, pairInput, readAhead, taskUrls } from './pair';
import { linkedElsewhere } from './linkedElsewhere';
import { unlinkPair } from './unlink';
import { idParameter } from '../ids';
import { deliveredTask } from '../taskShape';

export { deliveredTask };

/** Zoho refused the write's content (HTTP 4xx other than a throttle or auth): nothing was written. */
function isRefusedWrite(error: unknown): boolean {
	const zoho = zohoErrorOf(error);
	return !!zoho && zoho.status >= 400 && zoho.status < 500 && zoho.status !== 401 && !isThrottle(zoho);
}

/**
 * The longest the sync writes over a Projects task after looking at it (Projects clock): older looks
 * are repeated first. The write's slot is reserved with the look, so only the decision's own reads
 * (rules, history) can make a look this old.
 */
const LOOK_LIMIT_MS = 10_000;
const MAX_RELOOKS = 2;

const skipped = (reason: string, json: IDataObject = {}): SyncItem[] => [{ outlet: 'skipped', json: { reason, ...json } }];

/** Fields a CRM notification may name that the sync itself writes: an event about only these is an echo. */
function onlySyncFields(affected: unknown, settings: SyncSettings): boolean {
	if (!Array.isArray(affected) || !affected.length) return false;
	const own = new Set([settings.fields.state, settings.fields.link, 'Modified_Time', 'Modified_By']);
	return affected.every((f) => own.has(String(f)));
}

/** Who deleted the Projects task, when the item is the Zoho Projects webhook trigger's `task.delete` event. */
function projectsDeleter(event: IDataObject): Person | null {
	if (event.event !== 'task.delete' || !event.modified_by_email) return null;
	return { email: String(event.modified_by_email), name: event.modified_by_name ? String(event.modified_by_name) : undefined };
}

export async function syncTask(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	try {
		return await syncEither.call(this, gw, settings, itemIndex);
	} finally {
		gw.releaseLooks();
	}
}

async function syncEither(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, itemIndex: number): Promise<SyncItem[]> {
	const source = this.getNodeParameter('source', itemIndex) as Side;
	if (source === 'crm') {
		const affected = this.getInputData()[itemIndex].json.affectedFields;
		const crmTaskId = idParameter.call(this, 'crmTaskId', itemIndex);
		if (onlySyncFields(affected, settings)) return skipped('syncStateOnly', { crmTaskId });
		return await syncFromCrm(gw, settings, crmTaskId, Array.isArray(affected) && affected.length > 0);
	}
	const portalId = idParameter.call(this, 'portalId', itemIndex);
	const projectId = idParameter.call(this, 'projectId', itemIndex);
	const taskId = idParameter.call(this, 'projectsTaskId', itemIndex);
	return await syncFromProjects.call(this, gw, settings, { portalId, projectId, taskId }, itemIndex);
}

/**
 * `notified`: a CRM notification named fields of the task (beyond the sync's own). With the values
 * as last synced, that is an echo of the sync's write, a duplicate — or a user's write back to the
 * synced value, which the task's timeline tells apart (CRM reads are cheap; Projects is not read).
 */
export async function syncFromCrm(gw: Gateway, settings: SyncSettings, crmTaskId: string, notified = false): Promise<SyncItem[]> {
	await gw.requireTaskFields();
	const crmRecord = await gw.crmTask(crmTaskId);
	if (!crmRecord) return skipped('crmTaskDeleted', { crmTaskId });
	const link = linkOf(crmRecord, settings);
	const damaged = badLink(crmRecord, settings);
	if (damaged) throw gw.damagedLink(crmTaskId, damaged);
	if (!link) return skipped('notLinked', { crmTaskId });
	// Nothing changed in CRM since the last sync: an echo of our own write, or a duplicate event.
	// Projects changes arrive through their own events, so Projects is not even read.
	const crmValues = canonicalCrm(crmTaskFromRecord(crmRecord), settings.config);
	const state = pairInput(crmRecord, { id: link.taskId, name: '' }, link, 'crm', settings).state;
	if (state) {
		const ids = { crmTaskId, projectsTaskId: link.taskId };
		if (!changedSinceBase('crm', crmValues, state, settings.config).length) {
			if (!notified) return skipped('unchanged', ids);
			const timeline = await gw.crmTimeline(crmTaskId);
			if (!timeline || !Object.keys(crmEvidence(timeline, settings.fields.state, settings.config, state.at)).length) return skipped('unchanged', ids);
		}
	}
	const lastSeen = gw.lastSeenTask(link);
	if (lastSeen) await readAhead(gw, settings, crmRecord, lastSeen, link);
	// A CRM change: what this process saw of the Projects task moments ago serves as the look (never older than the last sync).
	const projectsJson = await gw.projectsTask(link.portalId, link.projectId, link.taskId, true, { notBefore: state?.pm });
	if (!projectsJson) return await unlinkMissing(gw, settings, crmRecord, link);
	return (await linkedElsewhere(gw, settings, crmRecord, projectsJson, link)) ?? (await apply(gw, settings, crmRecord, projectsJson, link, 'crm'));
}

async function syncFromProjects(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, link: TaskLink, itemIndex: number, useItem = true): Promise<SyncItem[]> {
	if (!link.portalId || !link.projectId || !link.taskId) {
		throw new NodeOperationError(this.getNode(), 'Portal ID, Project ID and Projects Task ID are all needed to sync from Zoho Projects', { itemIndex });
	}
	const delivered = useItem ? deliveredTask(this.getInputData()[itemIndex].json, link.taskId, settings) : null;
	// A task the trigger delivered is used as read (0 Projects calls); its age is unknown, so a Projects
	// write the decision may still make is preceded by a fresh look (see apply).
	if (delivered) gw.noteLook(link.taskId, -Infinity);
	const projectsJson = delivered ?? (await gw.projectsTask(link.portalId, link.projectId, link.taskId, true));
	await gw.requireTaskFields();
	if (!projectsJson) {
		// The task is gone, and with it the CRM id it held: the CRM task that links to it is searched.
		const linked = await gw.crmTaskByLink(link);
		if (!linked) return skipped('projectsTaskDeleted', { projectsTaskId: link.taskId });
		return await unlinkPair(gw, settings, { side: 'crm', record: linked, link }, projectsDeleter(this.getInputData()[itemIndex].json));
	}
	const crmTaskId = projectsJson[settings.fields.projectsCrmId];
	if (!crmTaskId) {
		await gw.requireProjectsField(link.portalId);
		return skipped('notLinked', { projectsTaskId: link.taskId });
	}
	const crmRecord = await gw.crmTask(String(crmTaskId));
	if (!crmRecord) return await unlinkPair(gw, settings, { side: 'projects', task: projectsJson, link, crmTaskId: String(crmTaskId) });
	const stored = linkOf(crmRecord, settings);
	if (!stored || stored.taskId !== link.taskId) return skipped('linkMismatch', { projectsTaskId: link.taskId, crmTaskId: String(crmTaskId) });
	const input = pairInput(crmRecord, projectsJson, link, 'projects', settings);
	// A delivered task older than the last sync predates what the sync wrote since (a CRM edit carried
	// over, say): decided on, it would carry old values back over newer ones. Read the task instead.
	if (delivered && !(Date.parse(input.projects.lastModified) >= Date.parse(input.state?.pm ?? ''))) {
		return await syncFromProjects.call(this, gw, settings, link, itemIndex, false);
	}
	const values = sideValues(input);
	if (input.state && !changedSinceBase('projects', values.projects, input.state, settings.config).length) {
		if (!changedSinceBase('crm', values.crm, input.state, settings.config).length) return skipped('unchanged', { crmTaskId: String(crmTaskId), projectsTaskId: link.taskId });
	}
	return await apply(gw, settings, crmRecord, projectsJson, link, 'projects');
}

/** The Projects task the CRM task links to is not where the link says: deleted, unless another project holds it. */
export async function unlinkMissing(gw: Gateway, settings: SyncSettings, crmRecord: IDataObject, link: TaskLink): Promise<SyncItem[]> {
	const actual = await gw.projectHolding(link);
	if (actual) throw gw.misplacedLink(String(crmRecord.id), link, actual);
	return await unlinkPair(gw, settings, { side: 'crm', record: crmRecord, link });
}

/** Extra fields written with the pair's own patches (linking a new pair writes its link fields). */
export interface LinkWrites {
	crm?: IDataObject;
	projects?: IDataObject;
}

export async function apply(
	gw: Gateway,
	settings: SyncSettings,
	crmRecord: IDataObject,
	projectsJson: IDataObject,
	link: TaskLink,
	initiator: Side,
	extra: LinkWrites = {},
	relooks = 0,
): Promise<SyncItem[]> {
	const damage = stateDamage(crmRecord[settings.fields.state]);
	if (damage) throw gw.damagedState(String(crmRecord.id), damage);
	const given = pairInput(crmRecord, projectsJson, link, initiator, settings);
	let { input, outcome } = await decide(gw, settings, given, link, new Date().toISOString());
	const patchesProjects = Object.keys(outcome.projectsPatch).length > 0;
	// The look is old (the decision waited for other reads): look again right before writing, and decide
	// again if a user wrote the task meanwhile — their edit is merged, never overwritten.
	const old = patchesProjects && (gw.lookAge(link.taskId) ?? 0) > LOOK_LIMIT_MS;
	// A look the feed served from the listings' silence shows a task deleted since as it was; only a write
	// to it (answered 404) would tell. Without one — nothing to write there, or a dry run — the task is read.
	const unconfirmed = gw.lookUnseen(link.taskId) && (!patchesProjects || settings.dryRun);
	if ((old || unconfirmed) && relooks < MAX_RELOOKS) {
		const notBefore = String(projectsJson.last_modified_time ?? '');
		const fresh = await gw.projectsTask(link.portalId, link.projectId, link.taskId, true, unconfirmed ? undefined : { notBefore });
		if (!fresh) return await unlinkMissing(gw, settings, crmRecord, link);
		if (String(fresh.last_modified_time) !== notBefore) return await apply(gw, settings, crmRecord, fresh, link, initiator, extra, relooks + 1);
	}
	const crmTaskId = input.crm.id;
	const urls = taskUrls(settings, crmTaskId, link);
	let duplicate = false;
	try {
		if (!settings.dryRun) ({ input, outcome, duplicate } = await write(gw, settings, input, outcome, link, extra));
	} catch (error) {
		if (!isStaleLook(error) || relooks >= MAX_RELOOKS) throw gw.nodeError(error);
		// Nothing was written: the task is read (not taken from the feed again) and the pair decided on what it shows.
		gw.releaseLook(link.taskId);
		const read = await gw.projectsTask(link.portalId, link.projectId, link.taskId, true);
		if (!read) return await unlinkMissing(gw, settings, crmRecord, link);
		return await apply(gw, settings, crmRecord, read, link, initiator, extra, relooks + 1);
	} finally {
		gw.releaseLook(link.taskId);
	}
	const written = { projects: Object.keys(outcome.projectsPatch), crm: Object.keys(outcome.crmPatch) };
	const items: SyncItem[] = [];
	const pair = { crmTaskId, projectsTaskId: link.taskId, projectId: link.projectId, portalId: link.portalId, dryRun: settings.dryRun };
	if (outcome.applied.length) {
		items.push({
			outlet: 'synced',
			json: {
				...pair,
				direction: initiator === 'crm' ? 'crmToProjects' : 'projectsToCrm',
				changes: outcome.applied.map((c) => ({ field: c.field, to: c.to, value: c.value, previous: c.previous, kind: c.kind })),
				written,
				links: urls,
			},
		});
	}
	const task = input.crm.subject || input.projects.name;
	for (const refusal of outcome.refusals) items.push(rejectedItem(refusal, task, urls, settings, pair));
	for (const { change, message } of outcome.failed) items.push(failedItem(change, message, crmTaskId));
	if (!items.length) {
		const reason = duplicate ? 'reportedByTwin' : outcome.settled.length ? 'alreadyRejected' : outcome.held.length ? 'directionHeld' : outcome.state ? 'baseRepaired' : 'unchanged';
		items.push({ outlet: 'skipped', json: { ...pair, reason, held: outcome.held, settled: outcome.settled, written } });
	}
	return items;
}

/** A field that could not be written: on the error output, naming the field, the value and what to do. */
function failedItem(change: FieldChange, message: string, crmTaskId: string): SyncItem {
	return {
		outlet: 'failed',
		json: {
			error: `The ${change.field} of CRM task ${crmTaskId} was not synced to Zoho ${change.to === 'crm' ? 'CRM' : 'Projects'}: ${message}`,
			message: `Value ${JSON.stringify(change.value)}. The other fields were synced; fix the value (or the setting it needs) and the next sync of this task carries it.`,
		},
	};
}

interface Written {
	input: SyncInput;
	outcome: SyncOutcome;
	/** A concurrent execution of the same event reports these refusals. */
	duplicate: boolean;
}

/** Projects first, then CRM with the new base; returns the outcome that was written. */
async function write(gw: Gateway, settings: SyncSettings, decidedInput: SyncInput, decided: SyncOutcome, link: TaskLink, extra: LinkWrites): Promise<Written> {
	let input = decidedInput;
	let outcome = decided;
	let projectsAfter: IDataObject | undefined;
	const writeProjects = async () => {
		const body = { ...(outcome.projectsPatch as IDataObject), ...extra.projects };
		if (Object.keys(body).length) projectsAfter = await gw.writeProjectsTask(link.portalId, link.projectId, link.taskId, body);
	};
	await requireStateFits(gw, settings, input, outcome);
	try {
		await writeProjects();
	} catch (error) {
		if (!(outcome.storedStatusUsed || gw.servedKept()) || !isRefusedWrite(error)) throw gw.nodeError(error);
		// Zoho refused a write built on what was kept — a status in the sync state, or a look-up from an
		// earlier execution (a status deleted in Projects since, say): nothing was written, so read
		// those again and retry once.
		gw.refreshLookups();
		const fresh = { ...input, state: input.state && { ...input.state, statuses: undefined } };
		({ input, outcome } = await decide(gw, settings, fresh, link, new Date().toISOString()));
		await writeProjects();
	}
	const claim = outcome.refusals.length ? newClaim() : undefined;
	if (Object.keys(outcome.crmPatch).length || outcome.state || extra.crm) {
		const record: IDataObject = { id: input.crm.id, ...(outcome.crmPatch as IDataObject), ...extra.crm };
		if (outcome.state) {
			// The Projects task's modified time now: a later one means a user wrote Projects after this sync.
			const pm = String(projectsAfter?.last_modified_time ?? '') || input.projects.lastModified || outcome.state.pm;
			record[settings.fields.state] = serialiseState({ ...outcome.state, pm, r: claim ?? outcome.state.r });
		}
		await gw.writePairCrm(record);
	}
	if (claim && !(await claimHolds(gw, input.crm.id, settings.fields.state, claim))) {
		return { input, outcome: { ...outcome, refusals: [] }, duplicate: true };
	}
	return { input, outcome, duplicate: false };
}

/**
 * The state this sync will write must fit its CRM field, or the Projects write would succeed and the CRM
 * one fail, leaving the pair stuck: refused before anything is written, naming the longest value.
 */
async function requireStateFits(gw: Gateway, settings: SyncSettings, input: SyncInput, outcome: SyncOutcome): Promise<void> {
	if (!outcome.state) return;
	const limit = (await gw.crmFieldLength(settings.fields.state)) ?? STATE_FIELD_LENGTH;
	// The modified time and the report claim are added at the write: room is kept for both.
	const size = serialiseState({ ...outcome.state, pm: input.projects.lastModified || outcome.state.pm }).length + STATE_MARGIN;
	if (size <= limit) return;
	const [field, value] = Object.entries(outcome.state.base).reduce<[string, string]>(
		(longest, [key, v]) => (typeof v === 'string' && v.length > longest[1].length ? [key, v] : longest),
		['', ''],
	);
	throw gw.fail(
		`The values to keep for CRM task ${input.crm.id} need about ${size} characters; its field ${settings.fields.state} holds ${limit}. Nothing was written`,
		`The sync keeps the values it last synced in that field. The longest is the ${field} (${value.length} characters): shorten it on either side and the next sync carries it.`,
	);
}

/** Zoho CRM's Multi-Line (Large) field length, when the field metadata does not say. */
const STATE_FIELD_LENGTH = 32_000;
const STATE_MARGIN = 100;

/** A Rejected item: what was refused and why, for whom, with the ready e-mail in both languages. */
export function rejectedItem(refusal: SyncRefusal, task: string, urls: RefusalLinks, settings: SyncSettings, ids: IDataObject): SyncItem {
	const letter = composeLetter(refusal, task, urls, settings.language);
	return {
		outlet: 'rejected',
		json: {
			...ids,
			rule: refusal.rule,
			field: refusal.field,
			attempted: refusal.change.value,
			kept: refusal.kept,
			from: refusal.change.from,
			reverted: refusal.reverted,
			facts: refusal.facts,
			recipient: refusal.recipient.email,
			recipientName: refusal.recipient.name ?? '',
			language: settings.language,
			subject: letter.subject,
			body: letter.body,
			ja: composeLetter(refusal, task, urls, 'ja'),
			en: composeLetter(refusal, task, urls, 'en'),
			links: urls,
		},
	};
}
