/** The chaos run's table (one row per seed and a totals row), the violation list and the JSON file. */
import { writeFileSync } from 'node:fs';

import { table } from '../bench/results';
import type { Coverage, Metrics, Violation } from './oracle';

export interface SeedResult {
	metrics: Metrics;
	violations: Violation[];
	coverage: Coverage;
	/** Simulated minutes the seed covered, real seconds it took, and what the faults did. */
	simMinutes: number;
	realSeconds: number;
	executions: number;
	faults: Record<string, number>;
	events: { arrived: number; dropped: number; delayed: number; duplicated: number; batchesDropped: number; batchesDelayed: number; batchesDuplicated: number; pollErrors: number };
}

const pct = (a: number, b: number) => (b ? `${Math.floor((a / b) * 1000) / 10}%` : '-');

function totals(results: SeedResult[]): Metrics {
	const sum = { ...results[0].metrics };
	for (const key of Object.keys(sum) as (keyof Metrics)[]) sum[key] = results.reduce((n, r) => n + r.metrics[key], 0);
	return sum;
}

export function printTable(results: SeedResult[]): void {
	const row = (label: string, m: Metrics) => [
		label,
		m.pairs,
		m.edits,
		m.conflicts,
		`${m.refusalsExpected}/${m.refusalsReported}/${m.wrongRecipient}/${m.duplicateReports}/${m.unexpectedReports}`,
		`${m.commentsExpected}/${m.commentsMirrored}/${m.commentsDuplicated}/${m.commentsMirroredBack}`,
		m.deletes,
		`${m.failuresSurfaced} (${m.zohoFaults})`,
		`${m.writes} ≤ ${m.writeBound}`,
		m.writesAfterConvergence,
		pct(m.fieldsConverged, m.fieldsTotal),
		m.lostUpdates,
		m.violations,
	];
	const rows = results.map((r) => row(String(r.metrics.seed), r.metrics));
	if (results.length > 1) rows.push(row('total', totals(results)));
	console.log(
		table([
			['seed', 'pairs', 'edits', 'conflicts', 'refusals exp/rep/wrong-to/dup/unexp', 'comments exp/mirr/dup/back', 'deletes', 'failures surfaced (faults)', 'writes ≤ bound', 'writes after conv.', 'fields converged', 'lost updates', 'violations'],
			...rows,
		]),
	);
	console.log('\nwrites ≤ bound: sync writes (non-GET calls of the API user, channel upkeep excluded) ≤ 2 × (edits + comments + deletes) + pairs + injected Zoho faults');
}

const list = (counts: Record<string, number>) => Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(', ') || 'none';

/** What the seeds exercised: refusals per rule, faults, event faults. */
export function printCoverage(results: SeedResult[]): void {
	const add = (pick: (r: SeedResult) => Record<string, number>) => {
		const sum: Record<string, number> = {};
		for (const r of results) for (const [k, n] of Object.entries(pick(r))) sum[k] = (sum[k] ?? 0) + n;
		return sum;
	};
	const e = add((r) => r.events);
	console.log(`refused writes by rule: ${list(add((r) => r.coverage.refusedByRule))} (of which a field's last write: ${list(add((r) => r.coverage.lastWriteRefusedByRule))})`);
	console.log(`Zoho faults injected: ${list(add((r) => r.faults))}`);
	console.log(
		`CRM notifications: ${e.arrived} sent, ${e.dropped} dropped, ${e.delayed} delayed and reordered, ${e.duplicated} duplicated; polled batches: ${e.batchesDropped} dropped, ${e.batchesDelayed} delayed, ${e.batchesDuplicated} duplicated; failed polls: ${e.pollErrors}`,
	);
}

/** Violations by kind, and with --verbose each one with its pair's field history. */
export function printViolations(results: SeedResult[], verbose: boolean): void {
	const kinds = new Map<string, number>();
	for (const r of results) for (const v of r.violations) kinds.set(v.kind, (kinds.get(v.kind) ?? 0) + 1);
	if (!kinds.size) {
		console.log('\nno violations');
		return;
	}
	console.log(`\nviolations by kind: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
	if (!verbose) {
		console.log('(--verbose lists each one with its history)');
		return;
	}
	for (const r of results) {
		for (const v of r.violations) {
			const where = [v.pair !== undefined ? `pair ${v.pair}` : '', v.field ?? ''].filter(Boolean).join(' ');
			console.log(`\n[seed ${r.metrics.seed}] ${v.kind}${where ? ` — ${where}` : ''}: ${v.detail}`);
			for (const line of v.history ?? []) console.log(`    ${line}`);
		}
	}
}

export function writeJson(file: string, options: object, results: SeedResult[]): void {
	writeFileSync(file, JSON.stringify({ run: 'chaos', options, results, node: process.version, at: new Date().toISOString() }, null, 2) + '\n');
	console.log(`\nwritten to ${file}`);
}
