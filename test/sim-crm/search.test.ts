/**
 * Search: the criteria grammar (operators, and/or, nesting, escapes, `${EMPTY}`), limits and errors,
 * and search on Accounts, Deals and Contacts.
 */
import { COMPANIES, CONTACTS, DEALS, FIELDS, TASKS, USERS, taskLinkValue, PROJECTS } from '../zoho-sim/seed-data';
import { bodyOf, type Client, dataOf, startSim } from './helpers';

describe('CRM search', () => {
	let c: Client;
	const ids = async (module: string, criteria: string): Promise<string[] | number> => {
		const r = await c.get(`/crm/v8/${module}/search?criteria=${encodeURIComponent(criteria)}`);
		return r.status === 200 ? dataOf(r).map((x) => String(x.id)).sort() : r.status;
	};
	const sorted = (...list: string[]) => [...list].sort();

	beforeAll(async () => {
		c = await startSim();
		// Values that need escaping.
		const r = await c.post('/crm/v8/Tasks', {
			data: [
				{ Subject: 'Review (draft), v2', Due_Date: '2026-12-31' },
				{ Subject: 'Review draft', Due_Date: '2027-01-05' },
			],
		});
		expect(r.status).toBe(201);
	});
	afterAll(async () => {
		await c.sim.stop();
	});

	it('equals, not_equal and starts_with (case-insensitive text)', async () => {
		expect(await ids('Tasks', '(Status:equals:Completed)')).toEqual(sorted(TASKS.verify.crmId, TASKS.verifyReport.crmId));
		expect(await ids('Tasks', '(Subject:equals:design MOCK-UPS)')).toEqual([TASKS.design.crmId]);
		expect(await ids('Tasks', '(Subject:starts_with:移行)')).toEqual([TASKS.plan.crmId]);
		const notCompleted = await ids('Tasks', '(Status:not_equal:Completed)');
		expect(Array.isArray(notCompleted) && notCompleted.length).toBe(5);
	});

	it('matches a link value that itself contains colons', async () => {
		const link = taskLinkValue(PROJECTS.migration.id, TASKS.plan.zpId);
		expect(await ids('Tasks', `(${FIELDS.taskLink}:equals:${link})`)).toEqual([TASKS.plan.crmId]);
	});

	it('combines with and/or and nested parentheses', async () => {
		expect(await ids('Tasks', `((Status:equals:Completed)and(Owner:equals:${USERS.ichiro.crmId}))`)).toEqual([TASKS.verifyReport.crmId]);
		expect(await ids('Tasks', '((Priority:equals:Highest)or(Priority:equals:High))')).toEqual(sorted(TASKS.plan.crmId, TASKS.kickoff.crmId));
		expect(
			await ids('Tasks', `((What_Id:equals:${DEALS.migration.id}) and ((Status:equals:In Progress) or (Priority:equals:Low)))`),
		).toEqual(sorted(TASKS.plan.crmId, TASKS.verifyReport.crmId));
	});

	it('supports in, comma lists, ranges, between and ${EMPTY}', async () => {
		expect(await ids('Tasks', '(Priority:in:Highest,Low)')).toEqual(sorted(TASKS.kickoff.crmId, TASKS.verifyReport.crmId));
		expect(await ids('Tasks', '(Priority:equals:Highest,Low)')).toEqual(sorted(TASKS.kickoff.crmId, TASKS.verifyReport.crmId));
		expect(await ids('Tasks', '(Due_Date:greater_than:2026-12-20)')).toHaveLength(2);
		expect(await ids('Tasks', '(Due_Date:less_equal:2026-11-30)')).toEqual(sorted(TASKS.design.crmId, TASKS.kickoff.crmId));
		expect(await ids('Tasks', '(Due_Date:between:2026-12-10,2026-12-18)')).toEqual(sorted(TASKS.plan.crmId, TASKS.verifyReport.crmId));
		const unlinked = await ids('Tasks', `(${FIELDS.taskLink}:equals:\${EMPTY})`);
		expect(Array.isArray(unlinked) && unlinked).toContain(TASKS.kickoff.crmId);
		expect(Array.isArray(unlinked) && unlinked.includes(TASKS.plan.crmId)).toBe(false);
	});

	it('treats escaped ( ) , as literal characters', async () => {
		const found = await ids('Tasks', '(Subject:equals:Review \\(draft\\)\\, v2)');
		expect(Array.isArray(found) && found).toHaveLength(1);
		const r = await c.get(`/crm/v8/Tasks/search?criteria=${encodeURIComponent('(Subject:starts_with:Review \\(d)')}&fields=Subject`);
		expect(dataOf(r)).toEqual([{ id: expect.any(String), Subject: 'Review (draft), v2' }]);
	});

	it('answers 204 when nothing matches', async () => {
		const r = await c.get(`/crm/v8/Tasks/search?criteria=${encodeURIComponent('(Subject:equals:nothing like this)')}`);
		expect(r.status).toBe(204);
		expect(r.text).toBe('');
	});

	it('refuses bad criteria with 400 INVALID_QUERY', async () => {
		const bad = async (criteria: string) => {
			const r = await c.get(`/crm/v8/Tasks/search?criteria=${encodeURIComponent(criteria)}`);
			expect(r.status).toBe(400);
			return bodyOf(r);
		};
		for (const q of ['Status:equals:Completed', '(Status:equals:Completed', '(Status:equals)', '((Status:equals:A)and(Status:equals:B)or(Status:equals:C))', '(Status:equals:a(b)', '(Status:equals:A)xor(Status:equals:B)']) {
			expect((await bad(q)).code).toBe('INVALID_QUERY');
		}
		expect(await bad('(Nope:equals:1)')).toMatchObject({ code: 'INVALID_QUERY', details: { api_name: 'Nope' } });
		expect(await bad('(Status:greater_than:A)')).toMatchObject({ code: 'INVALID_QUERY', details: { operator: 'greater_than' } });
		expect((await bad('(Due_Date:equals:2026-13-01)')).code).toBe('INVALID_QUERY');
		const eleven = `(${Array.from({ length: 11 }, (_, i) => `(Subject:equals:s${i})`).join('or')})`;
		expect(await bad(eleven)).toMatchObject({ code: 'INVALID_QUERY', details: { limit: 10 } });
		const ten = `(${Array.from({ length: 10 }, (_, i) => `(Subject:equals:s${i})`).join('or')})`;
		expect((await c.get(`/crm/v8/Tasks/search?criteria=${encodeURIComponent(ten)}`)).status).toBe(204);
		expect(bodyOf(await c.get('/crm/v8/Tasks/search'))).toMatchObject({ code: 'REQUIRED_PARAM_MISSING', details: { param_name: 'criteria', param: 'criteria' } });
	});

	it('searches Accounts (client mapping), Deals (project) and Contacts (email, word)', async () => {
		expect(await ids('Accounts', `(${FIELDS.accountClient}:equals:${COMPANIES.sakura.clientId})`)).toEqual([COMPANIES.sakura.accountId]);
		expect(await ids('Accounts', '(Account_Name:equals:Acme Corporation)')).toEqual([COMPANIES.acme.accountId]);
		expect(await ids('Deals', `(${FIELDS.dealProject}:equals:700000001:${PROJECTS.migration.id})`)).toEqual([DEALS.migration.id]);
		expect(await ids('Deals', `(Account_Name:equals:${COMPANIES.sakura.accountId})`)).toEqual(sorted(DEALS.migration.id, DEALS.support.id));
		const byEmail = await c.get(`/crm/v8/Contacts/search?email=${encodeURIComponent(CONTACTS.john.email)}`);
		expect(dataOf(byEmail).map((x) => x.id)).toEqual([CONTACTS.john.id]);
		const byWord = await c.get(`/crm/v8/Contacts/search?word=${encodeURIComponent('sakura-shoji')}`);
		expect(dataOf(byWord)).toHaveLength(2);
	});
});
