/** The sync state kept in the CRM task: compact JSON, tolerant of hand edits. */
import type { SyncState, Values } from './types';

export function parseState(raw: unknown): SyncState | null {
	if (typeof raw !== 'string' || !raw.trim()) return null;
	try {
		const parsed = JSON.parse(raw) as Partial<SyncState>;
		if (parsed?.v !== 1 || typeof parsed.base !== 'object' || parsed.base === null) return null;
		const statuses = typeof parsed.statuses === 'object' && parsed.statuses !== null ? parsed.statuses : undefined;
		const settled = typeof parsed.settled === 'object' && parsed.settled !== null ? parsed.settled : undefined;
		const pending = Array.isArray(parsed.pendingComments) ? parsed.pendingComments.map(String) : undefined;
		return { v: 1, base: parsed.base as Values, settled, statuses, pm: str(parsed.pm), r: str(parsed.r), pendingComments: pending, linkedAt: str(parsed.linkedAt), at: parsed.at };
	} catch {
		return null;
	}
}

/**
 * Why a non-empty sync state cannot be read, or null when it can (or is empty: a pair never synced, or
 * a state holding only pending comments). A damaged state must not pass for "never synced": without
 * the values last synced the starting side would win every difference.
 */
export function stateDamage(raw: unknown): string | null {
	if (raw === null || raw === undefined || (typeof raw === 'string' && !raw.trim())) return null;
	let parsed: unknown;
	try {
		parsed = JSON.parse(String(raw));
	} catch {
		return 'it is not JSON — cut short or edited';
	}
	if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return 'it is not a JSON object';
	const object = parsed as Record<string, unknown>;
	if (!('v' in object) && !('base' in object)) return null;
	return parseState(raw) ? null : 'it lacks the values last synced, or is of an unknown version';
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function serialiseState(state: SyncState): string {
	const compact: SyncState = { v: 1, base: state.base };
	if (state.settled && Object.keys(state.settled).length) compact.settled = state.settled;
	if (state.statuses && (state.statuses.open || state.statuses.closed)) compact.statuses = state.statuses;
	if (state.pm) compact.pm = state.pm;
	if (state.r) compact.r = state.r;
	if (state.pendingComments?.length) compact.pendingComments = state.pendingComments;
	if (state.linkedAt) compact.linkedAt = state.linkedAt;
	if (state.at) compact.at = state.at;
	return JSON.stringify(compact);
}

/** Same base, settled fields and statuses (the timestamps and the report claim do not count). */
export function sameState(a: SyncState | null, b: SyncState): boolean {
	if (!a) return false;
	const strip = (s: SyncState) =>
		JSON.stringify({ base: sortKeys(s.base), settled: sortKeys(s.settled ?? {}), open: s.statuses?.open ?? null, closed: s.statuses?.closed ?? null });
	return strip(a) === strip(b);
}

function sortKeys<T>(values: Partial<Record<string, T>>): Partial<Record<string, T>> {
	return Object.fromEntries(Object.entries(values).sort(([x], [y]) => (x < y ? -1 : 1)));
}
