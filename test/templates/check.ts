/**
 * The checks every shipped template (`templates/*.json`) must pass, as a function that lists the
 * problems of one template's text, so the test can also prove each check bites on a broken copy.
 *
 * Package nodes are checked against their real descriptions (parameter names, option values,
 * outputs, credentials). Nodes from n8n-nodes-base are checked against the allowlist below: the
 * end-to-end run (`npm run test:e2e`) imports the templates into a real n8n 1.123.x and 2.x, which
 * proves those types, versions and parameters exist there.
 */
import { isDeepStrictEqual } from 'node:util';

import type { IDataObject, INode, INodeParameters, INodeProperties, INodePropertyCollection, INodePropertyMode, INodeType, INodeTypeDescription } from 'n8n-workflow';
import { NodeHelpers } from 'n8n-workflow';

export const PACKAGE = 'n8n-nodes-zoho-task-sync';

/** The only placeholders a template may carry; the e2e runner and the user replace them. */
export const PLACEHOLDERS = ['REPLACE_ZOHO_CREDENTIAL_ID', 'REPLACE_SMTP_CREDENTIAL_ID', 'REPLACE_PORTAL_ID', 'REPLACE_PROJECT_ID'];

/** Credential references, exactly as every template writes them. */
export const CREDENTIAL_PLACEHOLDERS: Record<string, { id: string; name: string }> = {
	zohoTaskSyncOAuth2Api: { id: 'REPLACE_ZOHO_CREDENTIAL_ID', name: 'Zoho Task Sync' },
	smtp: { id: 'REPLACE_SMTP_CREDENTIAL_ID', name: 'SMTP' },
};

interface BaseNode {
	/** typeVersions that exist in n8n 1.123.x and 2.x. */
	versions: number[];
	inputs: number;
	outputs: number;
	/** Top-level parameter names of that version. */
	params: string[];
	credentials?: string[];
	/** The type registers webhooks (n8n gives such nodes a webhookId). */
	webhook?: boolean;
}

/** n8n-nodes-base types the templates may use (the e2e run in a real n8n proves they exist). */
export const BASE_NODES: Record<string, BaseNode> = {
	'n8n-nodes-base.stickyNote': { versions: [1], inputs: 0, outputs: 0, params: ['content', 'height', 'width', 'color'] },
	'n8n-nodes-base.manualTrigger': { versions: [1], inputs: 0, outputs: 1, params: [] },
	'n8n-nodes-base.scheduleTrigger': { versions: [1.2], inputs: 0, outputs: 1, params: ['rule'] },
	'n8n-nodes-base.errorTrigger': { versions: [1], inputs: 0, outputs: 1, params: [] },
	'n8n-nodes-base.formTrigger': {
		versions: [2.2],
		inputs: 0,
		outputs: 1,
		params: ['authentication', 'formTitle', 'formDescription', 'formFields', 'responseMode', 'options'],
		webhook: true,
	},
	'n8n-nodes-base.set': {
		versions: [3.4],
		inputs: 1,
		outputs: 1,
		params: ['mode', 'duplicateItem', 'duplicateCount', 'assignments', 'jsonOutput', 'includeOtherFields', 'include', 'includeFields', 'excludeFields', 'options'],
	},
	'n8n-nodes-base.emailSend': {
		versions: [2.1],
		inputs: 1,
		outputs: 1,
		params: ['resource', 'operation', 'fromEmail', 'toEmail', 'subject', 'emailFormat', 'text', 'html', 'options'],
		// Its webhooks serve only the send-and-wait operation; the templates only send.
		credentials: ['smtp'],
	},
	'n8n-nodes-base.stopAndError': { versions: [1], inputs: 1, outputs: 0, params: ['errorType', 'errorMessage', 'errorObject'] },
};

const STICKY = 'n8n-nodes-base.stickyNote';
const TASK_SYNC = `${PACKAGE}.zohoTaskSync`;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** Hiragana, katakana, CJK ideographs. */
export const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
/** A node on the canvas is about 100 × 100; its name is written below it. */
const NODE_BOX = { w: 100, h: 100, gapX: 160, gapY: 140 };

export interface TemplateNode {
	id: string;
	name: string;
	type: string;
	typeVersion: number;
	position: [number, number];
	parameters: INodeParameters;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	onError?: string;
	executeOnce?: boolean;
	disabled?: boolean;
}

export interface Template {
	name: string;
	nodes: TemplateNode[];
	connections: Record<string, Record<string, Array<Array<{ node: string; type: string; index: number }> | null>>>;
	settings: IDataObject;
	pinData?: IDataObject;
	[key: string]: unknown;
}

interface Shape {
	inputs: number;
	outputs: number;
	trigger: boolean;
	webhook: boolean;
}

const isExpression = (v: unknown): boolean => typeof v === 'string' && v.startsWith('=');
const isObject = (v: unknown): v is IDataObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The description n8n really serves: polling nodes get the Poll Times parameter added on load. */
export function servedDescription(type: INodeType): INodeTypeDescription {
	const d = type.description;
	if (!d.polling) return d;
	const pollTimes: INodeProperties = {
		displayName: 'Poll Times',
		name: 'pollTimes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: { item: [{ mode: 'everyMinute' }] },
		options: NodeHelpers.cronNodeOptions,
	};
	return { ...d, properties: [pollTimes, ...d.properties] };
}

function shapeOf(node: TemplateNode, packageTypes: Record<string, INodeType>): Shape | undefined {
	const errorOutput = node.onError === 'continueErrorOutput' ? 1 : 0;
	const pkg = packageTypes[node.type];
	if (pkg) {
		const d = pkg.description;
		const count = (x: unknown) => (Array.isArray(x) ? x.length : 1);
		const inputs = count(d.inputs);
		return { inputs, outputs: count(d.outputs) + errorOutput, trigger: inputs === 0, webhook: !!d.webhooks?.length };
	}
	const base = BASE_NODES[node.type];
	if (base) return { inputs: base.inputs, outputs: base.outputs + errorOutput, trigger: base.inputs === 0 && node.type !== STICKY, webhook: !!base.webhook };
	return undefined;
}

// ---------------------------------------------------------------------------------------------
// Parameter values against a package node's description

function optionValues(p: INodeProperties): unknown[] {
	return ((p.options ?? []) as Array<{ value?: unknown }>).map((o) => o.value);
}

function valueProblems(p: INodeProperties, value: unknown, path: string, ctx: ParamCtx): string[] {
	if (isExpression(value)) return p.noDataExpression ? [`${path}: takes no expression`] : [];
	const loaded = !!(p.typeOptions?.loadOptionsMethod || p.typeOptions?.loadOptions);
	switch (p.type) {
		case 'options':
			return loaded || optionValues(p).includes(value) ? [] : [`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(optionValues(p))}`];
		case 'multiOptions': {
			if (!Array.isArray(value)) return [`${path}: expected a list`];
			if (loaded) return [];
			const bad = value.filter((v) => !isExpression(v) && !optionValues(p).includes(v));
			return bad.length ? [`${path}: ${JSON.stringify(bad)} not among ${JSON.stringify(optionValues(p))}`] : [];
		}
		case 'boolean':
			return typeof value === 'boolean' ? [] : [`${path}: expected true or false, got ${JSON.stringify(value)}`];
		case 'number':
			return typeof value === 'number' ? [] : [`${path}: expected a number, got ${JSON.stringify(value)}`];
		case 'string':
			return typeof value === 'string' ? [] : [`${path}: expected text, got ${JSON.stringify(value)}`];
		case 'json':
			return typeof value === 'string' || isObject(value) ? [] : [`${path}: expected JSON`];
		case 'notice':
			return [`${path}: a notice is not a parameter`];
		case 'resourceLocator': {
			if (!isObject(value) || value.__rl !== true) return [`${path}: expected a resource locator {"__rl": true, "mode", "value"}`];
			const modes = ((p.modes ?? []) as INodePropertyMode[]).map((m) => m.name);
			return modes.includes(String(value.mode)) ? [] : [`${path}: mode ${JSON.stringify(value.mode)} is not one of ${JSON.stringify(modes)}`];
		}
		case 'collection': {
			if (!isObject(value)) return [`${path}: expected an object`];
			return paramProblems(value, (p.options ?? []) as INodeProperties[], path, { ...ctx, siblings: value as INodeParameters });
		}
		case 'fixedCollection': {
			if (!isObject(value)) return [`${path}: expected an object`];
			const groups = (p.options ?? []) as INodePropertyCollection[];
			const out: string[] = [];
			for (const [key, entries] of Object.entries(value)) {
				const group = groups.find((g) => g.name === key);
				if (!group) {
					out.push(`${path}.${key}: no such group (${groups.map((g) => g.name).join(', ')})`);
					continue;
				}
				const list = p.typeOptions?.multipleValues ? entries : [entries];
				if (!Array.isArray(list)) {
					out.push(`${path}.${key}: expected a list`);
					continue;
				}
				list.forEach((entry, i) => {
					if (!isObject(entry)) out.push(`${path}.${key}[${i}]: expected an object`);
					else out.push(...paramProblems(entry, group.values, `${path}.${key}[${i}]`, { ...ctx, siblings: withDefaults(group.values, entry) }));
				});
			}
			return out;
		}
		default:
			return [];
	}
}

interface ParamCtx {
	node: INode;
	description: INodeTypeDescription;
	root: INodeParameters;
	siblings: INodeParameters;
}

function withDefaults(props: INodeProperties[], values: IDataObject): INodeParameters {
	const out: IDataObject = {};
	for (const p of props) if (!(p.name in out) && p.type !== 'notice') out[p.name] = p.default as IDataObject[string];
	return { ...out, ...values } as INodeParameters;
}

/** Every name used exists, is shown with the values around it, and has a value its type accepts. */
function paramProblems(values: IDataObject, props: INodeProperties[], path: string, ctx: ParamCtx): string[] {
	const out: string[] = [];
	for (const [name, value] of Object.entries(values)) {
		const at = path ? `${path}.${name}` : name;
		const candidates = props.filter((p) => p.name === name);
		if (!candidates.length) {
			out.push(`${at}: no such parameter`);
			continue;
		}
		const shown = candidates.filter((p) => NodeHelpers.displayParameter(ctx.siblings, p, ctx.node, ctx.description, ctx.root));
		if (!shown.length) {
			out.push(`${at}: not shown with these settings (${JSON.stringify(candidates.map((c) => c.displayOptions))})`);
			continue;
		}
		const results = shown.map((p) => valueProblems(p, value, at, ctx));
		if (!results.some((r) => r.length === 0)) out.push(...results[0]);
	}
	return out;
}

function packageNodeProblems(node: TemplateNode, type: INodeType): string[] {
	const description = servedDescription(type);
	const out: string[] = [];
	const version = ([] as number[]).concat(description.version);
	if (!version.includes(node.typeVersion)) out.push(`typeVersion ${node.typeVersion} is not one of ${version.join(', ')}`);
	const asNode = { ...node, parameters: node.parameters } as unknown as INode;
	const resolved = NodeHelpers.getNodeParameters(description.properties, node.parameters, true, false, asNode, description) ?? {};
	const root = { ...resolved, ...node.parameters } as INodeParameters;
	out.push(...paramProblems(node.parameters, description.properties, '', { node: asNode, description, root, siblings: root }));
	const issues = NodeHelpers.getNodeParametersIssues(description.properties, { ...asNode, parameters: root }, description);
	for (const [param, messages] of Object.entries(issues?.parameters ?? {})) out.push(`${param}: ${messages.join('; ')}`);
	const declared = (description.credentials ?? []).map((c) => c.name);
	for (const c of description.credentials ?? []) if (c.required && !node.credentials?.[c.name]) out.push(`credential ${c.name} is missing`);
	for (const key of Object.keys(node.credentials ?? {})) if (!declared.includes(key)) out.push(`credential ${key} is not one the node declares (${declared.join(', ')})`);
	return out;
}

function baseNodeProblems(node: TemplateNode, base: BaseNode): string[] {
	const out: string[] = [];
	if (!base.versions.includes(node.typeVersion)) out.push(`typeVersion ${node.typeVersion} is not in the allowlist (${base.versions.join(', ')})`);
	for (const name of Object.keys(node.parameters ?? {})) if (!base.params.includes(name)) out.push(`${name}: no such parameter in the allowlist for ${node.type}`);
	for (const key of Object.keys(node.credentials ?? {})) if (!(base.credentials ?? []).includes(key)) out.push(`credential ${key} is not one ${node.type} takes`);
	for (const key of base.credentials ?? []) if (!node.credentials?.[key]) out.push(`credential ${key} is missing`);
	return out;
}

// ---------------------------------------------------------------------------------------------

const overlap = (a: { x: number; y: number; w: number; h: number }, b: { x: number; y: number; w: number; h: number }) =>
	a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** Values like the ones a user (or the e2e runner) puts in place of the placeholders. */
const FILLED: Record<string, string> = { REPLACE_PORTAL_ID: '10000000001', REPLACE_PROJECT_ID: '20000000001' };

/** Every problem of one template (its file text); none for a good template. */
export function templateProblems(text: string, packageTypes: Record<string, INodeType>): string[] {
	const problems: string[] = [];
	let wf: Template;
	let filled: Template;
	try {
		wf = JSON.parse(text) as Template;
		filled = JSON.parse(text.replace(/REPLACE_PORTAL_ID|REPLACE_PROJECT_ID/g, (m) => FILLED[m])) as Template;
	} catch (error) {
		return [`not valid JSON: ${(error as Error).message}`];
	}

	// Workflow
	if (typeof wf.name !== 'string' || !wf.name.startsWith('Zoho sync: ')) problems.push(`name ${JSON.stringify(wf.name)} does not start with "Zoho sync: "`);
	if (!Array.isArray(wf.nodes) || !wf.nodes.length) return [...problems, 'no nodes'];
	if (!isObject(wf.connections)) return [...problems, 'no connections'];
	if (!isObject(wf.settings) || wf.settings.executionOrder !== 'v1') problems.push('settings.executionOrder is not "v1"');
	if (isObject(wf.settings) && 'errorWorkflow' in wf.settings) problems.push('settings.errorWorkflow names an instance workflow: leave it to the user (the sticky says how)');
	if (!isDeepStrictEqual(wf.pinData, {})) problems.push('pinData is not {}');
	for (const key of ['id', 'versionId', 'active', 'shared', 'homeProject']) if (key in wf) problems.push(`"${key}" belongs to an instance, not a template`);
	if (isObject(wf.meta) && 'instanceId' in wf.meta) problems.push('meta.instanceId belongs to an instance');

	// Placeholders
	for (const found of new Set(text.match(/REPLACE_[A-Z0-9_]+/g) ?? [])) if (!PLACEHOLDERS.includes(found)) problems.push(`unknown placeholder ${found}`);

	// Nodes
	const byName = new Map<string, TemplateNode>();
	const shapes = new Map<string, Shape>();
	const ids = new Set<string>();
	for (const node of wf.nodes) {
		const at = `node "${node.name}"`;
		if (typeof node.name !== 'string' || !node.name.trim()) problems.push('a node without a name');
		if (byName.has(node.name)) problems.push(`${at}: name used twice`);
		byName.set(node.name, node);
		if (!UUID.test(String(node.id))) problems.push(`${at}: id ${JSON.stringify(node.id)} is not a UUID`);
		if (ids.has(node.id)) problems.push(`${at}: id ${node.id} used twice`);
		ids.add(node.id);
		if (!Array.isArray(node.position) || node.position.length !== 2 || !node.position.every((n) => typeof n === 'number')) problems.push(`${at}: position is not [x, y]`);
		if (!isObject(node.parameters)) problems.push(`${at}: parameters is not an object`);
		const shape = shapeOf(node, packageTypes);
		if (!shape) {
			problems.push(`${at}: type ${node.type} is neither a node of this package nor an allowed n8n-nodes-base node`);
			continue;
		}
		shapes.set(node.name, shape);
		const pkg = packageTypes[node.type];
		// Parameters are checked as they are once the placeholders are filled in (an ID is a number).
		const asFilled = filled.nodes.find((n) => n.name === node.name) ?? node;
		const own = pkg ? packageNodeProblems(asFilled, pkg) : baseNodeProblems(node, BASE_NODES[node.type]);
		problems.push(...own.map((p) => `${at}: ${p}`));
		for (const [key, ref] of Object.entries(node.credentials ?? {})) {
			const expected = CREDENTIAL_PLACEHOLDERS[key];
			if (!expected) problems.push(`${at}: credential type ${key} has no agreed placeholder`);
			else if (!isDeepStrictEqual(ref, expected)) problems.push(`${at}: credential ${key} is ${JSON.stringify(ref)}, not the placeholder ${JSON.stringify(expected)}`);
		}
		if (shape.webhook && !UUID.test(String(node.webhookId ?? ''))) problems.push(`${at}: a node with webhooks needs a UUID webhookId`);
		if (!shape.webhook && node.webhookId !== undefined) problems.push(`${at}: webhookId on a node without webhooks`);
		if (node.onError !== undefined && !['stopWorkflow', 'continueRegularOutput', 'continueErrorOutput'].includes(node.onError)) problems.push(`${at}: onError ${node.onError}`);
	}
	const webhookIds = wf.nodes.map((n) => n.webhookId).filter(Boolean);
	if (new Set(webhookIds).size !== webhookIds.length) problems.push('a webhookId is used twice');

	// Connections
	const incoming = new Map<string, number>();
	const usedOutputs = new Map<string, Set<number>>();
	for (const [source, byType] of Object.entries(wf.connections)) {
		const from = byName.get(source);
		if (!from) {
			problems.push(`connection from "${source}", which is not a node`);
			continue;
		}
		for (const [kind, outputs] of Object.entries(byType)) {
			if (kind !== 'main') {
				problems.push(`"${source}": connection type ${kind}`);
				continue;
			}
			(outputs ?? []).forEach((targets, outputIndex) => {
				if (!targets?.length) return;
				const shape = shapes.get(source);
				if (shape && outputIndex >= shape.outputs) problems.push(`"${source}" has no output ${outputIndex} (it has ${shape.outputs})`);
				usedOutputs.set(source, (usedOutputs.get(source) ?? new Set()).add(outputIndex));
				for (const t of targets) {
					const to = byName.get(t.node);
					if (!to) {
						problems.push(`"${source}" output ${outputIndex} → "${t.node}", which is not a node`);
						continue;
					}
					if (t.type !== 'main') problems.push(`"${source}" → "${t.node}": type ${t.type}`);
					const targetShape = shapes.get(t.node);
					if (targetShape && t.index >= targetShape.inputs) problems.push(`"${source}" → "${t.node}": input ${t.index} does not exist (${targetShape.inputs} inputs)`);
					incoming.set(t.node, (incoming.get(t.node) ?? 0) + 1);
					if (from.position[0] >= to.position[0]) problems.push(`"${source}" → "${t.node}" runs right to left`);
				}
			});
		}
	}
	for (const node of wf.nodes) {
		const shape = shapes.get(node.name);
		if (!shape || node.type === STICKY) continue;
		if (shape.trigger && !usedOutputs.get(node.name)?.size) problems.push(`trigger "${node.name}" starts nothing`);
		if (!shape.trigger && !incoming.get(node.name)) problems.push(`"${node.name}" is never reached`);
		if (node.onError === 'continueErrorOutput' && !usedOutputs.get(node.name)?.has(shape.outputs - 1)) problems.push(`"${node.name}": its error output leads nowhere, so failures would pass unnoticed`);
	}

	// Rejections become e-mails to the person whose change was refused
	for (const node of wf.nodes) {
		if (node.type !== TASK_SYNC || !['syncTask', 'reconcile'].includes(String(node.parameters.operation))) continue;
		const rejected = wf.connections[node.name]?.main?.[2] ?? [];
		const mails = rejected.map((t) => byName.get(t.node)).filter((n) => n?.type === 'n8n-nodes-base.emailSend');
		if (!mails.length) problems.push(`"${node.name}": its Rejected output does not go to a Send Email node`);
		for (const m of mails) {
			const p = m!.parameters;
			if (!String(p.toEmail).includes('$json.recipient') || !String(p.subject).includes('$json.subject') || !String(p.text).includes('$json.body')) {
				problems.push(`"${m!.name}": not addressed to $json.recipient with $json.subject and $json.body`);
			}
		}
	}

	// Layout: nodes apart, stickies beside them, not over them
	const placed = wf.nodes.filter((n) => n.type !== STICKY && Array.isArray(n.position));
	for (let i = 0; i < placed.length; i++) {
		for (let j = i + 1; j < placed.length; j++) {
			const [a, b] = [placed[i].position, placed[j].position];
			if (Math.abs(a[0] - b[0]) < NODE_BOX.gapX && Math.abs(a[1] - b[1]) < NODE_BOX.gapY) problems.push(`"${placed[i].name}" and "${placed[j].name}" overlap`);
		}
	}
	const stickies = wf.nodes.filter((n) => n.type === STICKY);
	for (const s of stickies) {
		const box = { x: s.position[0], y: s.position[1], w: Number(s.parameters.width ?? 240), h: Number(s.parameters.height ?? 160) };
		for (const n of placed) if (overlap(box, { x: n.position[0], y: n.position[1], w: NODE_BOX.w, h: NODE_BOX.h })) problems.push(`sticky "${s.name}" covers "${n.name}"`);
	}

	// Setup sticky, in English and Japanese
	const contents = stickies.map((s) => String(s.parameters.content ?? ''));
	const bilingual = contents.find((c) => JAPANESE.test(c) && (c.match(/\b(the|and|to|on|in|your|with)\b/gi) ?? []).length >= 10);
	if (!bilingual) problems.push('no sticky note with setup steps in both English and Japanese');
	else {
		const usesZoho = wf.nodes.some((n) => n.type.startsWith(`${PACKAGE}.`));
		const usesMail = wf.nodes.some((n) => n.type === 'n8n-nodes-base.emailSend');
		const isErrorWorkflow = wf.nodes.some((n) => n.type === 'n8n-nodes-base.errorTrigger');
		const must = [
			...(usesZoho ? ['oauth2-credential/callback', 'Zoho Task Sync', 'Zoho_Projects_Task', 'Zoho_Projects_Sync_State', 'CRM_Task_ID', 'Zoho_Projects_Client', 'Zoho_Projects_Project'] : []),
			...(usesMail ? ['SMTP'] : []),
			...(/REPLACE_PORTAL_ID/.test(text) ? ['portal'] : []),
			...(/REPLACE_PROJECT_ID/.test(text) ? ['project'] : []),
			...(isErrorWorkflow ? ['Error workflow'] : ['Error workflow', 'Zoho sync: error alert']),
		];
		for (const word of must) if (!bilingual.toLowerCase().includes(word.toLowerCase())) problems.push(`the setup sticky does not mention ${JSON.stringify(word)}`);
	}
	return problems;
}
