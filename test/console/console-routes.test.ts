import { createTransport } from 'nodemailer';

import { startSimStack, type SimStack } from '../e2e-kit/sim-stack';
import type { ConsoleModel } from '../zoho-sim/console';
import { type CrmTaskView, pairRows, type ProjectsTaskView } from '../zoho-sim/console/model';
import { TASKS, USERS } from '../zoho-sim/seed-data';

/**
 * The console's server side without a browser: the page files, the model it renders (link states from
 * the seed) and the inbox over a real SMTP sink. The page itself is tested in Chromium by page.e2e.ts.
 */
describe('simulator console: routes, model and inbox', () => {
	let stack: SimStack;
	beforeAll(async () => {
		stack = await startSimStack({ liveClock: false, links: [{ label: 'n8n', url: 'http://127.0.0.1:5678' }] });
	});
	afterAll(async () => await stack.stop());

	const model = async (): Promise<ConsoleModel> => (await (await fetch(`${stack.simUrl}/_sim/console/model`)).json()) as ConsoleModel;

	it('serves the page and its files with their types, and nothing else from disk', async () => {
		const page = await fetch(stack.consoleUrl);
		expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(await page.text()).toContain('/_sim/console/main.js');
		const script = await fetch(`${stack.consoleUrl}/main.js`);
		expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
		expect((await fetch(`${stack.consoleUrl}/console.css`)).headers.get('content-type')).toBe('text/css; charset=utf-8');
		expect((await fetch(`${stack.consoleUrl}/tsconfig.json`)).status).toBe(404);
		expect((await fetch(`${stack.consoleUrl}/..%2Fmodel.ts`)).status).toBe(404);
	});

	it('pairs the seed tasks by their link fields', async () => {
		const m = await model();
		const state = (id: string) => m.rows.find((r) => r.crm?.id === id || r.projects?.id === id)?.state;
		expect(state(TASKS.plan.crmId)).toBe('linked');
		expect(m.rows.find((r) => r.crm?.id === TASKS.plan.crmId)?.projects?.id).toBe(TASKS.plan.zpId);
		expect(state(TASKS.kickoff.crmId)).toBe('unlinked');
		expect(state(TASKS.contentPlan.zpId)).toBe('unlinked');
		expect(m.rows).toHaveLength(6);
		expect(m.links).toEqual([{ label: 'n8n', url: 'http://127.0.0.1:5678' }]);
		expect(m.crm.users.map((u) => u.id)).toContain(USERS.ken.crmId);
		expect(m.projects.users.map((u) => u.id)).toContain(USERS.maria.zpuid);
		expect(m.projects.projects.find((p) => p.strict)).toMatchObject({ start: '2026-12-01', end: '2026-12-25' });
	});

	it('shows a deleted counterpart as a broken link', async () => {
		stack.sim.projects.deleteTask(TASKS.design.zpId, USERS.emily.zpuid);
		const row = (await model()).rows.find((r) => r.crm?.id === TASKS.design.crmId);
		expect(row).toMatchObject({ state: 'broken', note: expect.stringContaining('no longer exists') });
		expect(row?.projects).toBeUndefined();
	});

	it('serves the mail the SMTP sink received at /_sim/inbox, and empties it on DELETE', async () => {
		const transport = createTransport({ host: '127.0.0.1', port: stack.sink.port, secure: false });
		await transport.sendMail({ from: 'n8n@example.com', to: `鈴木 一郎 <${USERS.ichiro.email}>`, subject: '変更は反映されませんでした', text: '期限日はプロジェクトの期間外です。\nThe due date is outside the project.' });
		transport.close();
		const { messages } = (await (await fetch(`${stack.simUrl}/_sim/inbox`)).json()) as { messages: { to: string[]; subject: string; text: string }[] };
		expect(messages).toEqual([expect.objectContaining({ to: [USERS.ichiro.email], subject: '変更は反映されませんでした', text: expect.stringContaining('期間外') })]);
		expect((await fetch(`${stack.simUrl}/_sim/inbox`, { method: 'DELETE' })).status).toBe(204);
		expect(stack.sink.messages).toHaveLength(0);
	});
});

describe('simulator console: link states', () => {
	const crm = (id: string, link = ''): CrmTaskView => ({ id, subject: id, due: '', status: '', priority: '', modified: '', link });
	const zp = (id: string, crmTaskId = ''): ProjectsTaskView => ({
		id, key: id, name: id, start: '', end: '', statusId: '', status: '', closed: false, priority: 'none', owners: [], modified: '', projectId: 'p', crmTaskId,
	});

	it('links a pair only when each side names the other', () => {
		expect(pairRows([crm('c1', 'portal:p:z1')], [zp('z1', 'c1')])).toEqual([{ state: 'linked', crm: crm('c1', 'portal:p:z1'), projects: zp('z1', 'c1') }]);
	});

	it('calls a one-sided or crossed link broken, and says which side is wrong', () => {
		expect(pairRows([crm('c1', 'portal:p:z1')], [zp('z1')])[0]).toMatchObject({ state: 'broken', note: 'the Projects task has no link back' });
		expect(pairRows([crm('c1')], [zp('z1', 'c1')])[0]).toMatchObject({ state: 'broken', note: 'the CRM task has no link to this Projects task', projects: { id: 'z1' } });
		expect(pairRows([crm('c1', 'portal:p:z1'), crm('c2')], [zp('z1', 'c2')])[0]).toMatchObject({ state: 'broken', note: 'the Projects task links to CRM task c2' });
		expect(pairRows([], [zp('z1', 'c9')])).toEqual([{ state: 'broken', note: 'CRM task c9 no longer exists', projects: zp('z1', 'c9') }]);
	});

	it('never shows a Projects task twice when two CRM tasks claim it', () => {
		const rows = pairRows([crm('c1', 'portal:p:z1'), crm('c2', 'portal:p:z1')], [zp('z1', 'c1')]);
		expect(rows.map((r) => [r.state, r.projects?.id])).toEqual([['linked', 'z1'], ['broken', undefined]]);
	});

	it('keeps unlinked tasks on their own side', () => {
		expect(pairRows([crm('c1')], [zp('z1')]).map((r) => [r.state, r.crm?.id, r.projects?.id])).toEqual([['unlinked', 'c1', undefined], ['unlinked', undefined, 'z1']]);
	});
});
