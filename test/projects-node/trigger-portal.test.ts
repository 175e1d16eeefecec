/**
 * The polling Zoho Projects Trigger over many projects (Watch: all projects of the portal, projects
 * of mapped client companies, chosen projects), through n8n-core's PollContext against the simulator.
 */
import type { IDataObject, INode, INodeExecutionData } from 'n8n-workflow';

import type { Harness, WorkflowSpec } from '../harness/engine';
import { CREDENTIAL_REF } from '../harness/sim';
import { COMPANIES, FIELDS, PROJECTS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { TRIGGER, freshHarness, portal, startProjectsSim, stopProjectsSim } from './helpers';

const NAME = 'Projects Trigger';
const MINUTE = 60_000;

function spec(parameters: IDataObject): WorkflowSpec {
	return {
		nodes: [
			{ id: 't', name: NAME, type: TRIGGER, typeVersion: 1, position: [0, 0], parameters: { portalId: portal, ...parameters }, credentials: CREDENTIAL_REF },
		] as INode[],
		connections: {},
	};
}

const items = (out: INodeExecutionData[][] | null) => (out?.[0] ?? []).map((i) => i.json);
const projectCalls = (sim: ZohoSim) => sim.log.filter({ product: 'projects' });

describe('Zoho Projects Trigger (polling, many projects)', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => (harness = freshHarness(sim)));

	const poll = async (s: WorkflowSpec, workflowId = 'wf1') => {
		sim.clock.advance(MINUTE);
		sim.log.clear();
		return items(await harness.poll(s, NAME, 'trigger', workflowId));
	};

	it('one trigger delivers edits made in several projects, each item naming its portal and project and carrying the listed task', async () => {
		const s = spec({ watch: 'portal', options: { maxCallsPerPoll: 10 } });
		expect(await poll(s)).toEqual([]);
		sim.clock.advance(1000);
		sim.projects.editTask(TASKS.design.zpId, { priority: 'high' });
		sim.projects.editTask(TASKS.plan.zpId, { priority: 'low' });
		const out = await poll(s);
		expect(out.map((j) => [j.event, j.project_id, j.id]).sort()).toEqual(
			[
				['taskUpdated', PROJECTS.migration.id, TASKS.plan.zpId],
				['taskUpdated', PROJECTS.website.id, TASKS.design.zpId],
			].sort(),
		);
		const design = out.find((j) => j.id === TASKS.design.zpId)!;
		expect(design).toMatchObject({ portal_id: '700000001', priority: 'high' });
		// The whole task as the list returned it, keys and all.
		const listed = sim.projects.task(TASKS.design.zpId)!;
		for (const key of Object.keys(listed)) expect(design).toHaveProperty([key]);
		expect(await poll(s)).toEqual([]);
	});

	it('Chosen projects and Projects of mapped client companies watch only theirs', async () => {
		const chosen = spec({ watch: 'chosenProjects', projectIds: [PROJECTS.website.id] });
		// Sakura's account is mapped to its client company (migration project); Acme's is not (website).
		expect(COMPANIES.sakura.mapped && !COMPANIES.acme.mapped).toBe(true);
		const mapped = spec({ watch: 'mappedClients' });
		await poll(chosen, 'chosen');
		await poll(mapped, 'mapped');
		sim.clock.advance(1000);
		sim.projects.editTask(TASKS.design.zpId, { name: 'Design (chosen)' });
		sim.projects.editTask(TASKS.plan.zpId, { priority: 'medium' });
		const fromChosen = await poll(chosen, 'chosen');
		expect(fromChosen.map((j) => j.id)).toEqual([TASKS.design.zpId]);
		// Chosen projects need no project listing: one call, the project's task list.
		expect(projectCalls(sim).map((c) => c.path)).toEqual([expect.stringContaining(`/projects/${PROJECTS.website.id}/tasks`)]);
		const fromMapped = await poll(mapped, 'mapped');
		expect(fromMapped.map((j) => j.id)).toEqual([TASKS.plan.zpId]);
		expect(projectCalls(sim).some((c) => c.path.includes(PROJECTS.website.id))).toBe(false);
	});

	it('a quiet portal of many projects stays within the per-poll cap; a project added later is picked up', async () => {
		const ids = Array.from({ length: 12 }, (_, i) => sim.projects.createProject({ name: `Quiet ${i}` }));
		for (const id of ids) sim.projects.createTask(id, { name: 'Old task' });
		const s = spec({ watch: 'portal', events: ['taskCreated', 'taskUpdated', 'commentAdded'] });
		const perPoll: number[] = [];
		for (let n = 0; n < 30; n++) {
			expect(await poll(s)).toEqual([]);
			perPoll.push(projectCalls(sim).length);
		}
		expect(Math.max(...perPoll)).toBeLessThanOrEqual(4);
		// Every project had its turn.
		const state = harness.nodeStaticData(NAME).portal as { projects: Record<string, { polled?: number }> };
		expect(Object.values(state.projects).every((w) => w.polled !== undefined)).toBe(true);

		const added = sim.projects.createProject({ name: 'Added later' });
		const task = sim.projects.createTask(added, { name: 'First task of a new project' });
		const seen: IDataObject[] = [];
		for (let n = 0; n < 20 && !seen.length; n++) seen.push(...(await poll(s)));
		expect(seen.map((j) => [j.event, j.project_id, j.id])).toEqual([['taskCreated', added, task.id]]);
	});

	it('reads comments of linked tasks only', async () => {
		const project = sim.projects.createProject({ name: 'Comments' });
		const linked = sim.projects.createTask(project, { name: 'Linked', [FIELDS.projectsCrmTaskId]: '4876876000000999001' });
		const unlinked = Array.from({ length: 5 }, (_, i) => sim.projects.createTask(project, { name: `Unlinked ${i}` }));
		const s = spec({ watch: 'chosenProjects', projectIds: [project], events: ['commentAdded'] });
		expect(await poll(s)).toEqual([]);
		sim.clock.advance(1000);
		sim.projects.addComment(String(linked.id), '<p>On the linked task</p>');
		for (const t of unlinked) sim.projects.addComment(String(t.id), '<p>Not synced</p>');
		const got: IDataObject[] = [];
		const commentReads: string[] = [];
		for (let n = 0; n < 6; n++) {
			got.push(...(await poll(s)));
			commentReads.push(...projectCalls(sim).filter((c) => c.path.endsWith('/comments')).map((c) => c.path));
		}
		expect(got.map((j) => [j.event, j.task_id, j.project_id, j.comment])).toEqual([['commentAdded', linked.id, project, '<p>On the linked task</p>']]);
		expect(commentReads.length).toBeGreaterThan(0);
		expect(commentReads.every((p) => p.includes(`/tasks/${String(linked.id)}/`))).toBe(true);
	});

	it('keeps a watermark per project: no change repeated or missed across polls, also when the cap postpones a project', async () => {
		const ids = Array.from({ length: 6 }, (_, i) => sim.projects.createProject({ name: `Marked ${i}` }));
		const s = spec({ watch: 'chosenProjects', projectIds: ids, options: { maxCallsPerPoll: 2 } });
		for (let n = 0; n < 4; n++) await poll(s);
		const made: string[] = [];
		const seen: string[] = [];
		for (let round = 0; round < 3; round++) {
			sim.clock.advance(1000);
			for (const id of ids) made.push(String(sim.projects.createTask(id, { name: `R${round} in ${id}` }).id));
			// Two calls per poll for six projects: some wait, and more changes arrive while they do.
			for (let n = 0; n < 2; n++) {
				const out = await poll(s);
				expect(projectCalls(sim).length).toBeLessThanOrEqual(2);
				seen.push(...out.map((j) => String(j.id)));
			}
		}
		for (let n = 0; n < 6; n++) seen.push(...(await poll(s)).map((j) => String(j.id)));
		expect(seen.sort()).toEqual(made.sort());
	});
});
