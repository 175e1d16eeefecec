/**
 * Watches every pair's six fields on both sides change: after each write call Zoho receives (the
 * request log is tapped) and after each user edit. Counts how often each field's value changed per
 * side, for the ping-pong check (a field flipping back and forth between the sync's own writes).
 */
import type { LogEntry } from '../../test/zoho-sim/kit';
import type { ZohoSim } from '../../test/zoho-sim/server';
import { sideValues } from './values';
import type { Field, Pair, Side, Value } from './types';
import { FIELDS, SIDES } from './types';

const key = (pair: number, side: Side, field: Field) => `${pair}|${side}|${field}`;

export class Observer {
	private last = new Map<string, Value>();
	private changes = new Map<string, number>();

	constructor(
		private sim: ZohoSim,
		private pairs: Pair[],
	) {
		for (const pair of pairs) for (const side of SIDES) for (const field of FIELDS) this.last.set(key(pair.index, side, field), pair.initial[field]);
		const add = sim.log.add.bind(sim.log);
		sim.log.add = (entry: LogEntry) => {
			add(entry);
			if (entry.method !== 'GET' && (entry.product === 'crm' || entry.product === 'projects')) this.snapshot();
		};
	}

	snapshot(): void {
		for (const pair of this.pairs) {
			for (const side of SIDES) {
				const values = sideValues(this.sim, side, side === 'crm' ? pair.crmId : pair.zpId);
				if (!values) continue;
				for (const field of FIELDS) {
					const k = key(pair.index, side, field);
					if (this.last.get(k) === values[field]) continue;
					this.last.set(k, values[field]);
					this.changes.set(k, (this.changes.get(k) ?? 0) + 1);
				}
			}
		}
	}

	changesOf(pair: number, side: Side, field: Field): number {
		return this.changes.get(key(pair, side, field)) ?? 0;
	}
}
