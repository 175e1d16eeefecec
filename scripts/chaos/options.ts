/** Command-line options of `npm run chaos`. */
export interface ChaosOptions {
	seed: number;
	/** Seeds run one after another: `seed`, `seed + 1`, … */
	seeds: number;
	pairs: number;
	steps: number;
	faults: boolean;
	short: boolean;
	verbose: boolean;
	json?: string;
}

const USAGE = `npm run chaos -- [--seed <n>] [--pairs <n>] [--steps <n>] [--seeds <n>] [--no-faults] [--short] [--verbose] [--json <file>]
  --seed     first seed (default 1)
  --pairs    linked pairs per seed (default 50; --short: 15)
  --steps    user edits per pair, on average (default 6)
  --seeds    how many seeds, from --seed on (default 1; --short: 2)
  --faults   event and Zoho faults while people edit (default on; --no-faults turns them off)
  --short    the CI version: 2 seeds × 15 pairs
  --verbose  list every violation with the history of its pair's field
  --json     also write the results to this file`;

export function parseOptions(argv: string[]): ChaosOptions {
	const given = new Map<string, string | true>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i];
		if (!arg.startsWith('--')) throw new Error(`unexpected argument "${arg}"\n${USAGE}`);
		const name = arg.slice(2);
		if (['faults', 'no-faults', 'short', 'verbose', 'help'].includes(name)) given.set(name, true);
		else if (['seed', 'pairs', 'steps', 'seeds', 'json'].includes(name) && argv[i + 1] !== undefined) given.set(name, argv[++i]);
		else throw new Error(`unknown or incomplete option "${arg}"\n${USAGE}`);
	}
	if (given.has('help')) {
		console.log(USAGE);
		process.exit(0);
	}
	const short = given.has('short');
	const number = (name: string, fallback: number) => {
		const raw = given.get(name);
		if (raw === undefined) return fallback;
		const n = Number(raw);
		if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} wants a positive whole number, got "${String(raw)}"`);
		return n;
	};
	return {
		seed: number('seed', 1),
		seeds: number('seeds', short ? 2 : 1),
		pairs: number('pairs', short ? 15 : 50),
		steps: number('steps', 6),
		faults: !given.has('no-faults'),
		short,
		verbose: given.has('verbose'),
		json: typeof given.get('json') === 'string' ? String(given.get('json')) : undefined,
	};
}
