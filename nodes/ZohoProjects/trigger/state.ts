/** What the polling trigger keeps in the workflow's static data between polls. */
export interface CommentScan {
	/** Comments created before this instant (when comment polling started) are never emitted. */
	since: string;
	/** Task ids still to check in the current round, newest-changed first. */
	queue: string[];
	/** Per task: the newest comment time seen, then the ids seen at exactly that time. */
	seen: Record<string, string[]>;
}

export interface PollState {
	/** `last_modified_time` of the newest task seen. */
	cursor?: string;
	/** Ids of the tasks seen at exactly `cursor` (timestamps have one-second resolution). */
	cursorIds?: string[];
	comments?: CommentScan;
}

export const instant = (value: unknown): number => Date.parse(String(value ?? ''));

/**
 * Whether a record stamped `time` (id `id`) is past a `[time, ...ids]` mark: later, or at the same
 * second and not yet seen.
 */
export function isPast(time: unknown, id: string, markTime: string | undefined, markIds: string[] = []): boolean {
	if (markTime === undefined) return true;
	const t = instant(time);
	const m = instant(markTime);
	return t > m || (t === m && !markIds.includes(id));
}

/** The new mark after seeing `rows`: their newest time and the ids at it (kept from the old mark when equal). */
export function advance(
	rows: Array<{ time: unknown; id: string }>,
	markTime: string | undefined,
	markIds: string[] = [],
): [string | undefined, string[]] {
	let time = markTime;
	let ids = [...markIds];
	for (const row of rows) {
		const t = String(row.time);
		if (time === undefined || instant(t) > instant(time)) {
			time = t;
			ids = [row.id];
		} else if (instant(t) === instant(time) && !ids.includes(row.id)) {
			ids.push(row.id);
		}
	}
	return [time, ids];
}
