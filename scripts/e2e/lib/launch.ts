/**
 * One call from nothing to a running n8n with this package, its credentials and the templates:
 *
 *   const n8n = await launchN8n({ version: '1.123.81', simUrl, smtpPort, userFolder, tarball });
 *   n8n.editorUrl; n8n.client (public API, logged in); n8n.workflows (id, name, file, active, error)
 *   await n8n.stop();
 *
 * Steps: install n8n (cached) → install the package tarball into `<userFolder>/.n8n/nodes` →
 * `n8n import:credentials` (Zoho → the simulator, SMTP → the sink) → `n8n import:workflow`
 * (templates with placeholders replaced, plus any extra workflows) → `n8n start` → owner setup and
 * an API key → activate the workflows that have a trigger.
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { PORTAL_ID, PROJECTS } from '../../../test/zoho-sim/seed-data';
import { DEFAULT_OWNER, N8nClient, type Owner } from './api';
import { SMTP_CREDENTIAL_ID, simTokens, smtpCredential, writeCredentialsFile, ZOHO_CREDENTIAL_ID, zohoCredential } from './credentials';
import { ensureN8n, type N8nInstall } from './install';
import { prepareN8n, type N8nProcess } from './n8n';
import { installPackage } from './package';
import { defaultLog, type Log } from './proc';
import { type PreparedWorkflow, prepareTemplates, type TemplateValues, writeWorkflowFolder } from './templates';

export interface LaunchOptions {
	version: string;
	/** The simulator's base URL (every Zoho URL of the credential points there). */
	simUrl: string;
	/** The SMTP sink's port on 127.0.0.1. */
	smtpPort: number;
	/** N8N_USER_FOLDER. Emptied first unless `keepUserFolder`. */
	userFolder: string;
	keepUserFolder?: boolean;
	/** The `npm pack` tarball of this package (see package.ts `buildAndPack`). */
	tarball: string;
	port?: number;
	owner?: Owner;
	/** Placeholder values; default: the seed's portal and the strict project (利用例1). */
	portalId?: string;
	projectId?: string;
	/** Templates to import (default: every file in templates/). */
	templates?: PreparedWorkflow[];
	/** More workflows to import (already with ids and credential ids filled in). */
	extraWorkflows?: PreparedWorkflow[];
	/** Which imported workflows to activate (default: every one with a trigger, and the error workflow, which n8n may refuse harmlessly). */
	activate?: (workflow: PreparedWorkflow) => boolean;
	/** Throw when a workflow fails to activate (default false: reported in `workflows`). */
	strictActivation?: boolean;
	env?: NodeJS.ProcessEnv;
	log?: Log;
}

export interface LaunchedWorkflow {
	id: string;
	name: string;
	file: string;
	active: boolean;
	/** Why activation failed. */
	error?: string;
	prepared: PreparedWorkflow;
}

export interface LaunchedN8n {
	install: N8nInstall;
	process: N8nProcess;
	client: N8nClient;
	url: string;
	editorUrl: string;
	owner: Owner;
	apiKey: string;
	workflows: LaunchedWorkflow[];
	stop(): Promise<void>;
	kill(): void;
}

export function templateValues(options: Pick<LaunchOptions, 'portalId' | 'projectId'> = {}): TemplateValues {
	return {
		zohoCredentialId: ZOHO_CREDENTIAL_ID,
		smtpCredentialId: SMTP_CREDENTIAL_ID,
		portalId: options.portalId ?? PORTAL_ID,
		projectId: options.projectId ?? PROJECTS.migration.id,
	};
}

export async function launchN8n(options: LaunchOptions): Promise<LaunchedN8n> {
	const log = options.log ?? defaultLog;
	const owner = options.owner ?? DEFAULT_OWNER;
	const install = await ensureN8n(options.version, { log });

	if (!options.keepUserFolder) rmSync(options.userFolder, { recursive: true, force: true });
	mkdirSync(options.userFolder, { recursive: true });
	log(`   Installing the package tarball into ${join(options.userFolder, '.n8n', 'nodes')}`);
	await installPackage(options.userFolder, options.tarball, install.runtime, log);

	const prepared = await prepareN8n({ install, userFolder: options.userFolder, port: options.port, env: options.env, log });

	const tokens = await simTokens(options.simUrl);
	const credentialsFile = writeCredentialsFile(options.userFolder, [zohoCredential(options.simUrl, tokens, tokens), smtpCredential(options.smtpPort)]);
	log('   n8n import:credentials (Zoho → simulator, SMTP → sink)');
	await prepared.cli(['import:credentials', `--input=${credentialsFile}`]);

	const workflows = [...(options.templates ?? prepareTemplates(templateValues(options))), ...(options.extraWorkflows ?? [])];
	if (workflows.length) {
		const folder = writeWorkflowFolder(join(options.userFolder, 'workflows'), workflows);
		log(`   n8n import:workflow (${workflows.length}: ${workflows.map((w) => w.file).join(', ')})`);
		await prepared.cli(['import:workflow', '--separate', `--input=${folder}`]);
	}

	log(`   Starting n8n ${options.version} on ${prepared.port}`);
	const proc = await prepared.start();
	try {
		const client = new N8nClient(proc.url);
		await client.ownerLogin(owner);
		const apiKey = await client.createApiKey();
		const activate = options.activate ?? ((w: PreparedWorkflow) => w.hasTrigger || w.isErrorWorkflow);
		const launched: LaunchedWorkflow[] = [];
		for (const w of workflows) {
			const entry: LaunchedWorkflow = { id: w.id, name: w.name, file: w.file, active: false, prepared: w };
			if (activate(w)) {
				try {
					await client.activate(w.id);
					entry.active = true;
				} catch (error) {
					entry.error = (error as Error).message;
					// An error workflow runs without being active; n8n versions differ in whether they accept activating one.
					if (w.hasTrigger) {
						if (options.strictActivation) throw new Error(`Activating ${w.file} failed: ${entry.error}`);
						log(`   ✖ ${w.file} did not activate: ${entry.error}`);
					}
				}
			}
			launched.push(entry);
		}
		const active = launched.filter((w) => w.active).length;
		log(`   ${launched.length} workflows imported, ${active} active`);
		return {
			install,
			process: proc,
			client,
			url: proc.url,
			editorUrl: `${proc.url}/home/workflows`,
			owner,
			apiKey,
			workflows: launched,
			stop: () => proc.stop(),
			kill: () => proc.kill(),
		};
	} catch (error) {
		await proc.stop();
		throw error;
	}
}

/** Remove a user folder (after a successful run). */
export function removeUserFolder(folder: string): void {
	if (existsSync(folder)) rmSync(folder, { recursive: true, force: true });
}
