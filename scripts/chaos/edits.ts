/**
 * What a person types for one field on one side: always a value that differs from what that side
 * shows now (in the oracle's space), so every recorded write is a real change of the field. CRM
 * due dates are sometimes out of the strict project's range or before the task's start (refusals);
 * Projects users only type what Zoho Projects accepts (it refuses the rest in its own UI).
 */
import { STATUSES } from '../../test/zoho-sim/seed-data';
import type { Rng } from './rng';
import { crmPriority, projectsPriority } from './values';
import type { World } from './world';
import type { Field, Pair, Person, Side, Value } from './types';

export interface Typed {
	/** CRM field values, or a Projects V3 PATCH body. */
	body: Record<string, unknown>;
	raw: string;
}

const day = (iso: string, plus: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + plus * 86_400_000).toISOString().slice(0, 10);
const between = (rng: Rng, from: string, to: string) => {
	const days = Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
	return day(from, rng.int(0, Math.max(0, days)));
};

const ENTITIES = ['&mdash;', '&ndash;', '&hellip;', '&rarr;', '&laquo;x&raquo;', '&yen;100', '&copy;', '&quot;q&quot;', '&#12354;', '&#x2605;'];

function dueDate(rng: Rng, pair: Pair, side: Side, current: Value): string {
	const { project, taskStart } = pair;
	const last = project.strict ? project.end : '2027-01-31';
	for (let attempt = 0; attempt < 20; attempt++) {
		let date = between(rng, taskStart > project.start ? taskStart : project.start, last);
		if (side === 'crm') {
			const kind = rng.weighted([[6, 'valid'], [project.strict ? 2 : 0, 'outside'], [1.5, 'beforeStart']] as const);
			if (kind === 'outside') date = rng.chance(0.5) ? day(project.end, rng.int(1, 12)) : day(project.start, -rng.int(1, 6));
			if (kind === 'beforeStart') date = day(taskStart, -rng.int(1, 4));
		}
		if (date !== current) return date;
	}
	return day(current ?? taskStart, 1);
}

function owner(rng: Rng, world: World, pair: Pair, side: Side, current: Value): Person | null | undefined {
	const choices = (side === 'crm' ? world.owners.crm : world.owners.projects[pair.project.key]).filter((p) => p.email !== current);
	// Unassigning exists only in Projects (a CRM task always has an owner).
	if (side === 'projects' && current !== null && rng.chance(0.2)) return null;
	return choices.length ? rng.pick(choices) : undefined;
}

/** The edit of `field` a person makes on `side`, or undefined when nothing sensible differs. */
export function typeEdit(rng: Rng, world: World, pair: Pair, side: Side, field: Field, current: Value, author: Person, n: number): Typed | undefined {
	const crm = side === 'crm';
	switch (field) {
		case 'subject': {
			const subject = `Chaos pair ${pair.index} · ${author.key} edit ${n}${rng.chance(0.2) ? ' [緊急]' : ''}`;
			return { body: crm ? { Subject: subject } : { name: subject }, raw: subject };
		}
		case 'description': {
			if (crm) {
				const text = `Scope ${n} by ${author.key}: A & B <draft> — ${rng.pick(['次の段階', 'next step', '“quoted”'])}\nline 2: ${rng.int(1, 999)} > 0`;
				return { body: { Description: text }, raw: text };
			}
			const html = `<div>Scope ${n} by ${author.key}: A &amp; B &lt;draft&gt; ${rng.pick(ENTITIES)} ${rng.pick(ENTITIES)}<br>line 2: ${rng.int(1, 999)} &gt; 0</div>`;
			return { body: { description: html }, raw: html };
		}
		case 'dueDate': {
			const date = dueDate(rng, pair, side, current);
			return { body: crm ? { Due_Date: date } : { end_date: date }, raw: date };
		}
		case 'priority': {
			const options = crm ? ['Highest', 'High', 'Normal', 'Low', 'Lowest'] : ['high', 'medium', 'low', 'none'];
			const level = crm ? crmPriority : projectsPriority;
			const value = rng.pick(options.filter((o) => level(o) !== current));
			return { body: crm ? { Priority: value } : { priority: value }, raw: value };
		}
		case 'status': {
			const close = current !== 'closed';
			// Zoho Projects will not reopen a subtask under a closed parent in its own UI either.
			if (!crm && !close && pair.parent?.closed) return undefined;
			if (crm) {
				const status = close ? 'Completed' : rng.pick(['Not Started', 'In Progress', 'Deferred']);
				return { body: { Status: status }, raw: status };
			}
			const status = close ? rng.pick([STATUSES.closed, STATUSES.cancelled]) : rng.pick([STATUSES.open, STATUSES.inProgress, STATUSES.onHold]);
			return { body: { status: { id: status.id } }, raw: status.name };
		}
		case 'owner': {
			const who = owner(rng, world, pair, side, current);
			if (who === undefined) return undefined;
			if (crm) return who ? { body: { Owner: { id: who.crmId } }, raw: who.email } : undefined;
			return { body: { owners_and_work: { owners: who ? [{ zpuid: who.zpuid }] : [] } }, raw: who ? who.email : '(unassigned)' };
		}
	}
}
