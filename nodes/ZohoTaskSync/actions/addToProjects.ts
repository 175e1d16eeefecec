/**
 * Add to Projects: link a CRM task to an existing Projects task, or create it in the project
 * associated with its deal (or with its account's mapped client company).
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { projectsRequestAll } from '../../shared/projects';
import { formatTaskLink, parseProjectLink, type TaskLink } from '../../shared/sync/links';
import { crmTaskFromRecord } from '../../shared/sync/views';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { blankProjectsTask, draftCounterpart } from './create';
import { badLink, linkOf, taskUrls } from './pair';
import { apply, rejectedItem } from './syncTask';
import { idParameter, optionalIdParameter } from '../ids';

async function targetProject(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, record: IDataObject, itemIndex: number): Promise<{ portalId: string; projectId: string }> {
	const chosen = optionalIdParameter.call(this, 'targetProjectId', itemIndex);
	const portalParam = optionalIdParameter.call(this, 'portalId', itemIndex);
	if (chosen) {
		if (!portalParam) throw new NodeOperationError(this.getNode(), 'Set the Portal ID to create the task in the chosen project', { itemIndex });
		return { portalId: portalParam, projectId: chosen };
	}
	const what = (record.What_Id ?? {}) as IDataObject;
	const module = String(record.$se_module ?? '');
	if (module === 'Deals' && what.id) {
		await gw.requireCrmField('Deals', settings.fields.dealProject, 'Single Line');
		const deal = await gw.crmRecord('Deals', String(what.id));
		const project = parseProjectLink(deal?.[settings.fields.dealProject]);
		if (project) return project;
		throw new NodeOperationError(this.getNode(), `The deal "${String(what.name ?? what.id)}" is not associated with a Zoho Projects project`, {
			itemIndex,
			description: `Fill its field ${settings.fields.dealProject} with "portal ID:project ID", or choose the project in the node.`,
		});
	}
	if (module === 'Accounts' && what.id && portalParam) {
		await gw.requireCrmField('Accounts', settings.fields.accountClient, 'Single Line');
		const account = await gw.crmRecord('Accounts', String(what.id));
		const clientId = String(account?.[settings.fields.accountClient] ?? '');
		if (clientId) {
			const projects = await projectsRequestAll.call(this, gw.projectsSettings(portalParam), { method: 'GET', path: '/projects' }, undefined);
			const ofClient = projects.filter((p) => String((p.client_company as IDataObject | undefined)?.id ?? '') === clientId);
			if (ofClient.length === 1) return { portalId: portalParam, projectId: String(ofClient[0].id) };
			throw new NodeOperationError(this.getNode(), `The account's client company has ${ofClient.length} projects; choose one in the node`, {
				itemIndex,
				description: ofClient.map((p) => `${String(p.name)} (${String(p.id)})`).join(', ') || 'No project belongs to it.',
			});
		}
	}
	throw new NodeOperationError(this.getNode(), 'No Zoho Projects project is associated with this task', {
		itemIndex,
		description: "Relate the task to a deal associated with a project, or to an account mapped to a client company (and set the Portal ID), or choose the project in the node.",
	});
}

export async function addToProjects(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	await gw.requireTaskFields();
	const crmTaskId = idParameter.call(this, 'crmTaskId', itemIndex);
	const record = await gw.crmTask(crmTaskId);
	if (!record) throw new NodeOperationError(this.getNode(), `No task with ID "${crmTaskId}" exists in Zoho CRM`, { itemIndex });
	const existingLink = linkOf(record, settings);
	// A damaged link is not "no link": adding would overwrite what someone may still need to correct.
	const damaged = badLink(record, settings);
	if (damaged) throw gw.damagedLink(crmTaskId, damaged);
	if (existingLink) return [{ outlet: 'skipped', json: { reason: 'alreadyLinked', crmTaskId, link: formatTaskLink(existingLink) } }];

	const { portalId, projectId } = await targetProject.call(this, gw, settings, record, itemIndex);
	const counterpartId = optionalIdParameter.call(this, 'counterpartId', itemIndex);
	let projectsJson: IDataObject;
	const rejected: SyncItem[] = [];
	if (counterpartId) {
		const found = await gw.projectsTask(portalId, projectId, counterpartId);
		if (!found) throw new NodeOperationError(this.getNode(), `No task with ID "${counterpartId}" exists in Zoho Projects project ${projectId}`, { itemIndex });
		projectsJson = found;
	} else {
		const link: TaskLink = { portalId, projectId, taskId: '' };
		const crmTask = crmTaskFromRecord(record);
		const draft = await draftCounterpart(gw, settings.config, 'projects', crmTask, blankProjectsTask(link), link, crmTask.modifiedBy);
		const tasklistId = optionalIdParameter.call(this, 'tasklistId', itemIndex);
		const body: IDataObject = { ...draft.body, name: draft.body.name ?? record.Subject, [settings.fields.projectsCrmId]: crmTaskId };
		if (tasklistId) body.tasklist = { id: tasklistId };
		if (settings.dryRun) return [{ outlet: 'synced', json: { action: 'create', dryRun: true, crmTaskId, portalId, projectId, body, refused: draft.refusals.map((r) => r.rule) } }];
		projectsJson = await gw.writeProjectsTask(portalId, projectId, null, body);
		const created: TaskLink = { portalId, projectId, taskId: String(projectsJson.id) };
		const ids = { crmTaskId, projectsTaskId: created.taskId, portalId, projectId };
		for (const r of draft.refusals) rejected.push(rejectedItem(r, crmTask.subject, taskUrls(settings, crmTaskId, created), settings, ids));
	}
	const link: TaskLink = { portalId, projectId, taskId: String(projectsJson.id) };
	const crmLink: IDataObject = { [settings.fields.link]: formatTaskLink(link) };
	const urlField = `${settings.fields.link}_URL`;
	if (await gw.hasCrmField('Tasks', urlField)) crmLink[urlField] = taskUrls(settings, crmTaskId, link).projects;
	const items = await apply(gw, settings, record, projectsJson, link, 'crm', {
		crm: crmLink,
		projects: counterpartId ? { [settings.fields.projectsCrmId]: crmTaskId } : undefined,
	});
	const action = counterpartId ? 'linked' : 'created';
	const synced = items.find((i) => i.outlet === 'synced');
	const summary: SyncItem = { outlet: 'synced', json: { ...(synced?.json ?? {}), action, crmTaskId, projectsTaskId: link.taskId, portalId, projectId, links: taskUrls(settings, crmTaskId, link) } };
	return [summary, ...items.filter((i) => i.outlet === 'rejected'), ...rejected];
}
