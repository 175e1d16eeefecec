/**
 * `npm run chaos`: a seeded random convergence run (DESIGN §10). Per seed: linked pairs across a
 * strict and an ordinary project, people editing every synced field and commenting on both sides
 * (and deleting a few tasks), events through the real triggers of the shipped templates into the
 * Zoho Task Sync node with dropped, delayed, duplicated and reordered events and Zoho faults; then
 * quiet, Reconcile until nothing changes, one more Reconcile that must do nothing, and the oracle
 * (oracle.ts, model.ts). Prints a table; exits 1 on any violation.
 */
// First: n8n-core must not write its settings under the developer's ~/.n8n (as in jest).
import '../../test/setup-env';

import { runSeed } from './driver';
import { judge } from './oracle';
import { parseOptions } from './options';
import { printCoverage, printTable, printViolations, type SeedResult, writeJson } from './report';

async function main(): Promise<void> {
	const options = parseOptions(process.argv.slice(2));
	console.log(
		`Chaos run: seeds ${options.seed}..${options.seed + options.seeds - 1}, ${options.pairs} pairs, ~${options.steps} edits per pair, faults ${options.faults ? 'on' : 'off'}\n`,
	);
	const results: SeedResult[] = [];
	for (let seed = options.seed; seed < options.seed + options.seeds; seed++) {
		const started = process.hrtime.bigint();
		const run = await runSeed({ seed, pairs: options.pairs, steps: options.steps, faults: options.faults });
		const { metrics, violations, coverage } = judge(run);
		const faults: Record<string, number> = {};
		for (const f of run.faultsInjected) faults[f] = (faults[f] ?? 0) + 1;
		const s = run.callbacks.stats;
		results.push({
			metrics,
			violations,
			coverage,
			simMinutes: run.simMinutes,
			realSeconds: Math.round(Number(process.hrtime.bigint() - started) / 1e8) / 10,
			executions: run.executions.list.length,
			faults,
			events: {
				arrived: s.arrived, dropped: s.dropped, delayed: s.delayed, duplicated: s.duplicated,
				batchesDropped: run.batches.dropped, batchesDelayed: run.batches.delayed, batchesDuplicated: run.batches.duplicated,
				pollErrors: run.executions.pollErrors.length,
			},
		});
		const last = results[results.length - 1];
		console.log(`seed ${seed}: ${last.executions} executions, ${run.simMinutes} simulated minutes, ${last.realSeconds} s, ${violations.length} violation(s)`);
	}
	console.log('');
	printTable(results);
	printCoverage(results);
	printViolations(results, options.verbose);
	if (options.json) writeJson(options.json, options, results);
	if (results.some((r) => r.violations.length)) process.exitCode = 1;
}

main().catch((error: Error) => {
	console.error(error);
	process.exit(2);
});
