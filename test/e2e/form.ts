/**
 * Fill and submit an n8n form through its HTTP endpoint, as the form page's own script does:
 * GET `/form/<path>` (the page), POST the fields as multipart form data to the same URL; when the
 * workflow continues with further form pages, the answer names a `formWaitingUrl`, whose
 * `/n8n-execution-status` says when the next page is ready, which is then filled and POSTed in turn.
 *
 * Fields are chosen by their labels (English or Japanese): project, task, then the deal (or the
 * account) to relate the CRM task to — matched by the seed's names or ids among a dropdown's options.
 */
import type { LaunchedWorkflow } from '../../scripts/e2e/lib/launch';
import { assert, type Ctx, waitUntil } from './context';

export interface FormChoice {
	project: { id: string; name: string };
	task: { zpId: string; name: string };
	deal: { id: string; name: string };
	account: { accountId: string; crmName: string };
	/** What the CRM task is related to (default: the deal). */
	relateTo?: 'deal' | 'account';
}

interface Field {
	id: string;
	label: string;
	kind: 'select' | 'text' | 'hidden' | 'multiselect';
	options: string[];
	value: string;
	required: boolean;
}

const decode = (s: string): string =>
	s
		.replace(/&#x27;|&#39;/g, "'")
		.replace(/&quot;|&#x22;/g, '"')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&#x3D;/g, '=')
		.replace(/&#x60;/g, '`')
		.replace(/&#x2F;/g, '/')
		.replace(/&amp;/g, '&');

export function parseForm(html: string): Field[] {
	const labels = new Map<string, { label: string; required: boolean }>();
	for (const m of html.matchAll(/<label class=['"]form-label([^'"]*)['"] for=['"]([^'"]+)['"]>([\s\S]*?)<\/label>/g)) {
		labels.set(m[2], { label: decode(m[3].replace(/<[^>]+>/g, '').trim()), required: /required/.test(m[1]) });
	}
	const fields: Field[] = [];
	const seen = new Set<string>();
	const add = (f: Field) => {
		if (seen.has(f.id)) return;
		seen.add(f.id);
		fields.push(f);
	};
	for (const m of html.matchAll(/<select[^>]*id=['"]([^'"]+)['"][^>]*>([\s\S]*?)<\/select>/g)) {
		const options = [...m[2].matchAll(/<option value=['"]([^'"]*)['"]/g)].map((o) => decode(o[1])).filter((o) => o !== '');
		add({ id: m[1], label: labels.get(m[1])?.label ?? m[1], kind: 'select', options, value: '', required: labels.get(m[1])?.required ?? false });
	}
	for (const m of html.matchAll(/<input([^>]*)>/g)) {
		const attrs = m[1];
		const name = /name=['"]([^'"]+)['"]/.exec(attrs)?.[1];
		if (!name) continue;
		const type = /type=['"]([^'"]+)['"]/.exec(attrs)?.[1] ?? 'text';
		const value = decode(/value=['"]([^'"]*)['"]/.exec(attrs)?.[1] ?? '');
		if (type === 'hidden') add({ id: name, label: name, kind: 'hidden', options: [], value, required: false });
		else if (type !== 'checkbox' && type !== 'submit' && type !== 'file') add({ id: name, label: labels.get(name)?.label ?? name, kind: 'text', options: [], value, required: labels.get(name)?.required ?? false });
	}
	for (const m of html.matchAll(/<textarea[^>]*name=['"]([^'"]+)['"]/g)) add({ id: m[1], label: labels.get(m[1])?.label ?? m[1], kind: 'text', options: [], value: '', required: labels.get(m[1])?.required ?? false });
	// Multi-select fields: checkboxes sharing the field's id, posted as a JSON array under that id.
	const multi = new Map<string, string[]>();
	for (const m of html.matchAll(/<input type=['"]checkbox['"] class=['"]multiselect-checkbox['"] id=['"]([^'"]+)['"] value=['"]([^'"]*)['"]/g)) {
		multi.set(m[1], [...(multi.get(m[1]) ?? []), decode(m[2])]);
	}
	for (const [id, options] of multi) add({ id, label: labels.get(id)?.label ?? id, kind: 'multiselect', options, value: '', required: false });
	return fields;
}

/** The value to enter for a field, from its label and options. */
function choose(field: Field, c: FormChoice): string | undefined {
	const l = field.label.toLowerCase();
	const pick = (...needles: string[]) => field.options.find((o) => needles.some((n) => n && o.includes(n)));
	if (field.kind === 'hidden') return field.value;
	if (/project|プロジェクト/.test(l) && !/task|タスク/.test(l)) return field.kind === 'select' ? pick(c.project.id, c.project.name) : c.project.id;
	if (/task|タスク/.test(l)) return field.kind === 'select' ? pick(c.task.zpId, c.task.name) : c.task.zpId;
	if (/deal|商談|account|取引先|relate|関連|target|紐付|related/.test(l)) {
		// A dropdown lists the target itself, or the kind of target ("Deal / 商談", "Account / 取引先")
		// with the id in another field.
		if (c.relateTo === 'account') {
			if (field.kind === 'select') return pick(c.account.accountId, c.account.crmName) ?? field.options.find((o) => /account|取引先/i.test(o) && !/deal|商談/i.test(o));
			return c.account.accountId;
		}
		if (field.kind === 'select') return pick(c.deal.id, c.deal.name) ?? field.options.find((o) => /deal|商談/i.test(o));
		return c.deal.id;
	}
	if (field.kind === 'select' && field.required) return field.options[0];
	return field.value || undefined;
}

async function fill(url: string, html: string, choice: FormChoice, page: number): Promise<{ res: Response; used: string[] }> {
	const fields = parseForm(html);
	assert(fields.length > 0, `form page ${page} at ${url} has no fields`);
	const body = new FormData();
	const used: string[] = [];
	for (const field of fields) {
		const value = choose(field, choice);
		if (value === undefined) {
			assert(!field.required, `form page ${page}: no value for the required field "${field.label}" (options: ${field.options.join(' | ') || 'free text'})`);
			continue;
		}
		body.append(field.id, field.kind === 'multiselect' ? JSON.stringify([value]) : value);
		if (field.kind !== 'hidden') used.push(`${field.label}=${value}`);
	}
	const res = await fetch(url, { method: 'POST', body, signal: AbortSignal.timeout(60_000) });
	return { res, used };
}

/** Submit the add-to-CRM form (every page of it); returns what was entered. */
export async function submitForm(ctx: Ctx, workflow: LaunchedWorkflow, choice: FormChoice): Promise<string> {
	const trigger = workflow.prepared.json.nodes.find((n) => n.type === 'n8n-nodes-base.formTrigger' && !n.disabled);
	assert(trigger, `${workflow.file} has no Form Trigger`);
	// The production form answers at /form/<path>: the node's Path parameter where its version has
	// one, else its webhook id.
	const candidates = [trigger.parameters.path, (trigger.parameters.options as Record<string, unknown> | undefined)?.path, trigger.webhookId]
		.filter((p): p is string => typeof p === 'string' && p !== '')
		.map((p) => `${ctx.n8n.url}/form/${p}`);
	let url = '';
	for (const candidate of candidates) {
		if ((await fetch(candidate, { signal: AbortSignal.timeout(30_000) })).ok) {
			url = candidate;
			break;
		}
	}
	assert(url, `no form page at ${candidates.join(' or ')}`);
	const entered: string[] = [];
	for (let page = 1; page <= 5; page++) {
		const get = await fetch(url, { signal: AbortSignal.timeout(30_000) });
		assert(get.ok, `GET ${url} → ${get.status}`);
		const { res, used } = await fill(url, await get.text(), choice, page);
		entered.push(`page ${page}: ${used.join(', ')}`);
		const text = await res.text();
		assert(res.ok, `POST ${url} → ${res.status} ${text.slice(0, 300)}`);
		let json: { formWaitingUrl?: string } | undefined;
		try {
			json = JSON.parse(text) as { formWaitingUrl?: string };
		} catch {
			json = undefined;
		}
		const next = json?.formWaitingUrl ?? (url.includes('/form-waiting/') ? url : undefined);
		if (!next) return entered.join('; ');
		// Wait for the execution to reach the next form page, or finish.
		const status = await waitUntil(
			'the form execution to show its next page or finish',
			async () => {
				const s = (await (await fetch(`${next}/n8n-execution-status`)).text()).trim();
				return s === 'form-waiting' || s === 'success' || ['error', 'crashed', 'canceled', 'null'].includes(s) ? s : undefined;
			},
			60_000,
			500,
		);
		if (status === 'success') return entered.join('; ');
		assert(status === 'form-waiting', `the form execution ended "${status}" after page ${page}`);
		url = next;
	}
	throw new Error('the form has more than 5 pages');
}
