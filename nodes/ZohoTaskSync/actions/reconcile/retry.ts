/**
 * Pairs that failed, kept in the node's static data so the cursor can move past everything seen: one
 * pair that fails forever must not make every later run walk everything again. Each run retries
 * them (and reports them to the error output again while they fail). The list is bounded; past the
 * bound the pairs that failed most often go first (they are the least likely to heal on their own,
 * and a Full Sweep or their next change brings them back).
 */
import type { TaskLink } from '../../../shared/sync/links';
import type { Side } from '../../../shared/sync/types';
import type { CommentWork } from './comments';

export const MAX_RETRY = 500;

export interface RetryEntry {
	/** Attempts so far (all failed). */
	n: number;
	/** Which side's change started it. */
	i: Side;
	/** The Projects task naming this CRM task, when only that side was seen (the CRM task may be gone). */
	p?: TaskLink;
	/** Whether the pair itself is to be walked again (else only its comments). */
	t?: boolean;
	/** Comments to heal: from this time (ms) on, plus the named CRM notes and Projects comments (and the comment check's rule). */
	c?: CommentWork;
}

export type RetryList = Record<string, RetryEntry>;

export function bounded(list: RetryList): RetryList {
	const entries = Object.entries(list);
	if (entries.length <= MAX_RETRY) return list;
	return Object.fromEntries(entries.sort(([, a], [, b]) => a.n - b.n).slice(0, MAX_RETRY));
}
