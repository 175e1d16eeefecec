/** What every benchmark under scripts/bench shares: where results go and how a window is counted. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const RESULTS_DIR = join(__dirname, '..', '..', 'bench-results');

/** Every result file says which invariants broke, so `npm run bench` can fail on any of them. */
export interface BenchResult {
	benchmark: string;
	violations: string[];
	node: string;
	at: string;
}

export function writeResult<T extends BenchResult>(file: string, result: T): string {
	mkdirSync(RESULTS_DIR, { recursive: true });
	const path = join(RESULTS_DIR, file);
	writeFileSync(path, JSON.stringify(result, null, 2) + '\n');
	return path;
}

export function readResult<T>(file: string): T | undefined {
	try {
		return JSON.parse(readFileSync(join(RESULTS_DIR, file), 'utf8')) as T;
	} catch {
		return undefined;
	}
}

/**
 * The most calls in any rolling window of `windowMs` ending at a call, as Zoho counts them
 * (a call at t is in the window (t − windowMs, t]). Times must be in the order they were logged.
 */
export function busiestWindow(times: number[], windowMs: number): number {
	let best = 0;
	let first = 0;
	for (let last = 0; last < times.length; last++) {
		while (times[first] <= times[last] - windowMs) first++;
		best = Math.max(best, last - first + 1);
	}
	return best;
}

/** A plain-text table: first row is the header, columns padded to their widest cell. */
export function table(rows: (string | number)[][]): string {
	const cells = rows.map((row) => row.map(String));
	const widths = cells[0].map((_, i) => Math.max(...cells.map((row) => [...(row[i] ?? '')].length)));
	const line = (row: string[]) =>
		row
			.map((cell, i) => cell + ' '.repeat(widths[i] - [...cell].length))
			.join('  ')
			.trimEnd();
	return [line(cells[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...cells.slice(1).map(line)].join('\n');
}

/** Print the violations, write the result file, and fail the process when anything was violated. */
export function finish<T extends BenchResult>(file: string, result: T, violations: string[]): void {
	for (const v of violations) console.log(`VIOLATION: ${v}`);
	console.log(`written to ${writeResult(file, result)}`);
	if (violations.length) process.exitCode = 1;
}

/** Run a benchmark's main; on a failure exit at once, as a simulator left listening would keep the process alive. */
export function runBench(main: () => Promise<void>): void {
	main().catch((error: Error) => {
		console.error(error);
		process.exit(1);
	});
}
