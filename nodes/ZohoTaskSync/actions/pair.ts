/**
 * One linked pair, read and decided: the CRM task (which holds the link and the sync state) and its
 * Projects counterpart, then the engine's plan with only the context its rules ask for.
 */
import type { IDataObject } from 'n8n-workflow';

import { authorNeeds, finishSync, historyNeeds, moreNeeds, planSync, type History, type SyncInput, type SyncOutcome } from '../../shared/sync/engine';
import { crmEvidence, projectsEvidence } from '../../shared/sync/history';
import { parseTaskLink, type TaskLink } from '../../shared/sync/links';
import { parseState } from '../../shared/sync/state';
import { calendarDate } from '../../shared/sync/dates';
import type { Need } from '../../shared/sync/rules';
import type { Evidence, Side, SyncContext } from '../../shared/sync/types';
import { crmTaskFromRecord, projectsTaskFromJson } from '../../shared/sync/views';
import type { Gateway } from '../gateway';
import type { SyncSettings } from '../settings';

export interface Pair {
	crmRecord: IDataObject;
	projectsJson: IDataObject;
	link: TaskLink;
	input: SyncInput;
}

export function pairInput(crmRecord: IDataObject, projectsJson: IDataObject, link: TaskLink, initiator: Side, settings: SyncSettings): SyncInput {
	return {
		crm: crmTaskFromRecord(crmRecord),
		projects: projectsTaskFromJson(projectsJson, link.portalId, link.projectId),
		state: parseState(crmRecord[settings.fields.state]),
		initiator,
		config: settings.config,
	};
}

/** The link field's value when it holds something, but not `portal:project:task` (hand-edited, cut short, junk after an id). */
export function badLink(crmRecord: IDataObject, settings: SyncSettings): string | null {
	const raw = crmRecord[settings.fields.link];
	if (raw === null || raw === undefined || String(raw).trim() === '') return null;
	return parseTaskLink(raw) ? null : String(raw);
}

export function linkOf(crmRecord: IDataObject, settings: SyncSettings): TaskLink | null {
	return parseTaskLink(crmRecord[settings.fields.link]);
}

/** Read these needs into `context`; every read is memoised per execution. */
async function fetchInto(context: SyncContext, gw: Gateway, needs: Iterable<Need>, link: TaskLink, parentTaskId: string | null): Promise<void> {
	const { portalId, projectId } = link;
	for (const need of needs) {
		if (need === 'project') context.project = await gw.project(portalId, projectId);
		if (need === 'statuses') context.statuses = await gw.statuses(portalId, projectId);
		if (need === 'crmUsers') context.crmUsers = await gw.crmUsers();
		if (need === 'projectsUsers') context.projectsUsers = await gw.projectsUsers(portalId);
		if (need === 'projectMembers') context.projectMembers = await gw.projectMembers(portalId, projectId);
		if (need === 'parent' && parentTaskId) {
			const parent = await gw.parentTask(portalId, projectId, parentTaskId);
			const status = parent?.status as IDataObject | undefined;
			if (parent) context.parent = { id: String(parent.id), name: String(parent.name ?? ''), closed: status?.is_closed_type === true };
		}
	}
}

/**
 * Fetch what the rules and patches ask for, round by round until nothing more is asked: an answer
 * can call for one more read (an owner who is not among the project's members → the portal's users).
 */
export async function gatherContext(
	gw: Gateway,
	link: TaskLink,
	parentTaskId: string | null,
	first: Iterable<Need>,
	next: (context: SyncContext) => Iterable<Need>,
): Promise<SyncContext> {
	const context: SyncContext = {};
	const done = new Set<Need>();
	let pending = [...first];
	while (pending.length) {
		await fetchInto(context, gw, pending, link, parentTaskId);
		pending.forEach((n) => done.add(n));
		pending = [...next(context)].filter((n) => !done.has(n));
	}
	return context;
}

/** Read the histories the plan asks for, as evidence of who wrote which field since the last sync. */
export async function readEvidence(gw: Gateway, settings: SyncSettings, input: SyncInput, link: TaskLink, needs: Set<History>): Promise<Pick<SyncInput, 'evidence' | 'apiUserEmail'>> {
	const evidence: Evidence = { ...input.evidence };
	// Projects activity names people by e-mail: the sync's own entries are told apart by its user's.
	const apiUserEmail = input.apiUserEmail ?? (needs.has('projectsHistory') ? ((await gw.apiUser())?.email ?? undefined) : undefined);
	if (needs.has('crmHistory')) {
		const timeline = await gw.crmTimeline(input.crm.id);
		if (timeline) evidence.crm = crmEvidence(timeline, settings.fields.state, settings.config, input.state?.at);
	}
	if (needs.has('projectsHistory') && input.state?.pm) {
		const activity = await gw.projectsActivity(link);
		if (activity) evidence.projects = projectsEvidence(activity, input.state.pm, apiUserEmail, settings.config);
	}
	return { evidence, apiUserEmail };
}

/**
 * Decide a pair: plan; where a side's history can change the plan (a write back to the last synced
 * value, which side wrote a conflicting field last, who wrote a refused one), read it and plan
 * again; fetch only what the rules need; finish.
 */
export async function decide(gw: Gateway, settings: SyncSettings, given: SyncInput, link: TaskLink, now: string): Promise<{ input: SyncInput; outcome: SyncOutcome }> {
	let input = given;
	const run = async (): Promise<SyncOutcome> => {
		const plan = planSync(input);
		const context = await gatherContext(gw, link, input.projects.parentTaskId, plan.needs, (known) => moreNeeds(input, plan, known));
		return finishSync(input, plan, context, now);
	};
	const history = historyNeeds(input, planSync(input));
	if (history.size) input = { ...input, ...(await readEvidence(gw, settings, input, link, history)) };
	let outcome = await run();
	if (outcome.refusals.length && gw.servedKept()) {
		// A refusal must not rest on a project, member list or status kept from an earlier execution.
		gw.refreshLookups();
		outcome = await run();
	}
	const authors = authorNeeds(input, outcome);
	if (authors.size) {
		input = { ...input, ...(await readEvidence(gw, settings, input, link, authors)) };
		outcome = await run();
	}
	if (!outcome.refusals.length || input.apiUserEmail) return { input, outcome };
	// A refusal is never sent to the sync's own user: learn who that is, and name the recipient again.
	input = { ...input, apiUserEmail: (await gw.apiUser())?.email ?? undefined };
	return { input, outcome: await run() };
}

/**
 * Read ahead what deciding this pair will likely ask for (the project, its members, statuses), on the
 * Projects task as last seen: kept for the decision (remember.ts, the execution's memo), so the look
 * made next is followed by its write at once instead of by these reads queued for budget.
 */
export async function readAhead(gw: Gateway, settings: SyncSettings, crmRecord: IDataObject, lastSeen: IDataObject, link: TaskLink): Promise<void> {
	const input = pairInput(crmRecord, lastSeen, link, 'crm', settings);
	const plan = planSync(input);
	await gatherContext(gw, link, input.projects.parentTaskId, plan.needs, (known) => moreNeeds(input, plan, known));
}

/** Links to both tasks for people (e-mails, output items). */
export function taskUrls(settings: SyncSettings, crmTaskId: string, link: TaskLink): { crm: string; projects: string } {
	return {
		crm: `${settings.crmWebUrl}/tab/Tasks/${crmTaskId}`,
		projects: `${settings.projectsWebUrl}/portal/${link.portalId}#taskdetail/${link.projectId}/${link.taskId}`,
	};
}

export const today = (value: string | null | undefined) => calendarDate(value);
