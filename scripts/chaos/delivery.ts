/**
 * Event faults between Zoho and n8n. The simulator's callbacks (CRM notifications) are taken over
 * here and posted to the harness's webhook receiver over real HTTP — dropped, delayed, duplicated
 * (one after the other, or as two concurrent executions) and released out of order, with the run's
 * seeded randomness. The simulator's own delivery faults only duplicate or reverse everything; the
 * run needs per-event choices. Polled batches get the same treatment in the driver.
 */
import type { Harness } from '../../test/harness/engine';
import type { ZohoSim } from '../../test/zoho-sim/server';
import type { Rng } from './rng';

export interface EventFaults {
	drop: number;
	delay: number;
	duplicate: number;
	/** Of the duplicates, the share delivered at the same time (two concurrent executions). */
	concurrent: number;
	/** Release delayed events in random order. */
	reorder: boolean;
}

export const NO_EVENT_FAULTS: EventFaults = { drop: 0, delay: 0, duplicate: 0, concurrent: 0, reorder: false };
export const CHAOS_EVENT_FAULTS: EventFaults = { drop: 0.06, delay: 0.1, duplicate: 0.12, concurrent: 0.5, reorder: true };

interface Outbound {
	url: string;
	body: string;
	contentType: string;
}

export interface EventStats {
	arrived: number;
	dropped: number;
	delayed: number;
	duplicated: number;
	/** Genuine callbacks the trigger answered with an error (a trigger that refuses Zoho loses events). */
	refused: string[];
}

export class Callbacks {
	readonly stats: EventStats = { arrived: 0, dropped: 0, delayed: 0, duplicated: 0, refused: [] };
	faults: EventFaults = NO_EVENT_FAULTS;
	private pending: Outbound[] = [];
	private held: Outbound[] = [];

	constructor(
		sim: ZohoSim,
		private harness: Harness,
		private rng: Rng,
	) {
		sim.deliver = (url: string, payload: unknown, contentType = 'application/json') => {
			this.stats.arrived++;
			this.pending.push({ url, body: typeof payload === 'string' ? payload : JSON.stringify(payload), contentType });
		};
	}

	/** Deliver what Zoho sent since the last pump (and what that caused), each execution finished before the next. */
	async pump(): Promise<void> {
		for (let guard = 0; this.pending.length; guard++) {
			// Sync writes notify too (their echo): a run that keeps notifying itself is ping-pong, caught by the oracle.
			if (guard > 2000) throw new Error('more than 2000 callbacks in one pump: the sync keeps notifying itself');
			await this.one(this.pending.shift()!);
		}
	}

	/** Delayed callbacks arrive now (shuffled when reordering), before what is pending. */
	release(): void {
		const late = this.faults.reorder ? this.rng.shuffle(this.held) : this.held;
		this.pending.unshift(...late);
		this.held = [];
	}

	get heldCount(): number {
		return this.held.length;
	}

	private async one(out: Outbound): Promise<void> {
		const f = this.faults;
		if (this.rng.chance(f.drop)) {
			this.stats.dropped++;
			return;
		}
		if (this.rng.chance(f.delay)) {
			this.stats.delayed++;
			this.held.push(out);
			return;
		}
		if (this.rng.chance(f.duplicate)) {
			this.stats.duplicated++;
			if (this.rng.chance(f.concurrent)) await Promise.all([this.post(out), this.post(out)]);
			else {
				await this.post(out);
				await this.harness.settle();
				await this.post(out);
			}
		} else {
			await this.post(out);
		}
		await this.harness.settle();
	}

	private async post(out: Outbound): Promise<void> {
		const res = await fetch(out.url, { method: 'POST', headers: { 'content-type': out.contentType }, body: out.body });
		const text = await res.text();
		if (res.status >= 400) this.stats.refused.push(`${res.status} ${text.slice(0, 200)}`);
	}
}
