/**
 * Exactly-once change streams over `If-Modified-Since`. Zoho times have one-second resolution, so
 * each poll asks from one second before the newest change seen and drops what it already emitted:
 * records at that newest second are remembered by a fingerprint of their content, which also
 * catches a second edit within the same second.
 */
import type { IDataObject, IPollFunctions } from 'n8n-workflow';

import { crmList } from '../../shared/crm/paging';
import { formatZohoTime, parseZohoTime } from '../../shared/crm/values';

export interface Cursor extends IDataObject {
	/** Epoch ms of the newest change seen. */
	at: number;
	/** id → fingerprint of the records changed at `at`. */
	seen: IDataObject;
}

export interface Stream {
	path: string;
	qs: IDataObject;
	/** The record's change time (Modified_Time, deleted_time). */
	timeOf: (record: IDataObject) => number | undefined;
	keep?: (record: IDataObject) => boolean;
	what: string;
	/** Query parameters that list the newest change first, for the first poll. */
	newestFirst?: IDataObject;
}

function fingerprint(record: IDataObject): string {
	const text = JSON.stringify(record);
	let hash = 5381;
	for (let i = 0; i < text.length; i++) hash = ((hash * 33) ^ text.charCodeAt(i)) >>> 0;
	return `${text.length}:${hash.toString(36)}`;
}

/** Split `rows` into what is new since `cursor`, and the cursor after them. */
export function advance(cursor: Cursor, rows: IDataObject[], timeOf: Stream['timeOf']): { fresh: IDataObject[]; next: Cursor } {
	const fresh: IDataObject[] = [];
	let at = cursor.at;
	for (const row of rows) {
		const t = timeOf(row);
		if (t === undefined) continue;
		if (t > cursor.at || (t === cursor.at && cursor.seen[String(row.id)] !== fingerprint(row))) fresh.push(row);
		at = Math.max(at, t);
	}
	const seen: IDataObject = at === cursor.at ? { ...cursor.seen } : {};
	for (const row of rows) if (timeOf(row) === at) seen[String(row.id)] = fingerprint(row);
	return { fresh, next: { at, seen } };
}

async function since(this: IPollFunctions, stream: Stream, cursor: Cursor): Promise<IDataObject[]> {
	return await crmList.call(this, {
		path: stream.path,
		qs: stream.qs,
		headers: { 'If-Modified-Since': formatZohoTime(Math.max(0, cursor.at - 1000)) },
		keep: stream.keep,
		what: stream.what,
	});
}

/**
 * The changes of a stream since its cursor. Without a cursor (first poll after activation) the
 * cursor is placed at the newest existing change and nothing is reported.
 */
export async function readChanges(this: IPollFunctions, stream: Stream, cursor: Cursor | undefined): Promise<{ fresh: IDataObject[]; next: Cursor }> {
	if (!cursor) {
		// Newest change of any kind (filters do not matter for where time stands); unsorted lists: the first page.
		const newest = await crmList.call(this, {
			path: stream.path,
			qs: { ...stream.qs, ...stream.newestFirst },
			limit: stream.newestFirst ? 1 : 200,
			what: stream.what,
		});
		const start: Cursor = { at: Math.max(0, ...newest.map((r) => stream.timeOf(r) ?? 0)), seen: {} };
		const { next } = advance(start, await since.call(this, stream, start), stream.timeOf);
		return { fresh: [], next };
	}
	return advance(cursor, await since.call(this, stream, cursor), stream.timeOf);
}

export const modifiedTime = (record: IDataObject): number | undefined => parseZohoTime(record.Modified_Time);
export const deletedTime = (record: IDataObject): number | undefined => parseZohoTime(record.deleted_time);
