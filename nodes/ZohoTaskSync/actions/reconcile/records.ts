/**
 * The CRM tasks of the pairs a run walks, read 100 per call (Get Records by `ids`) instead of one call
 * per pair (issue 11). A record is used while it is fresh (HOLD_MS, as a batched CRM write: a pair
 * decided on an older one could write a Projects value over a user's newer CRM edit); after that the
 * pairs not yet walked are read again. A pair whose record the answer leaves out is read on its own,
 * as before: only that read tells a deleted task (which is unlinked and reported) from anything else.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { projectsClock } from '../../../shared/projects';
import { HOLD_MS } from '../../crmBatch';
import type { SyncSettings } from '../../settings';

/** What a pair's decision reads of its CRM task (views.ts, the link and the state; Modified_By names who to tell of a refusal). */
function pairFields(settings: SyncSettings): string[] {
	const { link, state } = settings.fields;
	return ['Subject', 'Description', 'Due_Date', 'Priority', 'Status', 'Owner', 'Modified_Time', 'Modified_By', link, state, ...settings.config.customFields.map((p) => p.crm)];
}

const ID = /^\d{1,25}$/;
/** Ids per Get Records call (Zoho's limit for `ids`). */
const IDS_PER_READ = 100;

export class PairRecords {
	private records = new Map<string, IDataObject>();
	private asked = new Set<string>();
	private readAt = -Infinity;

	/** `ids`: the CRM tasks of the pairs, in the order they are walked. */
	constructor(
		private readonly ctx: IExecuteFunctions,
		private readonly settings: SyncSettings,
		private readonly ids: string[],
	) {}

	/** The pair's CRM task as read with the next pairs', or undefined: then the pair reads it itself. */
	async get(crmTaskId: string): Promise<IDataObject | undefined> {
		if (!ID.test(crmTaskId)) return undefined;
		if (!this.asked.has(crmTaskId) || projectsClock().now() - this.readAt >= HOLD_MS) await this.readFrom(crmTaskId);
		return this.records.get(crmTaskId);
	}

	private async readFrom(crmTaskId: string): Promise<void> {
		const start = this.ids.indexOf(crmTaskId);
		const next = (start < 0 ? [crmTaskId] : this.ids.slice(start)).filter((id) => ID.test(id)).slice(0, IDS_PER_READ);
		const rows = await crmList.call(this.ctx, {
			path: '/Tasks',
			qs: { ids: next.join(','), fields: pairFields(this.settings).join(',') },
			what: 'read the tasks to reconcile',
		});
		this.readAt = projectsClock().now();
		this.asked = new Set(next);
		this.records = new Map(rows.map((row) => [String(row.id), row]));
	}
}
