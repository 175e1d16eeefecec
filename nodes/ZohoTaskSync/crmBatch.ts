/**
 * Reconcile's CRM task writes, sent up to 100 records per call (issue 11): a pair's write (its patch
 * and new sync state, after its Projects write) waits here, and the pair carries on with its own
 * record's result once the batch is sent — Zoho answers each record apart, so one refused record fails
 * its pair alone. Sync Task writes at once (no batch).
 *
 * A write that carries field values waits at most HOLD_MS: until it lands, a user's edit of the same
 * CRM field would be overwritten by it. A write of the sync state alone may wait for a full batch (the
 * state is never edited by people, and a base older than the task's values only makes the next sync
 * carry them).
 */
import type { IDataObject } from 'n8n-workflow';

import { MAX_RECORDS_PER_WRITE } from '../shared/crm/records';
import { projectsClock } from '../shared/projects';

/** One result per record, in order: the record id, or the error Zoho gave for it. */
export type SendRecords = (records: IDataObject[]) => Promise<Array<string | Error>>;

export const HOLD_MS = 10_000;

interface Waiting {
	record: IDataObject;
	/** When a write carrying field values was queued (Projects clock, as the looks' ages); else undefined. */
	valuesAt?: number;
	resolve: (id: string) => void;
	reject: (error: unknown) => void;
}

export class CrmBatch {
	private waiting: Waiting[] = [];
	private queued?: { promise: Promise<void>; resolve: () => void };

	constructor(private readonly send: SendRecords) {}

	/** Queue a record; settles when the batch holding it has been sent. */
	async write(record: IDataObject, carriesValues: boolean): Promise<string> {
		return await new Promise<string>((resolve, reject) => {
			this.waiting.push({ record, valuesAt: carriesValues ? projectsClock().now() : undefined, resolve, reject });
			const queued = this.queued;
			this.queued = undefined;
			queued?.resolve();
		});
	}

	/** Resolves when the next record is queued: the pair that queued it now waits for `flush`. */
	async nextWrite(): Promise<void> {
		if (!this.queued) {
			let resolve = () => {};
			const promise = new Promise<void>((r) => (resolve = r));
			this.queued = { promise, resolve };
		}
		await this.queued.promise;
	}

	get size(): number {
		return this.waiting.length;
	}

	/** A full batch, or a write of field values held long enough. */
	due(): boolean {
		if (this.waiting.length >= MAX_RECORDS_PER_WRITE) return true;
		const oldest = Math.min(...this.waiting.map((w) => w.valuesAt ?? Infinity));
		return projectsClock().now() - oldest >= HOLD_MS;
	}

	/** Send everything queued, 100 records per call; a failed call fails each of its records' pairs. */
	async flush(): Promise<void> {
		while (this.waiting.length) {
			const chunk = this.waiting.splice(0, MAX_RECORDS_PER_WRITE);
			let results: Array<string | Error>;
			try {
				results = await this.send(chunk.map((w) => w.record));
			} catch (error) {
				for (const w of chunk) w.reject(error);
				continue;
			}
			chunk.forEach((w, i) => {
				const result = results[i];
				if (result instanceof Error) w.reject(result);
				else if (result === undefined) w.reject(new Error('Zoho CRM gave no result for this record'));
				else w.resolve(result);
			});
		}
	}
}
