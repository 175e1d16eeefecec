/**
 * The oracle: judges one seed's run against the documented policy from the journal of user writes
 * and the simulator's final state. Every check is a count; none is a wall-clock time.
 */
import type { IDataObject } from 'n8n-workflow';

import { API_USER, FIELDS as LINK_FIELDS } from '../../test/zoho-sim/seed-data';
import { isSyncWrite, type SeedRun } from './driver';
import { expect, type Expectation, type RuleCode } from './model';
import { crmValues, projectsValues, show } from './values';
import type { Execution, Field, Pair, Write } from './types';
import { FIELDS, SIDES, otherSide } from './types';

export interface Violation {
	kind: string;
	pair?: number;
	field?: Field;
	detail: string;
	history?: string[];
}

export interface Metrics {
	seed: number;
	pairs: number;
	edits: number;
	conflicts: number;
	refusalsExpected: number;
	refusalsReported: number;
	wrongRecipient: number;
	duplicateReports: number;
	unexpectedReports: number;
	commentsExpected: number;
	commentsMirrored: number;
	commentsDuplicated: number;
	commentsMirroredBack: number;
	deletes: number;
	failuresSurfaced: number;
	zohoFaults: number;
	droppedEvents: number;
	writes: number;
	writeBound: number;
	writesAfterConvergence: number;
	fieldsConverged: number;
	fieldsTotal: number;
	lostUpdates: number;
	violations: number;
}

interface Report {
	item: IDataObject;
	execution: Execution;
}

class Judge {
	readonly violations: Violation[] = [];
	private readonly byPair = new Map<string, Pair>();

	constructor(readonly run: SeedRun) {
		for (const p of run.world.pairs) this.byPair.set(p.crmId, p);
	}

	at(time: number): string {
		return `t+${Math.round((time - this.run.startTime) / 1000)}s`;
	}

	flag(v: Violation): void {
		this.violations.push(v);
	}

	writesOf(pair: number, field: Field): Write[] {
		return this.run.journal.writes.filter((w) => w.pair === pair && w.field === field);
	}

	history(pair: Pair, field: Field, refused: Map<number, RuleCode>, reports: Report[]): string[] {
		const lines = this.writesOf(pair.index, field).map((w) => {
			const rule = refused.get(w.seq);
			const typed = w.raw !== w.value ? ` (typed ${JSON.stringify(w.raw)})` : '';
			return `${this.at(w.time)} ${w.side} ${w.author.key}: ${show(field, w.value)}${typed}; ${otherSide(w.side)} had ${show(field, w.otherHad ?? null)}${rule ? ` — refusable: ${rule}` : ''}`;
		});
		for (const r of reports) {
			lines.push(`${this.at(r.execution.time)} Rejected ${String(r.item.rule)} attempted ${JSON.stringify(r.item.attempted)} from ${String(r.item.from)} → ${String(r.item.recipient)} (${r.execution.kind})`);
		}
		return [`initial: ${show(field, pair.initial[field])}`, ...lines];
	}
}

/** What the run exercised: refused writes per rule (all, and those that were the field's last write). */
export interface Coverage {
	refusedByRule: Record<string, number>;
	lastWriteRefusedByRule: Record<string, number>;
}

export function judge(run: SeedRun): { metrics: Metrics; violations: Violation[]; coverage: Coverage } {
	const j = new Judge(run);
	const { world, journal, executions } = run;
	const sim = world.sim;
	const reports = executions.rejected().filter((r) => r.execution.phase !== 'prime');
	const reportsOf = (pair: Pair) => reports.filter((r) => String(r.item.crmTaskId ?? '') === pair.crmId);
	const m: Metrics = {
		seed: run.options.seed, pairs: world.pairs.length, edits: journal.writes.length, conflicts: 0, refusalsExpected: 0, refusalsReported: 0,
		wrongRecipient: 0, duplicateReports: 0, unexpectedReports: 0, commentsExpected: 0, commentsMirrored: 0, commentsDuplicated: 0,
		commentsMirroredBack: 0, deletes: 0, failuresSurfaced: 0, zohoFaults: run.faultsInjected.length,
		droppedEvents: run.callbacks.stats.dropped + run.batches.dropped, writes: 0, writeBound: 0, writesAfterConvergence: 0,
		fieldsConverged: 0, fieldsTotal: 0, lostUpdates: 0, violations: 0,
	};

	// Conflicts: one field written on both sides within one poll round (between two syncs).
	const rounds = new Map<string, Set<string>>();
	for (const w of journal.writes) {
		const key = `${w.pair}|${w.field}|${w.round}`;
		rounds.set(key, (rounds.get(key) ?? new Set()).add(w.side));
	}
	m.conflicts = [...rounds.values()].filter((s) => s.size === 2).length;

	const coverage: Coverage = { refusedByRule: {}, lastWriteRefusedByRule: {} };
	const tally = (into: Record<string, number>, rule: string) => (into[rule] = (into[rule] ?? 0) + 1);
	for (const pair of world.pairs) {
		for (const field of FIELDS) {
			const e = expect(world, pair, field, j.writesOf(pair.index, field));
			for (const rule of e.refusable.values()) tally(coverage.refusedByRule, rule);
			if (e.lastRefused && !pair.deleted) tally(coverage.lastWriteRefusedByRule, e.lastRefused);
		}
	}

	const claimed = new Set<Report>();
	for (const pair of world.pairs) {
		const pairReports = reportsOf(pair);
		if (pair.deleted) {
			checkDelete(j, m, pair, pairReports, claimed);
			// Refusals reported before the delete are judged as usual; none is required any more.
			for (const field of FIELDS) {
				const writes = j.writesOf(pair.index, field);
				const fieldReports = pairReports.filter((r) => r.item.field === field && r.item.rule !== 'COUNTERPART_DELETED');
				checkRefusals(j, m, pair, field, writes, { ...expect(world, pair, field, writes), last: undefined, lastRefused: undefined }, fieldReports, claimed);
			}
			continue;
		}
		const crm = crmValues(sim, pair.crmId);
		const projects = projectsValues(sim, pair.zpId);
		if (!crm || !projects) {
			j.flag({ kind: 'task deleted by the sync', pair: pair.index, detail: `nobody deleted it, yet the ${crm ? 'Projects' : 'CRM'} task is gone` });
			continue;
		}
		for (const field of FIELDS) {
			const writes = j.writesOf(pair.index, field);
			const e = expect(world, pair, field, writes);
			const fieldReports = pairReports.filter((r) => r.item.field === field && r.item.rule !== 'COUNTERPART_DELETED');
			m.fieldsTotal++;
			const agree = crm[field] === projects[field] || (field === 'owner' && projects.owner === null);
			const asExpected = crm[field] === e.crm && projects[field] === e.projects;
			if (agree || (e.mayDiffer && asExpected)) m.fieldsConverged++;
			if (!asExpected) {
				m.lostUpdates++;
				j.flag({
					kind: agree ? 'lost update' : 'diverged',
					pair: pair.index,
					field,
					detail: `expected CRM ${show(field, e.crm)} / Projects ${show(field, e.projects)}, found CRM ${show(field, crm[field])} / Projects ${show(field, projects[field])}`,
					history: j.history(pair, field, e.refusable, fieldReports),
				});
			}
			checkRefusals(j, m, pair, field, writes, e, fieldReports, claimed);
			// Ping-pong: each user write changes each side at most once; one change of slack.
			for (const side of SIDES) {
				const changes = run.observer.changesOf(pair.index, side, field);
				if (changes > writes.length + 1) {
					j.flag({ kind: 'ping-pong', pair: pair.index, field, detail: `${side} changed ${changes} times for ${writes.length} user writes`, history: j.history(pair, field, e.refusable, fieldReports) });
				}
			}
		}
	}
	for (const r of reports) {
		if (claimed.has(r)) continue;
		m.unexpectedReports++;
		const pair = j.run.world.pairs.find((p) => p.crmId === String(r.item.crmTaskId ?? ''));
		j.flag({
			kind: 'unexpected refusal',
			pair: pair?.index,
			field: FIELDS.find((f) => f === r.item.field),
			detail: `${String(r.item.rule)} on ${String(r.item.field)}: attempted ${JSON.stringify(r.item.attempted)} from ${String(r.item.from)} → ${String(r.item.recipient)} (${r.execution.kind}, ${r.execution.phase}); no refused user write matches`,
			history: pair && FIELDS.includes(r.item.field as Field) ? j.history(pair, r.item.field as Field, new Map(), []) : undefined,
		});
	}
	checkComments(j, m);
	checkExecutions(j, m);
	checkWrites(j, m);
	m.violations = j.violations.length;
	return { metrics: m, violations: j.violations, coverage };
}

/**
 * Every refused last write reported exactly once, to its author. A superseded write whose value a
 * rule refuses may have been reported (the sync saw it before it was superseded): at most once, to
 * its author. A report of a last write that was in fact applied is wrong.
 */
function checkRefusals(j: Judge, m: Metrics, pair: Pair, field: Field, writes: Write[], e: Expectation, reports: Report[], claimed: Set<Report>): void {
	const { refusable, last } = e;
	const counts = new Map<number, number>();
	const history = () => j.history(pair, field, refusable, reports);
	for (const r of reports) {
		// The write this report is about: the latest refusable write of this value from that side, made before the report.
		const candidates = writes.filter((w) => refusable.has(w.seq) && w.side === r.item.from && w.value === (r.item.attempted ?? null) && w.time <= r.execution.time);
		const w = candidates[candidates.length - 1];
		if (!w) continue;
		claimed.add(r);
		counts.set(w.seq, (counts.get(w.seq) ?? 0) + 1);
		if (r.item.rule !== refusable.get(w.seq)) {
			j.flag({ kind: 'wrong rule', pair: pair.index, field, detail: `reported ${String(r.item.rule)}, the rule that applies is ${refusable.get(w.seq)}`, history: history() });
		}
		if (r.item.recipient !== w.author.email) {
			m.wrongRecipient++;
			j.flag({ kind: 'wrong recipient', pair: pair.index, field, detail: `refusal of ${w.author.key}'s write sent to ${String(r.item.recipient)}, not ${w.author.email}`, history: history() });
		}
	}
	for (const [seq, n] of counts) {
		if (n <= 1) continue;
		m.duplicateReports += n - 1;
		j.flag({ kind: 'duplicate refusal', pair: pair.index, field, detail: `write #${seq} reported ${n} times`, history: history() });
	}
	if (!last) return;
	if (e.lastRefused) {
		m.refusalsExpected++;
		if (counts.get(last.seq)) m.refusalsReported++;
		else j.flag({ kind: 'refusal not reported', pair: pair.index, field, detail: `${e.lastRefused} of ${last.author.key}'s write ${show(field, last.value)} never came out on Rejected`, history: history() });
	} else if (counts.get(last.seq)) {
		j.flag({ kind: 'applied write reported as refused', pair: pair.index, field, detail: `${last.author.key}'s write ${show(field, last.value)} needed no carrying or was carried, yet was reported refused`, history: history() });
	}
}

/**
 * Whom a delete's report must reach (DESIGN §5: the deleter where known, else the survivor's owner;
 * never the sync's own user, who has no fallback address in the templates). CRM names the deleter in
 * its deleted-records list. A polled Projects delete names nobody: the task is just gone from the
 * listing, and Zoho answers a trashed task's activity like any other trashed-task read (404), so
 * the survivor's owner is the right recipient there, not a lenient one.
 */
function deleteRecipient(j: Judge, pair: Pair): string | null {
	const gone = pair.deleted!;
	const api = API_USER.email;
	if (gone.side === 'crm' && gone.by.email !== api) return gone.by.email;
	const sim = j.run.world.sim;
	let owner: string | undefined;
	if (gone.side === 'crm') {
		const zpuid = sim.projects.store.liveTask(pair.zpId)?.ownerZpuids[0];
		owner = zpuid ? sim.projects.store.users.get(zpuid)?.email : undefined;
	} else {
		const ownerId = (sim.crm.store.get('Tasks', pair.crmId)?.Owner as { id?: string } | undefined)?.id;
		owner = ownerId ? sim.crm.users.ref(ownerId).email : undefined;
	}
	return owner && owner !== api ? owner : null;
}

/** The survivor stays, unlinked; one COUNTERPART_DELETED report, to the person who deleted where Zoho says who. */
function checkDelete(j: Judge, m: Metrics, pair: Pair, reports: Report[], claimed: Set<Report>): void {
	const gone = pair.deleted!;
	m.deletes++;
	const sim = j.run.world.sim;
	const survivorSide = gone.side === 'crm' ? 'Projects' : 'CRM';
	const where = `${gone.side} task deleted by ${gone.by.key}`;
	if (gone.side === 'crm') {
		const task = sim.projects.store.liveTask(pair.zpId);
		if (!task) j.flag({ kind: 'survivor deleted', pair: pair.index, detail: `${where}; the Projects task is gone too` });
		else if (task.custom[LINK_FIELDS.projectsCrmTaskId]) j.flag({ kind: 'survivor still linked', pair: pair.index, detail: `${where}; the Projects task still holds CRM Task ID ${task.custom[LINK_FIELDS.projectsCrmTaskId]}` });
	} else {
		const record = sim.crm.store.get('Tasks', pair.crmId);
		if (!record) j.flag({ kind: 'survivor deleted', pair: pair.index, detail: `${where}; the CRM task is gone too` });
		else if (record[LINK_FIELDS.taskLink]) j.flag({ kind: 'survivor still linked', pair: pair.index, detail: `${where}; the CRM task still links ${String(record[LINK_FIELDS.taskLink])}` });
	}
	const own = reports.filter((r) => r.item.rule === 'COUNTERPART_DELETED');
	own.forEach((r) => claimed.add(r));
	if (!own.length) j.flag({ kind: 'delete not reported', pair: pair.index, detail: `${where}; no COUNTERPART_DELETED on Rejected (survivor: ${survivorSide})` });
	if (own.length > 1) {
		m.duplicateReports += own.length - 1;
		j.flag({ kind: 'duplicate refusal', pair: pair.index, detail: `${where}; COUNTERPART_DELETED reported ${own.length} times` });
	}
	const expected = deleteRecipient(j, pair);
	for (const r of own) {
		if ((r.item.recipient ?? null) === expected) continue;
		m.wrongRecipient++;
		j.flag({ kind: 'wrong recipient', pair: pair.index, detail: `${where}; COUNTERPART_DELETED sent to ${String(r.item.recipient)}, not ${String(expected)}` });
	}
}

const TAG = /\[zts:(crm|projects):(\w+)\]/;

/** Each user note/comment on a live pair mirrored exactly once to the other side; mirrors never mirrored back. */
function checkComments(j: Judge, m: Metrics): void {
	const sim = j.run.world.sim;
	const notes = sim.crm.store.all('Notes').map((n) => ({ id: String(n.id), parent: String((n.Parent_Id as { id?: string } | undefined)?.id ?? ''), text: String(n.Note_Content ?? '') }));
	const comments = [...sim.projects.store.comments.values()].map((c) => ({ id: c.id, parent: c.taskId, text: c.comment }));
	const noteById = new Map(notes.map((n) => [n.id, n]));
	const commentById = new Map(comments.map((c) => [c.id, c]));
	for (const c of j.run.journal.comments) {
		const pair = j.run.world.pairs[c.pair];
		if (pair.deleted) continue;
		m.commentsExpected++;
		const tag = `[zts:${c.side}:${c.id}]`;
		const mirrors = (c.side === 'crm' ? comments.filter((x) => x.parent === pair.zpId) : notes.filter((x) => x.parent === pair.crmId)).filter((x) => x.text.includes(tag));
		if (mirrors.length) m.commentsMirrored++;
		if (mirrors.length > 1) m.commentsDuplicated++;
		if (mirrors.length !== 1) {
			const dropped = j.run.droppedIds.has(c.id) ? ' (its polled event was dropped: only Reconcile could heal it)' : '';
			j.flag({ kind: mirrors.length ? 'comment duplicated' : 'comment not mirrored', pair: pair.index, detail: `${c.side} ${c.side === 'crm' ? 'note' : 'comment'} ${c.id} by ${c.author.key} at ${j.at(c.time)}: ${mirrors.length} mirrors on the other side${dropped}` });
		}
	}
	// A mirror of a mirror: the tag names a note/comment that is itself tagged.
	for (const x of [...notes, ...comments]) {
		const tag = TAG.exec(x.text);
		if (!tag) continue;
		const source = tag[1] === 'crm' ? noteById.get(tag[2]) : commentById.get(tag[2]);
		if (source && TAG.test(source.text)) {
			m.commentsMirroredBack++;
			j.flag({ kind: 'comment mirrored back', detail: `${x.id} mirrors ${tag[1]} ${tag[2]}, which is itself a mirror` });
		}
	}
}

/** Every execution answered each input item on some output; failures came out on the error output. */
function checkExecutions(j: Judge, m: Metrics): void {
	for (const e of j.run.executions.list) {
		if (e.phase === 'prime') continue;
		m.failuresSurfaced += e.errors.length;
		if (e.failure) j.flag({ kind: 'execution failed outside the error output', detail: `${e.kind} (${e.phase}) at ${j.at(e.time)}: ${e.failure}` });
		if (e.unanswered) j.flag({ kind: 'failure swallowed', detail: `${e.kind} (${e.phase}) at ${j.at(e.time)}: ${e.unanswered} of ${e.inputs} input item(s) came out on no output` });
		for (const s of e.synced) {
			if ('error' in s && !('operation' in s)) j.flag({ kind: 'failure on the Synced output', detail: `${e.kind}: ${String(s.error)}` });
		}
	}
	for (const refused of j.run.callbacks.stats.refused) j.flag({ kind: 'notification refused by the trigger', detail: refused });
}

/**
 * Sync writes bounded by the work people gave it: each field edit costs at most a write to the other
 * side and one CRM write (value and/or sync state); each comment one mirror, each delete one unlink,
 * each pair one repair; each injected Zoho fault at most one repeated write. And after convergence,
 * the final Reconcile (with every execution it caused) writes nothing and reports nothing.
 */
function checkWrites(j: Judge, m: Metrics): void {
	const { run } = j;
	const log = run.world.sim.log.entries;
	m.writes = log.slice(run.runWindow.from, run.runWindow.to).filter(isSyncWrite).length;
	m.writeBound = 2 * (m.edits + run.journal.comments.length + m.deletes) + m.pairs + m.zohoFaults;
	if (m.writes > m.writeBound) j.flag({ kind: 'writes over bound', detail: `${m.writes} sync writes > bound ${m.writeBound} = 2 × (${m.edits} edits + ${run.journal.comments.length} comments + ${m.deletes} deletes) + ${m.pairs} pairs + ${m.zohoFaults} faults` });
	const final = log.slice(run.finalWindow.from, run.finalWindow.to).filter(isSyncWrite);
	m.writesAfterConvergence = final.length;
	if (final.length) j.flag({ kind: 'writes after convergence', detail: `the final Reconcile round wrote ${final.length} time(s): ${final.map((e) => `${e.method} ${e.path}`).slice(0, 8).join(', ')}` });
	const finalReports = run.executions.list.filter((e) => e.phase === 'final').flatMap((e) => e.rejected);
	if (finalReports.length) j.flag({ kind: 'reports after convergence', detail: `the final Reconcile round reported ${finalReports.length} refusal(s): ${finalReports.map((r) => `${String(r.rule)} ${String(r.field)}`).join(', ')}` });
	if (!run.settled) j.flag({ kind: 'reconcile did not settle', detail: `${run.reconcileRuns} Reconcile runs, each still wrote or reported something` });
}
