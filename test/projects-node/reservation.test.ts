/**
 * The pacer's reservations (issue 11): a look that a write will follow takes the write's slot with it,
 * so the write never queues behind other calls; an unused reservation is given back, a stale one lapses.
 */
import { BUDGET_WINDOW_MS, releaseReservation, reserveSlots, resetProjectsBudget, settle, setProjectsClock, takeSlot, useReservation } from '../../nodes/shared/projects';

describe('Zoho Projects pacer: reserved slots', () => {
	let now = 0;
	const slept: number[] = [];
	beforeEach(() => {
		now = 1_000_000;
		slept.length = 0;
		resetProjectsBudget();
		setProjectsClock({ now: () => now, sleep: async (ms) => void (slept.push(ms), (now += ms)) });
	});
	afterAll(() => setProjectsClock());

	it('a look with a reservation counts two calls; the write on it waits for nothing', async () => {
		const reserved = await takeSlot('k', 3, true);
		expect(reserved).toBeDefined();
		await takeSlot('k', 3);
		// The window is full (look, reservation, another call): a plain call now waits the window out...
		now += 5_000;
		expect(useReservation(reserved!)).toBe(true);
		await takeSlot('k', 3);
		expect(slept).toEqual([BUDGET_WINDOW_MS - 5_000]);
	});

	it('a used reservation counts from its use, not from the look', async () => {
		const reserved = await takeSlot('k', 2, true);
		now += 60_000;
		expect(useReservation(reserved!)).toBe(true);
		// The look leaves the window 120 s after it was made; the write only 120 s after it was made.
		await takeSlot('k', 2);
		expect(slept).toEqual([60_000]);
		await takeSlot('k', 2);
		expect(slept).toEqual([60_000, 60_000]);
	});

	it('a call counts from its answer: one that took 5 s to reach Zoho cannot share a window Zoho sees with the next', async () => {
		const [slot] = await reserveSlots('k', 1, () => 1);
		now += 5_000;
		settle([slot]);
		await takeSlot('k', 1);
		expect(slept).toEqual([BUDGET_WINDOW_MS]);
	});

	it('a call others wait for goes first: a plain caller leaves it room; a caller that must wait for something else takes no slot', async () => {
		const wakes: (() => void)[] = [];
		setProjectsClock({ now: () => now, sleep: async (ms) => await new Promise<void>((wake) => wakes.push(() => ((now += ms), wake()))) });
		await takeSlot('k', 3);
		await takeSlot('k', 3);
		now += 60_000;
		await takeSlot('k', 3);
		const urgent = reserveSlots('k', 3, () => 1, true);
		await Promise.resolve();
		expect(wakes).toHaveLength(1);
		now += 60_000;
		// Two slots are free again, but one is left for the waiting listing page: a call wanting two waits.
		void reserveSlots('k', 3, () => 2);
		await Promise.resolve();
		expect(wakes).toHaveLength(2);
		expect(await reserveSlots('k', 3, () => 0)).toEqual([]);
		wakes[0]();
		expect(await urgent).toHaveLength(1);
	});

	it('a released reservation frees its slot at once', async () => {
		const reserved = await takeSlot('k', 2, true);
		releaseReservation(reserved!);
		await takeSlot('k', 2);
		expect(slept).toEqual([]);
	});

	it('a look waits until both it and its write fit', async () => {
		await takeSlot('k', 3);
		now += 10_000;
		await takeSlot('k', 3);
		// One slot is free, but a look needs two: it waits for the first call to leave the window.
		const reserved = await takeSlot('k', 3, true);
		expect(reserved).toBeDefined();
		expect(slept).toEqual([BUDGET_WINDOW_MS - 10_000]);
	});

	it('a reservation left unused past the window has lapsed: the call takes a fresh slot', async () => {
		const reserved = await takeSlot('k', 5, true);
		now += BUDGET_WINDOW_MS + 1;
		expect(useReservation(reserved!)).toBe(false);
	});
});
