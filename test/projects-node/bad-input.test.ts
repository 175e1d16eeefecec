/** Bad input fails its own item with an error naming field and value; the other items go on. */
import type { Harness } from '../harness/engine';
import { PROJECTS, USERS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { freshHarness, rl, runProjects, startProjectsSim, stopProjectsSim } from './helpers';

const website = rl(PROJECTS.website.id);

const createFromItem = {
	resource: 'task',
	operation: 'create',
	projectId: website,
	name: '={{ $json.name }}',
	additionalFields: {
		startDate: '={{ $json.start }}',
		endDate: '={{ $json.end }}',
		statusId: '={{ $json.status }}',
		owners: '={{ $json.owner }}',
	},
};

const good = (name: string) => ({ name, start: '2026-11-20', end: '2026-11-21', status: '2000000071001', owner: USERS.emily.email });

describe('Zoho Projects node: bad input per item', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	it('routes each bad item to the error output with a message naming field and value', async () => {
		const input = [
			good('First good'),
			{ ...good('End before start'), start: '2026-11-25', end: '2026-11-20' },
			{ ...good('Unknown status'), status: '2000000079999' },
			{ ...good('Stranger'), owner: 'nobody@example.com' },
			{ ...good('Not a date'), end: '2026-02-30' },
			good('Last good'),
		];
		const { items, errors, result } = await runProjects(harness, createFromItem, input, { onError: 'continueErrorOutput' });
		expect(result.error).toBeUndefined();
		expect(items.map((i) => i.json.name)).toEqual(['First good', 'Last good']);
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 5 }]);
		expect(errors.map((e) => [e.pairedItem, e.json.error])).toEqual([
			[{ item: 1 }, 'End date 2026-11-20 is before start date 2026-11-25'],
			[{ item: 2 }, 'Status: "2000000079999" is not a task status of project 2000000041002'],
			[{ item: 3 }, 'Owners: "nobody@example.com" is not a user of portal 700000001'],
			[{ item: 4 }, 'End Date: "2026-02-30" is not a date (YYYY-MM-DD)'],
		]);
		// Only the good items were written: bad input never reaches Zoho.
		expect(sim.log.count({ product: 'projects', method: 'POST' })).toBe(2);
		// One status list and one user list served all six items.
		expect(sim.log.count({ product: 'projects', method: 'GET' })).toBe(2);
	});

	it('an empty (or blank) task name is refused per item naming the field, before any call', async () => {
		const input = [{ ...good('') }, { ...good('   ') }, good('Named')];
		const { items, errors } = await runProjects(harness, createFromItem, input, { onError: 'continueErrorOutput' });
		expect(errors.map((e) => e.json.error)).toEqual(['Name is empty: a Zoho Projects task needs a name', 'Name is empty: a Zoho Projects task needs a name']);
		expect(items.map((i) => i.json.name)).toEqual(['Named']);
		expect(sim.log.count({ product: 'projects', method: 'POST' })).toBe(1);
	});

	it('with "continue" (continueOnFail) the error item takes the place of the failed item', async () => {
		const input = [good('Kept'), { ...good('Bad'), status: '999' }];
		const { items } = await runProjects(harness, createFromItem, input, { onError: 'continueRegularOutput' });
		expect(items.map((i) => i.json.name ?? i.json.error)).toEqual(['Kept', 'Status: "999" is not a task status of project 2000000041002']);
	});

	it('without continue, the first bad item stops the node with its error', async () => {
		const { result } = await runProjects(harness, createFromItem, [{ ...good('Bad'), owner: 'ghost@example.com' }]);
		expect(result.error?.message).toBe('Owners: "ghost@example.com" is not a user of portal 700000001');
	});

	it("Zoho's own refusal of a write (owner outside the project) names the field and value", async () => {
		// Emily is a portal user but not a user of the migration project.
		const { result } = await runProjects(harness, {
			resource: 'task',
			operation: 'create',
			projectId: rl(PROJECTS.migration.id),
			name: 'Owner check',
			additionalFields: { owners: [USERS.emily.zpuid] },
		});
		expect(result.error?.message).toMatch(/^Zoho Projects refused the request: .*Emily Clark.*not a user of project/);
		expect((result.error as { description?: string }).description).toBe(
			`Zoho Projects refused the field "owners_and_work" with the value {"owners":[{"zpuid":"${USERS.emily.zpuid}"}]}. Check it against the portal's data.`,
		);
	});
});
