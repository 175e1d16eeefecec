/** A tiny step runner for the Chromium scripts: each step is timed and printed; the first failure stops the run. */

export interface StepResult {
	name: string;
	ok: boolean;
	ms: number;
	error?: string;
}

export class Steps {
	readonly results: StepResult[] = [];

	constructor(private readonly log: (line: string) => void = (line) => console.log(line)) {}

	async run<T>(name: string, body: () => Promise<T>): Promise<T> {
		const start = Date.now();
		try {
			const value = await body();
			this.results.push({ name, ok: true, ms: Date.now() - start });
			this.log(`  ✓ ${name} (${Date.now() - start} ms)`);
			return value;
		} catch (error) {
			const message = error instanceof Error ? error.message : String(error);
			this.results.push({ name, ok: false, ms: Date.now() - start, error: message });
			this.log(`  ✗ ${name} (${Date.now() - start} ms)\n      ${message}`);
			throw error;
		}
	}

	/** An error outside any step (a step's own failure is already recorded): recorded so the run cannot pass. */
	fail(error: unknown): void {
		if (this.results.some((r) => !r.ok)) return;
		const message = error instanceof Error ? error.message : String(error);
		this.results.push({ name: 'between steps', ok: false, ms: 0, error: message });
		this.log(`  ✗ between steps\n      ${message}`);
	}

	get ok(): boolean {
		return this.results.length > 0 && this.results.every((r) => r.ok);
	}
}

export function expect(condition: boolean, message: string): void {
	if (!condition) throw new Error(message);
}
