import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeExecutionData, INodeType, INodeTypeDescription, INodeTypes, IExecuteFunctions } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

export const PACKAGE = 'n8n-nodes-zoho-task-sync';
const ROOT = join(__dirname, '..', '..');

/** A manual start: emits the items the test gives the run. */
export class TestStart implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Test Start',
		name: 'testStart',
		group: ['input'],
		version: 1,
		description: 'Emits the test input',
		defaults: { name: 'Start' },
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		properties: [],
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return [this.getInputData()];
	}
}

/**
 * Every node the package registers in package.json (`n8n.nodes`), loaded from its TypeScript source,
 * keyed as n8n keys community nodes: `<package>.<name>`. A node missing from package.json is missing here too.
 */
export function packageNodeTypes(): Record<string, INodeType> {
	const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { n8n: { nodes: string[] } };
	const types: Record<string, INodeType> = {};
	for (const distPath of pkg.n8n.nodes) {
		// `.ts` named outright: beside `X.node.ts` lies the codex `X.node.json`, which plain Node
		// resolution (ts-node in the benchmarks) would pick for an extensionless path.
		const source = join(ROOT, distPath.replace(/^dist\//, '').replace(/\.js$/, '.ts'));
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const mod = require(source) as Record<string, new () => INodeType>;
		for (const Ctor of Object.values(mod)) {
			const node = new Ctor();
			types[`${PACKAGE}.${node.description.name}`] = node;
		}
	}
	return types;
}

export function createNodeTypes(extra: Record<string, INodeType> = {}): INodeTypes {
	const types: Record<string, INodeType> = { 'test.start': new TestStart(), ...packageNodeTypes(), ...extra };
	return {
		getByName: (type: string) => types[type],
		getByNameAndVersion: (type: string, version?: number) => NodeHelpers.getVersionedNodeType(types[type], version),
		getKnownTypes: () => ({}),
	} as INodeTypes;
}
