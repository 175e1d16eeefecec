/**
 * Reconcile walks its pairs one at a time; a pair whose CRM write waits in the batch (../../crmBatch.ts)
 * is set aside there and the next pair starts. When the batch is due, or the run ends, it is sent and
 * the pairs set aside finish (their refusal claims are checked, their items made) before another
 * pair starts — so no two pairs ever decide or write Projects at the same time.
 */
import type { CrmBatch } from '../../crmBatch';

export class Walks {
	private running = new Set<Promise<void>>();

	constructor(private readonly batch: CrmBatch) {}

	/** Walk a pair (`walk` never rejects); returns once it is done, or waits for the batch. */
	async start(walk: () => Promise<void>): Promise<void> {
		const queued = this.batch.nextWrite();
		const done: Promise<void> = walk().finally(() => this.running.delete(done));
		this.running.add(done);
		await Promise.race([done, queued]);
		if (this.batch.due()) await this.finish();
	}

	/** Send the batch and let every pair set aside finish. */
	async finish(): Promise<void> {
		while (this.running.size) {
			const queued = this.batch.nextWrite();
			await this.batch.flush();
			// A pair that queues another write is set aside again, and the loop sends that one too.
			await Promise.race([Promise.all(this.running), queued]);
		}
	}
}
