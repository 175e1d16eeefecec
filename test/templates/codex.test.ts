/**
 * Every node the package registers has its codex file (`<Node>.node.json` beside the source, which
 * the build copies to dist) naming that node's type, so n8n files it under the right categories
 * and links its documentation.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { PACKAGE } from '../harness/nodeTypes';

const ROOT = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
const sources = pkg.n8n.nodes.map((dist) => dist.replace(/^dist\//, '').replace(/\.js$/, ''));

interface Codex {
	node?: unknown;
	nodeVersion?: unknown;
	codexVersion?: unknown;
	categories?: unknown;
	resources?: { primaryDocumentation?: Array<{ url?: unknown }> };
}

describe('codex files', () => {
	it('the package registers the five nodes of the design', () => {
		const names = sources.map((s) => s.split('/').pop());
		expect(names).toEqual(['ZohoProjects.node', 'ZohoProjectsTrigger.node', 'ZohoCrmTasks.node', 'ZohoCrmTasksTrigger.node', 'ZohoTaskSync.node']);
	});

	it.each(sources)('%s has a codex file that names its node type', (source) => {
		const file = join(ROOT, `${source}.json`);
		expect(existsSync(file)).toBe(true);
		const codex = JSON.parse(readFileSync(file, 'utf8')) as Codex;
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(join(ROOT, source)) as Record<string, new () => INodeType>;
		const [Ctor] = Object.values(mod);
		expect(codex.node).toBe(`${PACKAGE}.${new Ctor().description.name}`);
		expect(codex).toMatchObject({ nodeVersion: '1.0', codexVersion: '1.0' });
		expect(Array.isArray(codex.categories) && codex.categories.length > 0).toBe(true);
		expect(codex.resources?.primaryDocumentation?.[0]?.url).toMatch(/^https:\/\//);
	});
});
