/** A seeded random source (mulberry32): the same seed gives the same edits, values and faults. */
export class Rng {
	private state: number;

	constructor(seed: number) {
		this.state = seed >>> 0 || 0x9e3779b9;
	}

	/** Uniform in [0, 1). */
	next(): number {
		this.state = (this.state + 0x6d2b79f5) >>> 0;
		let t = this.state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		if (!items.length) throw new Error('pick from an empty list');
		return items[Math.floor(this.next() * items.length)];
	}

	shuffle<T>(items: readonly T[]): T[] {
		const out = [...items];
		for (let i = out.length - 1; i > 0; i--) {
			const j = Math.floor(this.next() * (i + 1));
			[out[i], out[j]] = [out[j], out[i]];
		}
		return out;
	}

	/** A weighted choice: `[weight, value]` pairs. */
	weighted<T>(choices: readonly (readonly [number, T])[]): T {
		const total = choices.reduce((sum, [w]) => sum + w, 0);
		let r = this.next() * total;
		for (const [w, value] of choices) {
			r -= w;
			if (r < 0) return value;
		}
		return choices[choices.length - 1][1];
	}
}
