/**
 * The workflows the run drives, taken from the shipped templates: each trigger and the Zoho Task
 * Sync node it feeds keep the template's type, name, parameters and error handling, so the run
 * tests what users import. Only the placeholders are filled in (portal, project) and the template's
 * e-mail and stop nodes are left out (they are n8n-nodes-base nodes; the run reads the Sync node's
 * outputs instead). Workflows whose template has a manual trigger start from the harness's Start.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IConnections, INode, INodeParameters, NodeParameterValueType } from 'n8n-workflow';

import type { WorkflowSpec } from '../../test/harness/engine';
import { CREDENTIAL_REF } from '../../test/harness/sim';
import { PORTAL_ID } from '../../test/zoho-sim/seed-data';
import type { ProjectKey } from './types';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const SYNC_TYPE = 'n8n-nodes-zoho-task-sync.zohoTaskSync';

interface TemplateNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	position?: [number, number];
	parameters: INodeParameters;
	onError?: INode['onError'];
	webhookId?: string;
}

interface Template {
	nodes: TemplateNode[];
	connections: IConnections;
}

const load = (file: string): Template => JSON.parse(readFileSync(join(TEMPLATES, file), 'utf8')) as Template;

/** Fill the template placeholders, everywhere in a parameter tree. */
function fill(value: NodeParameterValueType | INodeParameters, projectId: string): NodeParameterValueType | INodeParameters {
	if (typeof value === 'string') return value.replace(/REPLACE_PORTAL_ID/g, PORTAL_ID).replace(/REPLACE_PROJECT_ID/g, projectId);
	if (Array.isArray(value)) return value.map((v) => fill(v as INodeParameters, projectId)) as NodeParameterValueType;
	if (value && typeof value === 'object') {
		return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v as INodeParameters, projectId)])) as INodeParameters;
	}
	return value;
}

function asNode(t: TemplateNode, projectId: string, index: number): INode {
	return {
		id: t.id ?? `n${index}`,
		name: t.name,
		type: t.type,
		typeVersion: t.typeVersion,
		position: t.position ?? [index * 200, 0],
		parameters: fill(t.parameters, projectId) as INodeParameters,
		credentials: CREDENTIAL_REF,
		...(t.onError ? { onError: t.onError } : {}),
		...(t.webhookId ? { webhookId: t.webhookId } : {}),
	};
}

/** The Sync node a template's trigger feeds (its first output's first connection). */
function fedBy(template: Template, trigger: TemplateNode): TemplateNode {
	const target = template.connections[trigger.name]?.main?.[0]?.[0]?.node;
	const sync = template.nodes.find((n) => n.name === target && n.type === SYNC_TYPE);
	if (!sync) throw new Error(`template: "${trigger.name}" does not feed a Zoho Task Sync node`);
	return sync;
}

export interface SyncFlow {
	spec: WorkflowSpec;
	workflowId: string;
	/** The node that starts an execution (the trigger, or the harness's Start for manual workflows). */
	start: string;
	sync: string;
}

function flow(start: INode, sync: INode, workflowId: string): SyncFlow {
	return {
		spec: { nodes: [start, sync], connections: { [start.name]: { main: [[{ node: sync.name, type: 'main', index: 0 }]] } } },
		workflowId,
		start: start.name,
		sync: sync.name,
	};
}

/** Trigger → Sync from one template, picked by the trigger's type (and, for comment-sync, its events). */
function triggerFlow(file: string, triggerType: string, workflowId: string, projectId = ''): SyncFlow {
	const template = load(file);
	const trigger = template.nodes.find((n) => n.type === `n8n-nodes-zoho-task-sync.${triggerType}`);
	if (!trigger) throw new Error(`template ${file} has no ${triggerType}`);
	return flow(asNode(trigger, projectId, 0), asNode(fedBy(template, trigger), projectId, 1), workflowId);
}

export interface Flows {
	/** crm-to-projects-task-sync: the instant CRM trigger → Sync Task from CRM. */
	crmToProjects: SyncFlow;
	/** projects-to-crm-task-sync, imported once per project (the trigger polls one project). */
	projectsToCrm: Record<ProjectKey, SyncFlow>;
	/** comment-sync: new CRM notes (polled) → Sync Comment from CRM. */
	crmNotes: SyncFlow;
	/** comment-sync's Projects half, once per project. */
	projectsComments: Record<ProjectKey, SyncFlow>;
	/** scheduled-reconcile: Reconcile both sides. */
	reconcile: SyncFlow;
	/**
	 * The same Reconcile (same workflow, same static data) on a run whose daily full sweep is due:
	 * the template sweeps every 96th run (once a day), a day the chaos run compresses.
	 */
	reconcileSweep: SyncFlow;
}

export function loadFlows(projectIds: Record<ProjectKey, string>): Flows {
	const reconcileTemplate = load('scheduled-reconcile.json');
	const reconcileNode = reconcileTemplate.nodes.find((n) => n.type === SYNC_TYPE && n.parameters.operation === 'reconcile');
	if (!reconcileNode) throw new Error('scheduled-reconcile.json has no Reconcile node');
	const start: INode = { id: 's', name: 'Run now', type: 'test.start', typeVersion: 1, position: [0, 0], parameters: {} };
	const perProject = (file: string, type: string, prefix: string) =>
		({
			migration: triggerFlow(file, type, `${prefix}-migration`, projectIds.migration),
			website: triggerFlow(file, type, `${prefix}-website`, projectIds.website),
		}) satisfies Record<ProjectKey, SyncFlow>;
	return {
		crmToProjects: triggerFlow('crm-to-projects-task-sync.json', 'zohoCrmTasksTrigger', 'crm-to-projects'),
		projectsToCrm: perProject('projects-to-crm-task-sync.json', 'zohoProjectsTrigger', 'projects-to-crm'),
		crmNotes: triggerFlow('comment-sync.json', 'zohoCrmTasksTrigger', 'comments-crm'),
		projectsComments: perProject('comment-sync.json', 'zohoProjectsTrigger', 'comments-projects'),
		reconcile: flow(start, asNode(reconcileNode, '', 1), 'scheduled-reconcile'),
		reconcileSweep: flow(start, asNode({ ...reconcileNode, parameters: { ...reconcileNode.parameters, fullSweepEvery: 1 } }, '', 1), 'scheduled-reconcile'),
	};
}
