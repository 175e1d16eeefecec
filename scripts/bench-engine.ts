/**
 * `npm run bench:engine`: decisions per second of the pure sync engine over 10,000 synthetic pairs
 * (a mix of echoes, one-sided edits, concurrent edits, conflicts and refusals). A benchmark, not a test.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_CONFIG } from '../nodes/shared/sync/defaults';
import { finishSync, planSync, type SyncInput } from '../nodes/shared/sync/engine';
import type { CrmTask, ProjectsTask, SyncContext, SyncState } from '../nodes/shared/sync/types';

const PAIRS = Number(process.env.BENCH_PAIRS ?? 10_000);
const ROUNDS = 5;

const context: SyncContext = {
	project: { id: 'p', name: 'Strict', startDate: '2026-12-01', endDate: '2026-12-25', strict: true },
	statuses: [
		{ id: 'o', name: 'Open', closed: false },
		{ id: 'c', name: 'Closed', closed: true },
	],
	crmUsers: new Map([['a@example.jp', { id: 'u1', email: 'a@example.jp' }]]),
	projectsUsers: new Map([['a@example.jp', { zpuid: 'z1', email: 'a@example.jp' }]]),
	projectMembers: new Map([['a@example.jp', { zpuid: 'z1', email: 'a@example.jp' }]]),
};

function pair(i: number): SyncInput {
	const day = String(1 + (i % 24)).padStart(2, '0');
	const crm: CrmTask = {
		id: `c${i}`,
		subject: `タスク ${i}`,
		description: `説明 ${i}\n二行目 & <記号>`,
		dueDate: `2026-12-${day}`,
		priority: ['Highest', 'High', 'Normal', 'Low'][i % 4],
		status: i % 5 === 0 ? 'Completed' : 'In Progress',
		owner: { id: 'u1', email: 'a@example.jp' },
		modifiedTime: '2026-11-25T10:00:00Z',
		modifiedBy: { email: 'a@example.jp', name: 'A' },
		custom: {},
	};
	const projects: ProjectsTask = {
		id: `p${i}`,
		portalId: '1',
		projectId: 'p',
		name: crm.subject,
		description: `<div>説明 ${i}<br>二行目 &amp; &lt;記号&gt;</div>`,
		startDate: '2026-12-01T00:00:00+09:00',
		endDate: `2026-12-${day}T00:00:00+09:00`,
		priority: ['high', 'high', 'medium', 'low'][i % 4] as ProjectsTask['priority'],
		status: i % 5 === 0 ? { id: 'c', name: 'Closed', closed: true } : { id: 'o', name: 'Open', closed: false },
		owners: [{ zpuid: 'z1', email: 'a@example.jp' }],
		lastModified: '2026-11-25T09:00:00Z',
		updatedBy: { email: 'a@example.jp', name: 'A' },
		parentTaskId: null,
		custom: {},
	};
	const base = planSync({ crm, projects, state: null, initiator: 'crm', config: DEFAULT_CONFIG });
	const state: SyncState = { v: 1, base: base.crmValues };
	switch (i % 4) {
		case 1:
			crm.subject += ' (edited)';
			break;
		case 2:
			crm.dueDate = '2027-01-15'; // refused: strict project
			projects.name += ' v2';
			break;
		case 3:
			crm.subject = 'CRM side';
			projects.name = 'Projects side'; // conflict
			break;
	}
	return { crm, projects, state, initiator: i % 2 ? 'crm' : 'projects', config: DEFAULT_CONFIG };
}

const inputs = Array.from({ length: PAIRS }, (_, i) => pair(i));
const rates: number[] = [];
let refusals = 0;
for (let round = 0; round < ROUNDS; round++) {
	refusals = 0;
	const start = process.hrtime.bigint();
	for (const input of inputs) refusals += finishSync(input, planSync(input), context, '2026-11-25T12:00:00Z').refusals.length;
	const seconds = Number(process.hrtime.bigint() - start) / 1e9;
	rates.push(PAIRS / seconds);
}
rates.sort((a, b) => a - b);
const result = {
	benchmark: 'engine',
	pairs: PAIRS,
	rounds: ROUNDS,
	decisionsPerSecondMedian: Math.round(rates[Math.floor(ROUNDS / 2)]),
	decisionsPerSecondBest: Math.round(rates[ROUNDS - 1]),
	refusalsPerRound: refusals,
	node: process.version,
	at: new Date().toISOString(),
};
mkdirSync(join(__dirname, '..', 'bench-results'), { recursive: true });
writeFileSync(join(__dirname, '..', 'bench-results', 'engine.json'), JSON.stringify(result, null, 2) + '\n');
console.log(`engine: ${result.decisionsPerSecondMedian} decisions/s (median of ${ROUNDS} rounds over ${PAIRS} pairs; best ${result.decisionsPerSecondBest}); ${refusals} refusals per round`);
console.log('written to bench-results/engine.json');
