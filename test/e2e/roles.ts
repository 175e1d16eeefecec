/**
 * Which template plays which part, found from its nodes rather than its file name, so the
 * scenarios follow the templates wherever the template author puts a step.
 */
import { PACKAGE_NAME } from '../../scripts/e2e/lib/package';
import type { PreparedWorkflow, TemplateNode } from '../../scripts/e2e/lib/templates';

export type Role = 'crmToProjects' | 'projectsToCrm' | 'comments' | 'addToCrm' | 'importUsers' | 'reconcile' | 'errorAlert';

export const ROLE_LABEL: Record<Role, string> = {
	crmToProjects: 'CRM → Projects task sync',
	projectsToCrm: 'Projects → CRM task sync',
	comments: 'comment sync',
	addToCrm: 'add a Projects task to CRM (form)',
	importUsers: 'import users and contacts',
	reconcile: 'scheduled reconcile',
	errorAlert: 'error alert',
};

const pkg = (name: string) => `${PACKAGE_NAME}.${name}`;

export function syncOperations(w: PreparedWorkflow): string[] {
	return w.json.nodes.filter((n) => n.type === pkg('zohoTaskSync') && !n.disabled).map((n) => String(n.parameters.operation ?? 'syncTask'));
}

export function rolesOf(w: PreparedWorkflow): Role[] {
	const types = new Set(w.json.nodes.filter((n) => !n.disabled).map((n) => n.type));
	const ops = syncOperations(w);
	const roles: Role[] = [];
	if (types.has('n8n-nodes-base.errorTrigger')) roles.push('errorAlert');
	if (types.has(pkg('zohoCrmTasksTrigger')) && ops.includes('syncTask')) roles.push('crmToProjects');
	if (types.has(pkg('zohoProjectsTrigger')) && ops.includes('syncTask')) roles.push('projectsToCrm');
	if (ops.includes('syncComment')) roles.push('comments');
	if (ops.includes('addToCrm')) roles.push('addToCrm');
	if (ops.includes('importUsers')) roles.push('importUsers');
	if (ops.includes('reconcile')) roles.push('reconcile');
	return roles;
}

/** The trigger nodes of a workflow (enabled ones), for manual runs and for reports. */
export function triggerNodes(w: PreparedWorkflow): TemplateNode[] {
	return w.json.nodes.filter((n) => !n.disabled && /trigger|webhook/i.test(n.type.split('.').pop() ?? ''));
}
