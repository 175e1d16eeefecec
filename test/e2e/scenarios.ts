/**
 * The e2e scenarios, each a row of the pass/fail table. They run in this order against one n8n and
 * one simulator per version, so each leaves the seed data in a state the next one expects.
 */
import { TASKS, USERS } from '../zoho-sim/seed-data';
import { type Ctx, ScenarioSkip, waitUntil } from './context';
import { type Role, ROLE_LABEL } from './roles';

export interface Scenario {
	name: string;
	/** Roles (roles.ts) or file names of the workflows that must be imported and active. */
	needs: string[];
	run(ctx: Ctx): Promise<string | void>;
}

export function requireActive(ctx: Ctx, files: string[]): void {
	for (const key of files) {
		const w = ctx.workflow(key);
		if (!w) throw new ScenarioSkip(`no template ${key in ROLE_LABEL ? `plays "${ROLE_LABEL[key as Role]}"` : `named ${key}`}`);
		const manual = ['importUsers', 'reconcile', 'errorAlert'].includes(key);
		if (!w.active && !manual) throw new Error(`${w.file} is not active: ${w.error ?? 'not activated'}`);
	}
}

const day = (value: unknown): string => String(value ?? '').slice(0, 10);

export const SMOKE: Scenario[] = [
	{
		name: 'smoke: packed package loads, CRM edit reaches Projects through n8n',
		needs: ['e2e-smoke.json'],
		async run(ctx) {
			const { sim } = ctx.stack;
			await waitUntil('the CRM notification channel', () => (sim.crm.snapshot().channels as unknown[]).length > 0, 30_000);
			sim.crm.editAsUser('Tasks', TASKS.plan.crmId, { Due_Date: '2026-12-12' }, USERS.ichiro.crmId);
			await waitUntil('the Projects end date to become 2026-12-12', () => day(sim.projects.task(TASKS.plan.zpId)?.end_date) === '2026-12-12', 60_000);
			return 'Projects end_date 2026-12-12';
		},
	},
];
