/**
 * Look-ups kept across executions of this process for a bounded time (issue 11). What the sync's rules
 * need — a project's dates, its members, the portal's users and task statuses — changes rarely, and
 * reading it again for every change would spend the Zoho Projects budget on the same answers. A
 * decision a kept value could have made wrong (a refusal, or a write Zoho refuses) is taken again on
 * fresh reads by the Sync node, so a stale value costs a call, never a wrong outcome.
 */
import { projectsClock } from './clock';

export const REMEMBER_MS = 10 * 60_000;

const kept = new Map<string, { at: number; value: Promise<unknown> }>();

/**
 * The value under `key`, loaded when missing, older than REMEMBER_MS, or `fresh` is asked for.
 * `loadedAt`: when the value returned was read from Zoho (Projects clock).
 */
export async function remembered<T>(key: string, load: () => Promise<T>, fresh = false): Promise<{ value: T; loadedAt: number }> {
	const now = projectsClock().now();
	const hit = kept.get(key);
	if (!fresh && hit && hit.at > now - REMEMBER_MS) return { value: (await hit.value) as T, loadedAt: hit.at };
	const value = load();
	kept.set(key, { at: now, value });
	// A failed read is not kept: the next caller asks Zoho again.
	value.catch(() => kept.get(key)?.value === value && kept.delete(key));
	return { value: await value, loadedAt: now };
}

/** Forget every kept look-up (tests; and a new portal's data never mixes with an old one's). */
export function resetRemembered(): void {
	kept.clear();
}
