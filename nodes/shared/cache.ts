/**
 * Per-execution memo: one look-up (statuses, users, a project) serves every item of a node run.
 * Keyed by the node's context object, which n8n creates per run, so nothing outlives the execution.
 */
const caches = new WeakMap<object, Map<string, Promise<unknown>>>();

export async function cached<T>(context: object, key: string, load: () => Promise<T>): Promise<T> {
	let cache = caches.get(context);
	if (!cache) {
		cache = new Map();
		caches.set(context, cache);
	}
	let hit = cache.get(key) as Promise<T> | undefined;
	if (!hit) {
		hit = load();
		cache.set(key, hit);
		// A failed look-up is not remembered: the next item asks again.
		hit.catch(() => cache.delete(key));
	}
	return await hit;
}

/** Drop this execution's memoised look-ups whose keys match (a decision is to be taken on fresh reads). */
export function forgetCached(context: object, matches: (key: string) => boolean): void {
	const cache = caches.get(context);
	for (const key of [...(cache?.keys() ?? [])]) if (matches(key)) cache!.delete(key);
}
