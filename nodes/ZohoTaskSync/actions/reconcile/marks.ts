/**
 * Where each listing Reconcile reads (CRM tasks, CRM notes, CRM deletions, each project's tasks)
 * starts next time. Zoho's times have one-second resolution and "since" means strictly after, so a
 * change made in the same second as the newest one seen, after the run read it, would never be
 * listed again. A mark therefore keeps the newest second seen *and* what was seen in it (a content
 * fingerprint per item); the next run lists from one second earlier and skips only the items whose
 * fingerprint is unchanged. Marks are per listing because the listings are read one after another:
 * one listing's newest time says nothing about what another had already passed.
 */
import type { IDataObject } from 'n8n-workflow';

export interface Mark {
	/** Newest modification time seen (ms, Zoho's clock). */
	at: number;
	/** Items modified in that second → fingerprint. */
	seen: Record<string, string>;
}

/** Items remembered per mark; more in one second are walked again next run (safe, just not free). */
const MAX_SEEN = 200;

/** A short, stable fingerprint of a record: the same content always gives the same string. */
export function fingerprint(record: IDataObject, ignore: string[] = []): string {
	const text = JSON.stringify(record, (key, value: unknown) => {
		if (ignore.includes(key)) return undefined;
		if (value && typeof value === 'object' && !Array.isArray(value)) {
			return Object.fromEntries(Object.entries(value as IDataObject).sort(([a], [b]) => (a < b ? -1 : 1)));
		}
		return value;
	});
	// FNV-1a, 32 bits: the static data stays small; a collision only means one missed re-walk of a same-second edit.
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i);
		hash = Math.imul(hash, 0x01000193);
	}
	return (hash >>> 0).toString(36);
}

/** One listing's progress during a run. */
export class Stream {
	private at: number;
	private seen: Record<string, string>;

	/** `fallback`: where to start without a mark (ms); `explicit`: a "Changed Since" run, which neither skips nor remembers. */
	constructor(
		private readonly mark: Mark | undefined,
		private readonly fallback: number,
		private readonly explicit: boolean,
	) {
		this.at = mark && !explicit ? mark.at : fallback;
		this.seen = mark && !explicit ? { ...mark.seen } : {};
	}

	/** The listing's start (exclusive): one second before the mark, so its own second is listed again. */
	get since(): number {
		return this.mark && !this.explicit ? this.mark.at - 1000 : this.fallback;
	}

	/** Whether this item, at this time, is exactly what an earlier run already walked. */
	known(key: string, time: number, print: string): boolean {
		return !!this.mark && !this.explicit && Math.floor(time / 1000) === Math.floor(this.mark.at / 1000) && this.mark.seen[key] === print;
	}

	/** Record an item the listing returned. */
	saw(key: string, time: number, print: string): void {
		if (Number.isNaN(time)) return;
		if (Math.floor(time / 1000) > Math.floor(this.at / 1000)) {
			this.at = time;
			this.seen = {};
		}
		if (Math.floor(time / 1000) === Math.floor(this.at / 1000) && Object.keys(this.seen).length < MAX_SEEN) this.seen[key] = print;
	}

	/** The mark to keep; `newest` is for the summary's cursor. */
	result(): Mark {
		return { at: this.at, seen: this.seen };
	}
}
