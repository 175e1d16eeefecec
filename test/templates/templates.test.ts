/**
 * The shipped templates (templates/*.json) pass every check of ./check.ts — parameter names and
 * option values against the package's own node descriptions, outputs and connections, credentials,
 * placeholders, layout and the bilingual setup note — and each check bites: the second block
 * breaks a good template the ways a hand edit can and expects every break to be reported.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INodeType } from 'n8n-workflow';

import { packageNodeTypes } from '../harness/nodeTypes';
import { templateProblems, type Template } from './check';

const DIR = join(__dirname, '..', '..', 'templates');
const files = readdirSync(DIR)
	.filter((f) => f.endsWith('.json'))
	.sort();
const read = (file: string) => readFileSync(join(DIR, file), 'utf8');
const parse = (file: string) => JSON.parse(read(file)) as Template;

let types: Record<string, INodeType>;
beforeAll(() => {
	types = packageNodeTypes();
});

describe('template check', () => {
	it.each(files)('%s has no problems', (file) => {
		expect(templateProblems(read(file), types)).toEqual([]);
	});

	it('gives every workflow its own name and every webhook its own id', () => {
		const all = files.map(parse);
		const names = all.map((w) => w.name);
		expect(new Set(names).size).toBe(names.length);
		const hooks = all.flatMap((w) => w.nodes.map((n) => n.webhookId).filter(Boolean));
		expect(new Set(hooks).size).toBe(hooks.length);
	});

	it('has exactly one error workflow, named as the setup notes tell the user to choose it', () => {
		const errorFlows = files.map(parse).filter((w) => w.nodes.some((n) => n.type === 'n8n-nodes-base.errorTrigger'));
		expect(errorFlows.map((w) => w.name)).toEqual(['Zoho sync: error alert']);
	});

	it('imports users once per run, after the accounts are matched (v1 order: the upper branch first)', () => {
		const wf = parse('import-users-and-contacts.json');
		const match = wf.nodes.find((n) => n.parameters.operation === 'matchAccounts')!;
		const imports = wf.nodes.find((n) => n.parameters.operation === 'importUsers')!;
		expect(imports.executeOnce).toBe(true);
		expect(match.position[1]).toBeLessThan(imports.position[1]);
		// Every trigger starts both steps, so the import runs even when no account needed mapping.
		for (const trigger of wf.nodes.filter((n) => /Trigger$/.test(n.type))) {
			expect(wf.connections[trigger.name].main[0]!.map((c) => c.node).sort()).toEqual([imports.name, match.name].sort());
		}
	});
});

describe('the template check catches a broken template', () => {
	const base = 'crm-to-projects-task-sync.json';
	const broken = (edit: (wf: Template) => void): string[] => {
		const wf = parse(base);
		edit(wf);
		return templateProblems(JSON.stringify(wf, null, '\t'), types);
	};
	const node = (wf: Template, type: string) => wf.nodes.find((n) => n.type.endsWith(type))!;
	const sync = (wf: Template) => node(wf, '.zohoTaskSync');

	it('invalid JSON', () => {
		expect(templateProblems(read(base).replace('"nodes"', '"nodes" "'), types).join('\n')).toMatch(/not valid JSON/);
	});

	it.each<[string, (wf: Template) => void, RegExp]>([
		['a misspelt parameter', (wf) => (sync(wf).parameters.sorce = 'crm'), /sorce: no such parameter/],
		['an option value the node does not have', (wf) => (sync(wf).parameters.operation = 'syncTasks'), /operation: "syncTasks" is not one of/],
		['a parameter of another operation', (wf) => (sync(wf).parameters.writeMapping = true), /writeMapping: not shown/],
		['a misspelt event', (wf) => (node(wf, '.zohoCrmTasksTrigger').parameters.events = ['create', 'update']), /events: \["update"\] not among/],
		['a misspelt setting', (wf) => ((sync(wf).parameters.settings as Record<string, unknown>).langauge = 'ja'), /settings\.langauge: no such parameter/],
		['a bad poll time', (wf) => (node(wf, '.zohoCrmTasksTrigger').parameters.pollTimes = { item: [{ mode: 'everyMinutes' }] }), /pollTimes\.item\[0\]\.mode/],
		['an unknown node type', (wf) => (node(wf, '.emailSend').type = 'n8n-nodes-base.gmail'), /neither a node of this package nor an allowed/],
		['a node type without the package prefix', (wf) => (sync(wf).type = 'zohoTaskSync'), /neither a node of this package/],
		['a base node version not in the allowlist', (wf) => (node(wf, '.emailSend').typeVersion = 3), /typeVersion 3 is not in the allowlist/],
		['a misspelt base node parameter', (wf) => (node(wf, '.emailSend').parameters.toEmails = 'a@example.com'), /toEmails: no such parameter/],
		['a connection to a missing node', (wf) => (wf.connections['On CRM task change'].main[0]![0].node = 'Sync to Projekts'), /"Sync to Projekts", which is not a node/],
		['an output the node does not have', (wf) => wf.connections['Sync to Projects'].main.push([{ node: 'Fail the run (error alert)', type: 'main', index: 0 }]), /has no output 4/],
		['a swallowed error output', (wf) => (wf.connections['Sync to Projects'].main[3] = []), /error output leads nowhere/],
		['rejections not e-mailed', (wf) => (wf.connections['Sync to Projects'].main[2] = []), /Rejected output does not go to a Send Email/],
		['a rejection e-mail to a fixed address', (wf) => (node(wf, '.emailSend').parameters.toEmail = 'someone@example.com'), /not addressed to \$json\.recipient/],
		['a duplicate node name', (wf) => (node(wf, '.stopAndError').name = 'Sync to Projects'), /name used twice/],
		['a duplicate node id', (wf) => (node(wf, '.stopAndError').id = node(wf, '.emailSend').id), /used twice/],
		['a foreign credential type', (wf) => (sync(wf).credentials = { zohoOAuth2Api: { id: 'REPLACE_ZOHO_CREDENTIAL_ID', name: 'Zoho' } }), /not one the node declares/],
		['a real credential id', (wf) => (node(wf, '.emailSend').credentials = { smtp: { id: 'Xy12abcd', name: 'SMTP' } }), /not the placeholder/],
		['an unknown placeholder', (wf) => (node(wf, '.emailSend').parameters.fromEmail = 'REPLACE_SENDER'), /unknown placeholder REPLACE_SENDER/],
		['an error workflow of one instance', (wf) => (wf.settings.errorWorkflow = 'a1b2c3d4e5f6g7h8'), /settings\.errorWorkflow/],
		['a missing webhookId', (wf) => delete node(wf, '.zohoCrmTasksTrigger').webhookId, /needs a UUID webhookId/],
		['a node never reached', (wf) => (wf.connections['Sync to Projects'].main[2] = [{ node: 'Fail the run (error alert)', type: 'main', index: 0 }]), /"E-mail the person whose change was refused" is never reached/],
		['overlapping nodes', (wf) => (node(wf, '.stopAndError').position = [610, 0]), /overlap/],
		['a connection drawn right to left', (wf) => (node(wf, '.emailSend').position = [-200, 600]), /runs right to left/],
		['a sticky without Japanese', (wf) => (node(wf, '.stickyNote').parameters.content = 'Setup: create the credential and the fields, then activate the workflow in your n8n with the API console.'), /English and Japanese/],
		['a sticky that forgets the link fields', (wf) => (node(wf, '.stickyNote').parameters.content = String(node(wf, '.stickyNote').parameters.content).replace(/Zoho_Projects_Sync_State/g, 'the state field')), /does not mention "Zoho_Projects_Sync_State"/],
	])('%s', (_what, edit, expected) => {
		expect(broken(edit).join('\n')).toMatch(expected);
	});
});
