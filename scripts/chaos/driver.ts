/**
 * One seed of the chaos run: build the world, activate the template workflows, let people edit
 * both sides while events flow through the real triggers into the Sync nodes with faults, then
 * quiet everything and let Reconcile heal until nothing changes and its comment check has been
 * round every linked pair, and one more Reconcile that must do nothing. Everything the oracle
 * needs is returned.
 */
import type { INodeExecutionData } from 'n8n-workflow';

import { resetProjectsBudget } from '../../nodes/shared/projects';
import { Harness } from '../../test/harness/engine';
import { simCredential } from '../../test/harness/sim';
import { API_USER } from '../../test/zoho-sim/seed-data';
import { ZohoSim } from '../../test/zoho-sim/server';
import { followSimClock } from './clock';
import { CHAOS_EVENT_FAULTS, Callbacks, NO_EVENT_FAULTS } from './delivery';
import { Executions } from './executions';
import { injectFaults } from './faults';
import { Journal } from './journal';
import { Observer } from './observe';
import { Rng } from './rng';
import type { ExecKind, Execution, Side } from './types';
import { loadFlows, type Flows, type SyncFlow } from './workflows';
import { buildWorld, type World } from './world';

export interface SeedOptions {
	seed: number;
	pairs: number;
	/** User edits per pair, on average. */
	steps: number;
	faults: boolean;
}

export interface Window {
	from: number;
	to: number;
}

export interface SeedRun {
	options: SeedOptions;
	world: World;
	journal: Journal;
	executions: Executions;
	observer: Observer;
	callbacks: Callbacks;
	faultsInjected: string[];
	/** Polled batches lost or held back by the event faults. */
	batches: { dropped: number; delayed: number; duplicated: number };
	droppedIds: Set<string>;
	/** Request-log positions: the run after priming, and the final Reconcile with what it caused. */
	runWindow: Window;
	finalWindow: Window;
	/** Reconcile runs until one changed nothing and the comment check had been round all pairs (bounded), and whether that happened. */
	reconcileRuns: number;
	settled: boolean;
	startTime: number;
	simMinutes: number;
}

const MINUTE = 60_000;
const START = '2026-11-30T00:00:00Z';

/** Sync writes: calls that change Zoho, made by the sync's user (channel upkeep is not a sync write). */
export const isSyncWrite = (e: { product: string; method: string; path: string; userId?: string }) =>
	(e.product === 'crm' || e.product === 'projects') && e.method !== 'GET' && !e.path.includes('/actions/watch') && e.userId === API_USER.crmId;

class Run {
	readonly rng: Rng;
	readonly faultRng: Rng;
	readonly harness: Harness;
	readonly executions: Executions;
	readonly callbacks: Callbacks;
	readonly journal: Journal;
	readonly observer: Observer;
	readonly flows: Flows;
	readonly faultsInjected: string[] = [];
	readonly batches = { dropped: 0, delayed: 0, duplicated: 0 };
	/** Ids of the items in dropped batches (task or comment ids), so a violation can say its event never ran. */
	readonly droppedIds = new Set<string>();
	private heldBatches: { kind: ExecKind; flow: SyncFlow; items: INodeExecutionData[] }[] = [];
	private chaos = false;
	private next = { poll: 0, reconcile: 0, heartbeat: 0 };

	constructor(
		readonly sim: ZohoSim,
		readonly world: World,
		readonly options: SeedOptions,
	) {
		this.rng = new Rng(options.seed * 7919 + 17);
		// Faults draw from their own stream, so --no-faults replays the same edits.
		this.faultRng = new Rng(options.seed * 104729 + 3);
		this.harness = new Harness({ zohoTaskSyncOAuth2Api: simCredential(sim) });
		this.executions = new Executions(this.harness, sim);
		this.callbacks = new Callbacks(sim, this.harness, this.faultRng);
		this.journal = new Journal(world, this.rng);
		this.observer = new Observer(sim, world.pairs);
		this.flows = loadFlows({ migration: world.projects.migration.id, website: world.projects.website.id });
	}

	private get now(): number {
		return this.sim.clock.now();
	}

	async setUp(): Promise<void> {
		await this.harness.listen();
		// Each pair's first sync stores its base (not judged): the state the run starts from.
		this.executions.phase = 'prime';
		const prime = await this.executions.run('crmEvent', this.flows.crmToProjects, this.world.pairs.map((p) => ({ json: { id: p.crmId } })));
		const primed = prime.skipped.filter((s) => s.reason === 'baseRepaired').length;
		if (primed !== this.world.pairs.length) throw new Error(`priming: ${primed} of ${this.world.pairs.length} pairs got a base (${JSON.stringify(prime.errors[0] ?? prime.failure ?? prime.rejected[0] ?? {})})`);
		const crm = this.flows.crmToProjects;
		await this.harness.activate(crm.spec, crm.start, crm.workflowId);
		// A polling trigger's first poll only sets its cursor.
		for (const flow of this.pollingFlows()) await this.executions.poll(flow);
		this.executions.phase = 'chaos';
		this.next = { poll: this.now + MINUTE, reconcile: this.now + 15 * MINUTE, heartbeat: this.now + 60 * MINUTE };
	}

	private pollingFlows(): SyncFlow[] {
		const f = this.flows;
		return [f.projectsToCrm.migration, f.projectsToCrm.website, f.crmNotes, f.projectsComments.migration, f.projectsComments.website];
	}

	/** Deliver pending CRM notifications and record the executions they started. */
	async pump(): Promise<void> {
		await this.callbacks.pump();
		this.executions.collectWebhookRuns(this.flows.crmToProjects);
	}

	private async runBatch(kind: ExecKind, flow: SyncFlow, items: INodeExecutionData[]): Promise<void> {
		const r = this.faultRng;
		if (this.chaos && r.chance(0.05)) {
			this.batches.dropped++;
			for (const item of items) this.droppedIds.add(String(item.json.id));
			return;
		}
		if (this.chaos && r.chance(0.1)) {
			this.batches.delayed++;
			this.heldBatches.push({ kind, flow, items });
			return;
		}
		const batch = this.chaos && r.chance(0.3) ? r.shuffle(items) : items;
		if (this.chaos && r.chance(0.1)) {
			this.batches.duplicated++;
			if (r.chance(0.5)) await Promise.all([this.executions.run(kind, flow, batch), this.executions.run(kind, flow, batch)]);
			else for (let i = 0; i < 2; i++) await this.executions.run(kind, flow, batch);
		} else {
			await this.executions.run(kind, flow, batch);
		}
		await this.pump();
	}

	private async pollAndRun(kind: ExecKind, flow: SyncFlow): Promise<void> {
		const items = await this.executions.poll(flow);
		if (items) await this.runBatch(kind, flow, items);
	}

	async reconcile(sweep = false): Promise<Execution> {
		const execution = await this.executions.run('reconcile', sweep ? this.flows.reconcileSweep : this.flows.reconcile, [{ json: {} }]);
		await this.pump();
		return execution;
	}

	/** What the active workflows do in one minute: late events, polls, the hourly heartbeat, the 15-minute Reconcile. */
	async round(scheduledReconcile = true): Promise<void> {
		this.journal.round++;
		this.callbacks.release();
		await this.pump();
		const f = this.flows;
		for (const key of ['migration', 'website'] as const) await this.pollAndRun('projectsPoll', f.projectsToCrm[key]);
		await this.pollAndRun('crmNotes', f.crmNotes);
		for (const key of ['migration', 'website'] as const) await this.pollAndRun('projectsComments', f.projectsComments[key]);
		// Batches held back earlier run after this round's: out of order.
		const late = this.chaos ? this.faultRng.shuffle(this.heldBatches) : this.heldBatches;
		this.heldBatches = [];
		for (const b of late) {
			await this.executions.run(b.kind, b.flow, b.items);
			await this.pump();
		}
		if (this.now >= this.next.heartbeat) {
			await this.executions.poll(f.crmToProjects);
			this.next.heartbeat = this.now + 60 * MINUTE;
		}
		if (scheduledReconcile && this.now >= this.next.reconcile) {
			await this.reconcile();
			this.next.reconcile = this.now + 15 * MINUTE;
		}
		if (this.chaos && this.options.faults) this.faultsInjected.push(...injectFaults(this.sim, this.faultRng, this.faultRng.int(0, 3)));
		this.next.poll = this.now + MINUTE;
	}

	private livePairs() {
		return this.world.pairs.filter((p) => !p.deleted);
	}

	private side(): Side {
		return this.rng.chance(0.5) ? 'crm' : 'projects';
	}

	private async pass(seconds: [number, number]): Promise<void> {
		this.sim.clock.advance(this.rng.int(seconds[0], seconds[1]) * 1000);
		if (this.now >= this.next.poll) await this.round();
	}

	/** One person does one thing. */
	async act(deleting: boolean): Promise<void> {
		const pair = this.rng.pick(this.livePairs());
		const j = this.journal;
		if (deleting) {
			j.delete(pair, this.side());
			return;
		}
		const kind = this.rng.weighted([[72, 'edit'], [14, 'comment'], [14, 'conflict']] as const);
		if (kind === 'comment') {
			j.comment(pair, this.side());
		} else if (kind === 'edit') {
			j.edit(pair, this.side(), j.pickFields());
		} else {
			// The same field on both sides before either is synced: the CRM notification waits until both are made.
			const field = this.rng.pick(['subject', 'description', 'dueDate', 'priority', 'status', 'owner'] as const);
			const first = this.side();
			j.edit(pair, first, [field]);
			this.sim.clock.advance(this.rng.int(1, 5) * 1000);
			j.edit(pair, first === 'crm' ? 'projects' : 'crm', [field]);
		}
		this.observer.snapshot();
		await this.pump();
	}

	async chaosPhase(): Promise<void> {
		this.chaos = true;
		if (this.options.faults) this.callbacks.faults = CHAOS_EVENT_FAULTS;
		const total = Math.max(1, Math.round(this.options.pairs * this.options.steps));
		const deletes = Math.max(1, Math.round(this.options.pairs * 0.06));
		// Deletes come late, so most pairs' histories are long before one side goes.
		const deleteSteps = new Set(Array.from({ length: deletes }, (_, i) => Math.floor(total * 0.7) + i * 3));
		for (let step = 0; step < total; step++) {
			await this.pass([1, 8]);
			await this.act(deleteSteps.has(step));
		}
		this.chaos = false;
	}

	/**
	 * Faults off; the workflows keep running; then Reconcile until it changes nothing and its comment
	 * check (which finds comments whose events were lost) has checked every linked pair since the
	 * faults stopped; then once more.
	 */
	async quietPhase(): Promise<{ reconcileRuns: number; settled: boolean; finalWindow: Window }> {
		this.sim.faults.clear();
		this.callbacks.faults = NO_EVENT_FAULTS;
		this.executions.phase = 'drain';
		// Past any lockout the run caused or injected (Zoho's is 30 minutes).
		this.sim.clock.advance(31 * MINUTE);
		for (let i = 0; i < 3; i++) {
			this.sim.clock.advance(MINUTE);
			await this.round(false);
		}
		this.executions.phase = 'reconcile';
		let runs = 0;
		let settled = false;
		// Pairs the comment check has checked since the faults stopped, against the linked pairs it goes round.
		let checked = 0;
		let round = Infinity;
		// Three runs to settle, as before, plus a whole round of the comment check at one pair per run at worst.
		const bound = 3 + this.world.pairs.length;
		while (runs < bound && !(settled && checked >= round)) {
			runs++;
			this.sim.clock.advance(MINUTE);
			const log = this.sim.log.entries.length;
			const reports = this.executions.rejected().length;
			// The quiet phase stands for the day after: its first Reconcile is the template's daily full sweep.
			const summary = (await this.reconcile(runs === 1)).synced.find((s) => s.operation === 'reconcile');
			// A failed run reports nothing and changes nothing here; a run with the check off has no round to wait for.
			if (summary) {
				const rotation = summary.commentRotation as { checked: number; of: number } | null;
				checked += rotation?.checked ?? 0;
				round = rotation?.of ?? 0;
			}
			await this.round(false);
			settled = !this.sim.log.entries.slice(log).some(isSyncWrite) && this.executions.rejected().length === reports;
		}
		// Settled, but the comment check never got round: a comment lost with its event may still be unmirrored.
		if (checked < round) settled = false;
		this.executions.phase = 'final';
		this.sim.clock.advance(MINUTE);
		const from = this.sim.log.entries.length;
		await this.reconcile();
		await this.round(false);
		return { reconcileRuns: runs, settled, finalWindow: { from, to: this.sim.log.entries.length } };
	}

	async close(): Promise<void> {
		await this.harness.close();
	}
}

export async function runSeed(options: SeedOptions): Promise<SeedRun> {
	const sim = new ZohoSim({ now: START });
	await sim.start();
	const undoClock = followSimClock(sim.clock);
	resetProjectsBudget();
	try {
		const world = buildWorld(sim, new Rng(options.seed), options.pairs, options.seed);
		const run = new Run(sim, world, options);
		const startTime = sim.clock.now();
		await run.setUp();
		const runFrom = sim.log.entries.length;
		await run.chaosPhase();
		const quiet = await run.quietPhase();
		await run.close();
		return {
			options,
			world,
			journal: run.journal,
			executions: run.executions,
			observer: run.observer,
			callbacks: run.callbacks,
			faultsInjected: run.faultsInjected,
			batches: run.batches,
			droppedIds: run.droppedIds,
			runWindow: { from: runFrom, to: quiet.finalWindow.from },
			finalWindow: quiet.finalWindow,
			reconcileRuns: quiet.reconcileRuns,
			settled: quiet.settled,
			startTime,
			simMinutes: Math.round((sim.clock.now() - startTime) / MINUTE),
		};
	} finally {
		await sim.stop();
		undoClock();
	}
}
