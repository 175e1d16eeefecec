/**
 * The shipped templates (`templates/*.json`) made ready for one n8n instance: placeholders
 * replaced (credential ids, portal, project), a fixed workflow id each (so the sync templates can
 * name the error-alert workflow in `settings.errorWorkflow`), then written to a folder for
 * `n8n import:workflow --separate --input=<folder>` — the CLI equivalent of importing the files
 * in the editor.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

import { REPO_DIR } from './package';

export interface TemplateValues {
	zohoCredentialId: string;
	smtpCredentialId: string;
	portalId: string;
	projectId: string;
	/** Any further `REPLACE_*` placeholder → value. */
	extra?: Record<string, string>;
}

export interface PreparedWorkflow {
	/** The template's file name, e.g. `crm-to-projects.json`. */
	file: string;
	id: string;
	name: string;
	json: Record<string, unknown> & { nodes: TemplateNode[]; connections: Record<string, unknown>; settings?: Record<string, unknown> };
	/** Node types used, e.g. `n8n-nodes-base.formTrigger`. */
	types: string[];
	/** Whether it needs activation (a trigger, poller or webhook other than a manual or error trigger). */
	hasTrigger: boolean;
	isErrorWorkflow: boolean;
}

export interface TemplateNode {
	id?: string;
	name: string;
	type: string;
	typeVersion: number;
	parameters: Record<string, unknown>;
	credentials?: Record<string, { id: string; name: string }>;
	webhookId?: string;
	disabled?: boolean;
	[key: string]: unknown;
}

export const TEMPLATES_DIR = join(REPO_DIR, 'templates');

export function templateFiles(dir = TEMPLATES_DIR): string[] {
	if (!existsSync(dir)) return [];
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map((f) => join(dir, f));
}

/** A stable 16-character id per template file (n8n's ids are 16 alphanumerics). */
export function workflowIdFor(file: string): string {
	const hash = createHash('sha256').update(basename(file)).digest('base64').replace(/[^a-zA-Z0-9]/g, '');
	return `zts${hash}`.slice(0, 16);
}

/** Replace every placeholder in the template's text (values are JSON-escaped). */
export function substitute(text: string, values: TemplateValues): string {
	const map: Record<string, string> = {
		REPLACE_ZOHO_CREDENTIAL_ID: values.zohoCredentialId,
		REPLACE_SMTP_CREDENTIAL_ID: values.smtpCredentialId,
		REPLACE_PORTAL_ID: values.portalId,
		REPLACE_PROJECT_ID: values.projectId,
		...values.extra,
	};
	let out = text;
	// Longest first, so REPLACE_X_Y is not eaten by REPLACE_X.
	for (const key of Object.keys(map).sort((a, b) => b.length - a.length)) {
		out = out.split(key).join(JSON.stringify(map[key]).slice(1, -1));
	}
	return out;
}

// Error and manual triggers start nothing by themselves: such workflows need no activation.
const TRIGGERISH = /trigger|webhook|poll/i;
const PASSIVE = new Set(['n8n-nodes-base.manualTrigger', 'n8n-nodes-base.errorTrigger']);

/** Read, substitute and give ids to every template; the error-alert workflow becomes every other's error workflow. */
export function prepareTemplates(values: TemplateValues, files = templateFiles()): PreparedWorkflow[] {
	const raw = files.map((file) => readFileSync(file, 'utf8'));
	const errorFile = files.find((_, i) => raw[i].includes('"n8n-nodes-base.errorTrigger"'));
	const withError: TemplateValues = errorFile ? { ...values, extra: { REPLACE_ERROR_WORKFLOW_ID: workflowIdFor(errorFile), ...values.extra } } : values;
	const prepared = files.map((file, i): PreparedWorkflow => {
		const text = substitute(raw[i], withError);
		const leftover = text.match(/REPLACE_[A-Z0-9_]+/g);
		if (leftover) throw new Error(`${basename(file)}: placeholder(s) the e2e run does not know: ${[...new Set(leftover)].join(', ')}`);
		const json = JSON.parse(text) as PreparedWorkflow['json'];
		const nodes = json.nodes ?? [];
		const types = [...new Set(nodes.map((n) => n.type))];
		const isErrorWorkflow = types.includes('n8n-nodes-base.errorTrigger');
		const hasTrigger = nodes.some((n) => !n.disabled && !PASSIVE.has(n.type) && TRIGGERISH.test(n.type.split('.').pop() ?? ''));
		return { file: basename(file), id: workflowIdFor(file), name: String(json.name ?? basename(file)), json, types, hasTrigger, isErrorWorkflow };
	});
	const errorWorkflow = prepared.find((w) => w.isErrorWorkflow);
	for (const w of prepared) {
		w.json.id = w.id;
		w.json.active = false;
		w.json.settings = { executionOrder: 'v1', ...(w.json.settings ?? {}) };
		if (errorWorkflow && !w.isErrorWorkflow && !w.json.settings.errorWorkflow) {
			w.json.settings.errorWorkflow = errorWorkflow.id;
		}
	}
	return prepared;
}

/** Write one file per workflow into `folder` (for `n8n import:workflow --separate --input=folder`). */
export function writeWorkflowFolder(folder: string, workflows: PreparedWorkflow[]): string {
	mkdirSync(folder, { recursive: true });
	for (const w of workflows) writeFileSync(join(folder, w.file), JSON.stringify(w.json, null, 2));
	return folder;
}
