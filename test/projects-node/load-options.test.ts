/**
 * Option lists and list searches that read the portal (or the project) declare it in
 * `loadOptionsDependsOn`, so the editor reloads them when the portal changes. What each method
 * needs is found by calling it through n8n-core's LoadOptionsContext without the portal or project.
 */
import type { IDataObject, INodeProperties, INodePropertyCollection } from 'n8n-workflow';

import type { Harness } from '../harness/engine';
import { PROJECTS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { PROJECTS as PROJECTS_NODE, TRIGGER, callMethod, freshHarness, portal, rl, startProjectsSim, stopProjectsSim } from './helpers';

interface Dynamic {
	node: string;
	path: string;
	method: string;
	kind: 'loadOptions' | 'listSearch';
	dependsOn: string[];
}

/** Every property of a node that loads options or searches a list, at any depth. */
function dynamicProperties(node: string, properties: Array<INodeProperties | INodePropertyCollection>, prefix = ''): Dynamic[] {
	const out: Dynamic[] = [];
	for (const property of properties) {
		const path = `${prefix}${property.name}`;
		if ('values' in property) {
			out.push(...dynamicProperties(node, property.values, `${path}.`));
			continue;
		}
		const p = property as INodeProperties;
		const dependsOn = p.typeOptions?.loadOptionsDependsOn ?? [];
		if (p.typeOptions?.loadOptionsMethod) out.push({ node, path, method: p.typeOptions.loadOptionsMethod, kind: 'loadOptions', dependsOn });
		for (const mode of p.modes ?? []) {
			const method = mode.typeOptions?.searchListMethod;
			if (method) out.push({ node, path, method, kind: 'listSearch', dependsOn });
		}
		if (p.options) out.push(...dynamicProperties(node, p.options as Array<INodeProperties | INodePropertyCollection>, `${path}.`));
	}
	return out;
}

describe('Zoho Projects option lists depend on the portal (and project) they read', () => {
	let sim: ZohoSim;
	let harness: Harness;
	beforeAll(async () => {
		sim = await startProjectsSim();
		harness = freshHarness(sim);
	});
	afterAll(async () => await stopProjectsSim(sim));

	const dynamic = () =>
		[PROJECTS_NODE, TRIGGER].flatMap((type) => dynamicProperties(type, harness.nodeTypes.getByNameAndVersion(type, 1).description.properties));

	/** What a method refuses to run without: the portal, the project, or nothing. */
	async function needs(d: Dynamic): Promise<string[]> {
		const call = async (parameters: IDataObject) => await callMethod(harness, d.node, parameters, d.kind, d.method).then(() => '', (error: Error) => error.message);
		const withoutPortal = await call({ portalId: rl(''), projectId: rl(PROJECTS.website.id) });
		const withoutProject = await call({ portalId: portal, projectId: rl('') });
		const complete = await call({ portalId: portal, projectId: rl(PROJECTS.website.id) });
		expect(complete).toBe('');
		return [
			...(withoutPortal === 'Choose a portal first' ? ['portalId.value'] : []),
			...(withoutProject === 'Choose a project first' ? ['projectId.value'] : []),
		];
	}

	it('finds the dynamic properties of both nodes', () => {
		const methods = new Set(dynamic().map((d) => d.method));
		for (const m of ['getPortalUsers', 'getClientCompanies', 'getCustomFields', 'getTasklists', 'getStatuses', 'getProjectUsers', 'searchProjects']) expect(methods).toContain(m);
	});

	it('each declares in loadOptionsDependsOn exactly the portal/project parameters it cannot run without', async () => {
		const mismatches: string[] = [];
		for (const d of dynamic()) {
			const needed = await needs(d);
			const declared = d.dependsOn.filter((p) => p === 'portalId.value' || p === 'projectId.value');
			if (needed.join() !== declared.join()) mismatches.push(`${d.node.split('.')[1]} ${d.path} (${d.method}): needs [${needed.join(', ')}], declares [${declared.join(', ')}]`);
		}
		expect(mismatches).toEqual([]);
	});
});
