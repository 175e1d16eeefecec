/**
 * What this process knows of a project's tasks between reads, so that close-together changes share
 * one look at Zoho Projects (issue 11). Before the sync writes a Projects task it looks at it, since a
 * user may have edited it; one read per change would double the calls of a burst. Instead, while looks
 * come close together, one listing of the project's tasks by last-modified time, newest first, serves
 * every look made soon after it: a task in the listing is seen as it is, and a task known from an
 * earlier read, write or listing that no listing since shows modified is unchanged since then.
 *
 * "No listing since shows it" is proof only while the listings chain: each pages down past the newest
 * modification the one before saw, so every change after `coveredAfter` (Zoho's clock) was seen. A
 * change made after a listing has a modified time at least that listing's newest, so the next listing
 * reaches it. A deleted task is absent from listings too: a write to it is answered 404, and the sync
 * then reads the task (see the gateway's `StaleLook`).
 */
import type { IAllExecuteFunctions, IDataObject } from 'n8n-workflow';

import { releaseReservation, type Reservation } from './budget';
import { projectsClock } from './clock';
import { accountKey, hasNextPage, projectsRequest, type ProjectsSettings } from './transport';

/** A look the feed serves is at most this old (Projects clock); the write follows it at once. */
export const FEED_FRESH_MS = 5_000;
/** Another look at the project this recently makes a burst: listing then serves the looks that follow. */
export const BURST_MS = 30_000;
/** Zoho's documented order for task lists, newest change first. */
export const NEWEST_FIRST = { sort_by: 'DESC(last_modified_time)' };
const PAGE = 200;
/** A listing pages at most this far (1,000 tasks) before it gives up the chain and starts a new one. */
const MAX_PAGES = 5;
/** Looks waiting at once for which a listing pays even when their tasks are not known yet. */
const MANY_WAITING = 10;
/** What one process keeps: projects unused this long are forgotten, and at most this many tasks per project. */
const IDLE_MS = 10 * 60_000;
const MAX_TASKS = 20_000;

interface Known {
	json: IDataObject;
	/** The task's last_modified_time (ms, Zoho's clock). */
	modified: number;
	/** When this process saw it (Projects clock). */
	seenAt: number;
}

interface Feed {
	known: Map<string, Known>;
	/** Every change modified after this (Zoho's clock) was seen by a listing; undefined before the first. */
	coveredAfter?: number;
	/** The newest modified time the last listing saw: the next one pages down past it. */
	newest?: number;
	/** When the last listing began (Projects clock). */
	listedAt?: number;
	/** The listing in flight, which every look that needs it waits for. */
	listing?: Promise<void>;
	lastAsked: number;
	waiting: number;
}

const feeds = new Map<string, Feed>();

const modifiedOf = (json: IDataObject): number => Date.parse(String(json.last_modified_time ?? ''));

/** A task as it is, and since when (Projects clock) that is known. */
export interface ServedTask {
	json: IDataObject;
	at: number;
	/** Seen at `at` itself (a listing row, a read, a write); else known unchanged only by its absence from the listings, which a deletion shares. */
	seen: boolean;
}

/** One look at a task in this project that the feed may serve: `burst` when other looks came close before it. */
export interface FeedLook {
	burst: boolean;
	done(): void;
}

export interface ProjectFeed {
	/** A look is wanted: counted to tell a burst from an isolated change. */
	ask(): FeedLook;
	/** The task, when a listing or read at most FEED_FRESH_MS old shows it as it is; `fits`: complete enough to decide on. */
	served(taskId: string, fits: (json: IDataObject) => boolean): ServedTask | undefined;
	/** A listing is in flight: a look can wait for it instead of taking a slot of its own. */
	listing(): boolean;
	/**
	 * Whether this look should wait for a listing rather than read its task: one is in flight, or in a
	 * burst the task is known (the listing shows whether it changed), the project was not listed yet (one
	 * listing of up to 1,000 tasks makes them known for the rest of the burst), or many looks wait.
	 */
	worthListing(taskId: string, look: FeedLook): boolean;
	/**
	 * List what changed since the last listing, or join the one in flight. `slot`: a reservation for
	 * the first page, released when this look did not need it. Resolves once the feed is up to date.
	 */
	refresh(slot: Reservation | undefined, taskId: string): Promise<void>;
	/** A task this process read or wrote just now. */
	note(json: IDataObject): void;
	/** The task as this process last saw it, however long ago (a guess, never a look). */
	lastSeen(taskId: string): IDataObject | undefined;
	forget(taskId: string): void;
}

/** The feed of one project for one Zoho user and portal, shared by every execution of this process. */
export function projectFeed(ctx: IAllExecuteFunctions, settings: ProjectsSettings, projectId: string): ProjectFeed {
	const clock = projectsClock();
	const key = `${accountKey(ctx, settings)}:${projectId}`;
	prune(clock.now());
	let feed = feeds.get(key);
	if (!feed) feeds.set(key, (feed = { known: new Map(), lastAsked: -Infinity, waiting: 0 }));
	const f = feed;

	const remember = (json: IDataObject, seenAt: number) => {
		const modified = modifiedOf(json);
		const id = String(json.id ?? '');
		if (!id || Number.isNaN(modified)) return;
		f.known.delete(id);
		f.known.set(id, { json, modified, seenAt });
		if (f.known.size > MAX_TASKS) f.known.delete(f.known.keys().next().value!);
	};

	async function list(slot: Reservation | undefined, below: number): Promise<void> {
		const startedAt = clock.now();
		let newest: number | undefined;
		let lowest = Infinity;
		let ended = false;
		for (let page = 1; page <= MAX_PAGES; page++) {
			const body = (await projectsRequest.call(ctx, settings, {
				method: 'GET',
				path: `/projects/${projectId}/tasks`,
				qs: { ...NEWEST_FIRST, page, per_page: PAGE },
				// Looks wait for this listing holding their write slots: its pages must not queue behind them.
				pace: { use: page === 1 ? slot : undefined, urgent: true },
			})) as IDataObject | undefined;
			const rows = Array.isArray(body?.tasks) ? (body.tasks as IDataObject[]) : [];
			for (const row of rows) {
				remember(row, startedAt);
				const modified = modifiedOf(row);
				if (Number.isNaN(modified)) continue;
				newest ??= modified;
				lowest = Math.min(lowest, modified);
			}
			if (!rows.length || !hasNextPage(body, rows.length, PAGE)) {
				ended = true;
				break;
			}
			// Every change after the last listing is modified at or after its newest: past that, the chain holds.
			if (lowest < below) break;
		}
		// All tasks listed: nothing unlisted changed. Else the rows modified at `lowest` may go on past the last page.
		const reached = ended ? -Infinity : lowest;
		const chained = f.coveredAfter !== undefined && f.newest !== undefined && reached < f.newest;
		f.coveredAfter = chained ? Math.min(f.coveredAfter!, reached) : reached;
		f.newest = newest ?? f.newest;
		f.listedAt = startedAt;
	}

	return {
		ask() {
			const now = clock.now();
			const burst = f.waiting > 0 || now - f.lastAsked <= BURST_MS;
			f.lastAsked = now;
			f.waiting++;
			return { burst, done: () => void f.waiting-- };
		},

		served(taskId, fits) {
			const known = f.known.get(taskId);
			if (!known || !fits(known.json)) return undefined;
			const covered = f.coveredAfter !== undefined && f.listedAt !== undefined && known.modified > f.coveredAfter;
			const at = covered ? Math.max(f.listedAt!, known.seenAt) : known.seenAt;
			return clock.now() - at <= FEED_FRESH_MS ? { json: known.json, at, seen: at === known.seenAt } : undefined;
		},

		listing: () => !!f.listing,

		worthListing: (taskId, look) => !!f.listing || (look.burst && (f.known.has(taskId) || f.coveredAfter === undefined || f.waiting >= MANY_WAITING)),

		async refresh(slot, taskId) {
			if (f.listing) {
				if (slot) releaseReservation(slot);
				return await f.listing;
			}
			// A first listing pages down past the task's last known change, so that knowledge becomes current.
			const below = f.newest ?? f.known.get(taskId)?.modified ?? -Infinity;
			f.listing = (async () => {
				await list(slot, below);
				// A listing that had to wait for budget is old when it ends: one more page brings it up to date.
				if (clock.now() - f.listedAt! > FEED_FRESH_MS) await list(undefined, f.newest ?? -Infinity);
			})();
			try {
				await f.listing;
			} finally {
				f.listing = undefined;
			}
		},

		note: (json) => remember(json, clock.now()),

		forget: (taskId) => void f.known.delete(taskId),

		lastSeen: (taskId) => f.known.get(taskId)?.json,
	};
}

function prune(now: number): void {
	for (const [key, feed] of feeds) if (!feed.waiting && !feed.listing && now - Math.max(feed.lastAsked, feed.listedAt ?? -Infinity) > IDLE_MS) feeds.delete(key);
}

/** Forget every feed (tests, through resetProjectsBudget). */
export function resetFeeds(): void {
	feeds.clear();
}
