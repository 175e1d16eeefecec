/**
 * Add to CRM (Zoho's "Save and add to Zoho CRM"): create — or link — the CRM task of a Projects
 * task, related to an account mapped to the project's client company, an unmapped account with the
 * same name (which becomes mapped), or one of the project's deals.
 */
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { getRecord } from '../../shared/crm/records';
import { formatTaskLink, type TaskLink } from '../../shared/sync/links';
import { projectsTaskFromJson } from '../../shared/sync/views';
import { gateway, type Gateway } from '../gateway';
import type { SyncItem } from '../router';
import type { SyncSettings } from '../settings';
import { blankCrmTask, draftCounterpart } from './create';
import { taskUrls } from './pair';
import { apply, rejectedItem } from './syncTask';
import { crmTargets, projectClient, type CrmTarget } from './targets';
import { idParameter, optionalIdParameter } from '../ids';

async function chooseTarget(this: IExecuteFunctions, gw: Gateway, settings: SyncSettings, link: TaskLink, itemIndex: number): Promise<CrmTarget> {
	const relateTo = this.getNodeParameter('relateTo', itemIndex) as 'auto' | 'account' | 'deal';
	const targets = await crmTargets.call(this, gw, settings, link.portalId, link.projectId);
	const offered = targets.map((t) => `${t.type} "${t.name}" (${t.id})`).join(', ') || 'none';
	const fail = (message: string) => new NodeOperationError(this.getNode(), message, { itemIndex, description: `This project offers: ${offered}.` });
	if (relateTo === 'account') {
		const id = idParameter.call(this, 'accountId', itemIndex);
		const target = targets.find((t) => t.module === 'Accounts' && t.id === id);
		if (!target) throw fail(`Account ${id} is neither mapped to the project's client company nor an unmapped account with its name`);
		return target;
	}
	if (relateTo === 'deal') {
		const id = idParameter.call(this, 'dealId', itemIndex);
		const target = targets.find((t) => t.module === 'Deals' && t.id === id);
		if (!target) throw fail(`Deal ${id} is not associated with project ${link.projectId}`);
		return target;
	}
	const mapped = targets.filter((t) => t.type === 'mappedAccount');
	if (mapped.length === 1) return mapped[0];
	const deals = targets.filter((t) => t.type === 'deal');
	if (!mapped.length && deals.length === 1) return deals[0];
	throw fail('Choose the account or deal to relate the task to: there is no single mapped account or single deal');
}

export async function addToCrm(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	await gw.requireTaskFields();
	const link: TaskLink = {
		portalId: idParameter.call(this, 'portalId', itemIndex),
		projectId: idParameter.call(this, 'projectId', itemIndex),
		taskId: idParameter.call(this, 'projectsTaskId', itemIndex),
	};
	const projectsJson = await gw.projectsTask(link.portalId, link.projectId, link.taskId);
	if (!projectsJson) throw new NodeOperationError(this.getNode(), `No task with ID "${link.taskId}" exists in Zoho Projects project ${link.projectId}`, { itemIndex });
	const linked = projectsJson[settings.fields.projectsCrmId];
	if (linked) return [{ outlet: 'skipped', json: { reason: 'alreadyLinked', projectsTaskId: link.taskId, crmTaskId: String(linked) } }];

	const counterpartId = optionalIdParameter.call(this, 'counterpartId', itemIndex);
	const rejected: SyncItem[] = [];
	let crmTaskId = counterpartId;
	if (!counterpartId) {
		const target = await chooseTarget.call(this, gw, settings, link, itemIndex);
		const projects = projectsTaskFromJson(projectsJson, link.portalId, link.projectId);
		const draft = await draftCounterpart(gw, settings.config, 'crm', blankCrmTask(), projects, link, projects.updatedBy);
		const record: IDataObject = {
			Subject: projects.name,
			Status: settings.config.crmReopenStatus,
			...draft.body,
			What_Id: { id: target.id },
			$se_module: target.module,
			[settings.fields.link]: formatTaskLink(link),
		};
		if (settings.dryRun) return [{ outlet: 'synced', json: { action: 'create', dryRun: true, projectsTaskId: link.taskId, relatedTo: target, record } }];
		if (target.type === 'unmappedAccount') {
			const client = await projectClient(gw, link.portalId, link.projectId);
			await gw.writeCrm('Accounts', 'PUT', { id: target.id, [settings.fields.accountClient]: client?.id });
		}
		crmTaskId = await gw.writeCrm('Tasks', 'POST', record);
		const ids = { crmTaskId, projectsTaskId: link.taskId, portalId: link.portalId, projectId: link.projectId };
		for (const r of draft.refusals) rejected.push(rejectedItem(r, projects.name, taskUrls(settings, crmTaskId, link), settings, ids));
	}
	const crmRecord = await getRecord.call(this, 'Tasks', crmTaskId);
	const items = await apply(gw, settings, crmRecord, projectsJson, link, counterpartId ? 'projects' : 'crm', {
		crm: { [settings.fields.link]: formatTaskLink(link) },
		projects: { [settings.fields.projectsCrmId]: crmTaskId },
	});
	const synced = items.find((i) => i.outlet === 'synced');
	const summary: SyncItem = {
		outlet: 'synced',
		json: { ...(synced?.json ?? {}), action: counterpartId ? 'linked' : 'created', crmTaskId, projectsTaskId: link.taskId, portalId: link.portalId, projectId: link.projectId, links: taskUrls(settings, crmTaskId, link) },
	};
	return [summary, ...items.filter((i) => i.outlet === 'rejected'), ...rejected];
}

export async function listCrmTargets(this: IExecuteFunctions, itemIndex: number, settings: SyncSettings): Promise<SyncItem[]> {
	const gw = gateway(this, settings, itemIndex);
	const portalId = idParameter.call(this, 'portalId', itemIndex);
	const projectId = idParameter.call(this, 'projectId', itemIndex);
	const targets = await crmTargets.call(this, gw, settings, portalId, projectId);
	const labels = { mappedAccount: 'Mapped account', unmappedAccount: 'Unmapped account', deal: 'Deal' };
	return targets.map((t) => ({ outlet: 'synced', json: { ...t, portalId, projectId, label: `${labels[t.type]}: ${t.name}` } }));
}
