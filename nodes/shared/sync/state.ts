/** The sync state kept in the CRM task: compact JSON, tolerant of hand edits. */
import type { SyncState, Values } from './types';

export function parseState(raw: unknown): SyncState | null {
	if (typeof raw !== 'string' || !raw.trim()) return null;
	try {
		const parsed = JSON.parse(raw) as Partial<SyncState>;
		if (parsed?.v !== 1 || typeof parsed.base !== 'object' || parsed.base === null) return null;
		const statuses = typeof parsed.statuses === 'object' && parsed.statuses !== null ? parsed.statuses : undefined;
		return { v: 1, base: parsed.base as Values, rejected: parsed.rejected ?? undefined, statuses, at: parsed.at };
	} catch {
		return null;
	}
}

export function serialiseState(state: SyncState): string {
	const compact: SyncState = { v: 1, base: state.base };
	if (state.rejected && Object.keys(state.rejected).length) compact.rejected = state.rejected;
	if (state.statuses && (state.statuses.open || state.statuses.closed)) compact.statuses = state.statuses;
	if (state.at) compact.at = state.at;
	return JSON.stringify(compact);
}

/** Same base, reported refusals and statuses (the timestamp does not count). */
export function sameState(a: SyncState | null, b: SyncState): boolean {
	if (!a) return false;
	const strip = (s: SyncState) =>
		JSON.stringify({ base: sortKeys(s.base), rejected: sortKeys(s.rejected ?? {}), open: s.statuses?.open ?? null, closed: s.statuses?.closed ?? null });
	return strip(a) === strip(b);
}

function sortKeys(values: Values): Values {
	return Object.fromEntries(Object.entries(values).sort(([x], [y]) => (x < y ? -1 : 1)));
}
