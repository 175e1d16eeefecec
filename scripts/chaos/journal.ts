/**
 * People acting in each product's UI (the simulator's direct methods: no API call, no request log,
 * the same refusals, notifications and timestamps as Zoho) — and the journal of every write they
 * made, which the oracle judges the run by. A write Zoho refuses in its own UI never happened.
 */
import type { ZohoSim } from '../../test/zoho-sim/server';
import type { Rng } from './rng';
import { typeEdit } from './edits';
import { sideValues } from './values';
import type { World } from './world';
import type { CommentWrite, Field, Pair, Person, Side, Write } from './types';
import { FIELDS } from './types';

export class Journal {
	readonly writes: Write[] = [];
	readonly comments: CommentWrite[] = [];
	/** User edits the product or Zoho's UI refused outright (not writes). */
	refusedInUi = 0;
	round = 0;
	private n = 0;

	constructor(
		private world: World,
		private rng: Rng,
	) {}

	private get sim(): ZohoSim {
		return this.world.sim;
	}

	editorFor(pair: Pair, side: Side): Person {
		return this.rng.pick(side === 'crm' ? this.world.editors.crm : this.world.editors.projects[pair.project.key]);
	}

	/** One person edits `fields` of one side in one save; returns the fields written. */
	edit(pair: Pair, side: Side, fields: Field[], author = this.editorFor(pair, side)): Field[] {
		const id = side === 'crm' ? pair.crmId : pair.zpId;
		const before = sideValues(this.sim, side, id);
		if (!before) return [];
		const n = ++this.n;
		const typed = fields.map((f) => ({ field: f, typed: typeEdit(this.rng, this.world, pair, side, f, before[f], author, n) })).filter((t) => t.typed);
		if (!typed.length) return [];
		const body = Object.assign({}, ...typed.map((t) => t.typed!.body)) as Record<string, unknown>;
		try {
			if (side === 'crm') this.sim.crm.editAsUser('Tasks', pair.crmId, body, author.crmId);
			else this.sim.projects.editTask(pair.zpId, body, author.zpuid);
		} catch {
			this.refusedInUi++;
			return [];
		}
		const after = sideValues(this.sim, side, id)!;
		const other = side === 'crm' ? sideValues(this.sim, 'projects', pair.zpId) : sideValues(this.sim, 'crm', pair.crmId);
		const time = this.sim.clock.now();
		const written: Field[] = [];
		for (const t of typed) {
			if (after[t.field] === before[t.field]) continue;
			this.writes.push({ seq: this.writes.length, pair: pair.index, side, field: t.field, value: after[t.field], raw: t.typed!.raw, time, author, round: this.round, otherHad: other?.[t.field] });
			written.push(t.field);
		}
		return written;
	}

	comment(pair: Pair, side: Side, author = this.editorFor(pair, side)): void {
		const n = ++this.n;
		const created =
			side === 'crm'
				? this.sim.crm.addNoteAsUser('Tasks', pair.crmId, `Note ${n} from ${author.key}: check A & B <before> Friday — ok?`, author.crmId)
				: this.sim.projects.addComment(pair.zpId, `<div>Comment ${n} from ${author.key} &mdash; see &quot;spec&quot; &amp; reply</div>`, author.zpuid);
		this.comments.push({ pair: pair.index, side, id: String(created.id), author, time: this.sim.clock.now() });
	}

	delete(pair: Pair, side: Side, author = this.editorFor(pair, side)): void {
		if (side === 'crm') this.sim.crm.deleteAsUser('Tasks', pair.crmId, author.crmId);
		else this.sim.projects.deleteTask(pair.zpId, author.zpuid);
		pair.deleted = { side, by: author, time: this.sim.clock.now() };
	}

	/** A random field, or two of them in one save. */
	pickFields(): Field[] {
		const first = this.rng.pick(FIELDS);
		if (!this.rng.chance(0.2)) return [first];
		return [first, this.rng.pick(FIELDS.filter((f) => f !== first))];
	}
}
