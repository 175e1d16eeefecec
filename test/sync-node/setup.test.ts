/** DESIGN §4: link fields are node parameters; a missing one is a setup error that names it and says how to create it. */
import { FIELDS, PORTAL_ID, PROJECTS, TASKS, taskLinkValue } from '../zoho-sim/seed-data';
import { syncEnv, type SyncEnv } from './helpers';

const fromCrm = { operation: 'syncTask', source: 'crm' };
const fromProjects = { operation: 'syncTask', source: 'projects' };
const designItem = { portalId: PORTAL_ID, projectId: PROJECTS.website.id, taskId: TASKS.design.zpId };
const contentPlanItem = { portalId: PORTAL_ID, projectId: PROJECTS.website.id, taskId: TASKS.contentPlan.zpId };

describe('Zoho Task Sync: link fields', () => {
	let env: SyncEnv;
	beforeEach(async () => {
		env = await syncEnv();
	});
	afterEach(async () => await env.sim.stop());

	const crm = (id: string) => env.sim.crm.getRecord('Tasks', id) as Record<string, unknown>;

	it.each([
		['link', FIELDS.taskLink],
		['sync-state', FIELDS.syncState],
	])('names a missing CRM %s field and how to create it', async (_kind, field) => {
		env.sim.crm.removeField('Tasks', field);
		for (const [parameters, item] of [
			[fromCrm, { id: TASKS.plan.crmId }],
			[fromProjects, designItem],
		] as const) {
			const r = await env.run(parameters, [item]);
			expect(r.errors).toHaveLength(1);
			expect(r.errors[0].error).toBe(`Zoho CRM Tasks has no field with the API name "${field}"`);
			expect(r.errors[0].message).toMatch(/Setup → Customization → Modules and Fields → Tasks/);
		}
	});

	it('names a missing Projects "CRM Task ID" field on the sync path instead of skipping the task as unlinked', async () => {
		env.sim.projects.removeCustomField(FIELDS.projectsCrmTaskId);
		const r = await env.run(fromProjects, [contentPlanItem]);
		expect(r.skipped).toEqual([]);
		expect(r.errors).toHaveLength(1);
		expect(r.errors[0].error).toBe(`Zoho Projects tasks have no custom field with the API name "${FIELDS.projectsCrmTaskId}"`);
		expect(r.errors[0].message).toContain('Task Layouts and Fields → add a single-line field named "CRM Task ID"');
	});

	it('points at the field labelled "CRM Task ID" when the configured API name is wrong', async () => {
		const r = await env.run({ ...fromProjects, settings: { projectsCrmIdField: 'CRM_TaskID' } }, [designItem]);
		expect(r.errors[0].error).toBe('Zoho Projects tasks have no custom field with the API name "CRM_TaskID"');
		expect(r.errors[0].message).toContain(`exists with the API name "${FIELDS.projectsCrmTaskId}"`);
	});

	it.each([
		['answers in a shape without field API names', 200, { layouts: [] }],
		['refuses the field list (edition, or a route it does not serve)', 400, { error: { status_code: '400', title: 'URL_RULE_NOT_CONFIGURED', details: [{ message: 'Given URL is wrong' }] } }],
	])('does not call the field missing when Zoho %s: the list cannot tell, so the unlinked task is skipped', async (_label, status, body) => {
		env.sim.faults.add({ product: 'projects', path: '/settings/fields$', status, body, times: Infinity });
		const r = await env.run(fromProjects, [contentPlanItem]);
		expect(r.errors).toEqual([]);
		expect(r.skipped[0]).toMatchObject({ reason: 'notLinked' });
		expect(env.sim.log.count({ product: 'projects', path: /\/settings\/fields$/ })).toBe(1);
	});

	it('still skips a task that is simply not linked', async () => {
		const r = await env.run(fromProjects, [contentPlanItem]);
		expect(r.errors).toEqual([]);
		expect(r.skipped[0]).toMatchObject({ reason: 'notLinked' });
	});

	it('refuses to reconcile without the Projects field, rather than seeing no Projects changes', async () => {
		env.sim.projects.removeCustomField(FIELDS.projectsCrmTaskId);
		const r = await env.run({ operation: 'reconcile', portalId: PORTAL_ID, since: env.sim.clock.iso() }, [{}]);
		expect(r.errors[0].error).toBe(`Zoho Projects tasks have no custom field with the API name "${FIELDS.projectsCrmTaskId}"`);
	});

	it('works both ways with link fields of other names', async () => {
		const names = { linkField: 'ZP_Link', stateField: 'ZP_State', projectsCrmIdField: 'CRM_Ref' };
		env.sim.crm.addField('Tasks', { api_name: names.linkField, data_type: 'text', custom_field: true });
		env.sim.crm.addField('Tasks', { api_name: names.stateField, data_type: 'textarea', custom_field: true, length: 32000 });
		env.sim.crm.removeField('Tasks', FIELDS.taskLink);
		env.sim.crm.removeField('Tasks', FIELDS.syncState);
		env.sim.projects.addCustomField(names.projectsCrmIdField, 'CRM Ref');
		env.sim.crm.editAsUser('Tasks', TASKS.design.crmId, { [names.linkField]: taskLinkValue(PROJECTS.website.id, TASKS.design.zpId) });
		env.sim.projects.editTask(TASKS.design.zpId, { [names.projectsCrmIdField]: TASKS.design.crmId });
		const settings = { settings: names };

		const first = await env.run({ ...fromCrm, ...settings }, [{ id: TASKS.design.crmId }]);
		expect(first.errors).toEqual([]);
		expect(first.skipped[0]).toMatchObject({ reason: 'baseRepaired' });
		expect(JSON.parse(String(crm(TASKS.design.crmId)[names.stateField])).base.subject).toBe(TASKS.design.name);

		env.sim.clock.advance(60_000);
		env.sim.projects.editTask(TASKS.design.zpId, { name: 'Renamed in Projects' });
		const back = await env.run({ ...fromProjects, ...settings }, [designItem]);
		expect(back.synced[0]).toMatchObject({ direction: 'projectsToCrm', written: { crm: ['Subject'] } });
		expect(crm(TASKS.design.crmId).Subject).toBe('Renamed in Projects');
	});
});
