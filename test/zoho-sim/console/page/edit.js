// @ts-check
/**
 * Inline editing. A click on a value opens an input in its place; the change goes to the simulator's
 * direct "edit as a user" routes (`/_sim/crm/Tasks/:id`, `/_sim/projects/tasks/:id`), which notify
 * watch channels and fire webhooks exactly as an edit in Zoho's UI does.
 * Text and dates save on Enter or when the field loses focus (a date input reports every typed digit
 * as a change, so saving on `change` would send half-typed dates); lists save when a choice is made.
 */
import { send } from './api.js';
import { h, toast } from './dom.js';

/** @typedef {import('./types.js').ConsoleModel} ConsoleModel */
/** @typedef {{ value: string, label: string }} Option */
/** @typedef {{ label: string, kind: 'text' | 'date' | 'select', options?: Option[], patch: (value: string) => Record<string, unknown> }} FieldSpec */

/**
 * What an editable field is and how a new value becomes a PATCH body; undefined for read-only fields.
 * @param {ConsoleModel} model
 * @param {string} side 'crm' or 'zp'
 * @param {string} taskId
 * @param {string} field
 * @returns {FieldSpec | undefined}
 */
export function fieldSpec(model, side, taskId, field) {
	/** @param {string[]} values */
	const plain = (values) => values.map((v) => ({ value: v, label: v }));
	if (side === 'crm') {
		switch (field) {
			case 'Subject': return { label: 'Subject', kind: 'text', patch: (v) => ({ Subject: v }) };
			case 'Due_Date': return { label: 'Due date', kind: 'date', patch: (v) => ({ Due_Date: v || null }) };
			case 'Status': return { label: 'Status', kind: 'select', options: plain(model.crm.statuses), patch: (v) => ({ Status: v }) };
			case 'Priority': return { label: 'Priority', kind: 'select', options: plain(model.crm.priorities), patch: (v) => ({ Priority: v }) };
			case 'Owner': return { label: 'Owner', kind: 'select', options: model.crm.users.map((u) => ({ value: u.id, label: u.name })), patch: (v) => ({ Owner: { id: v } }) };
			default: return undefined;
		}
	}
	const task = model.rows.map((r) => r.projects).find((t) => t?.id === taskId);
	const project = model.projects.projects.find((p) => p.id === task?.projectId);
	// Only project users may own a task (Zoho refuses others), so only they are offered.
	const members = model.projects.users.filter((u) => !project || project.members.includes(u.id));
	switch (field) {
		case 'name': return { label: 'Task name', kind: 'text', patch: (v) => ({ name: v }) };
		case 'start_date': return { label: 'Start date', kind: 'date', patch: (v) => ({ start_date: v }) };
		case 'end_date': return { label: 'End date', kind: 'date', patch: (v) => ({ end_date: v }) };
		case 'status': return { label: 'Status', kind: 'select', options: model.projects.statuses.map((s) => ({ value: s.id, label: s.name })), patch: (v) => ({ status: { id: v } }) };
		case 'priority': return { label: 'Priority', kind: 'select', options: plain(model.projects.priorities), patch: (v) => ({ priority: v }) };
		case 'owner': return { label: 'Owner', kind: 'select', options: members.map((u) => ({ value: u.id, label: u.name })), patch: (v) => ({ owners_and_work: { owners: [{ zpuid: v }] } }) };
		default: return undefined;
	}
}

/**
 * @typedef {{
 *   model: () => ConsoleModel | undefined,
 *   actor: (side: string) => { id: string, name: string } | undefined,
 *   onOpen: () => void,
 *   onClose: (saved: boolean) => void,
 * }} EditContext
 */

/**
 * Replace the value in `cell` (`.field` with data-side, data-task, data-field, data-value) by an editor.
 * @param {HTMLElement} cell
 * @param {EditContext} ctx
 */
export function openEditor(cell, ctx) {
	const model = ctx.model();
	const { side = '', task = '', field = '', value = '' } = cell.dataset;
	const spec = model && fieldSpec(model, side, task, field);
	if (!spec || cell.classList.contains('editing')) return;
	const actor = ctx.actor(side);
	if (!actor) {
		toast('Choose a user to edit as first.', 'error');
		return;
	}
	ctx.onOpen();
	const previous = [...cell.childNodes];
	const input = spec.kind === 'select' ? selectFor(spec.options ?? [], value) : h('input', { type: spec.kind, value, 'aria-label': spec.label });
	const control = /** @type {HTMLInputElement | HTMLSelectElement} */ (input);
	cell.classList.add('editing');
	cell.replaceChildren(control);
	control.focus();

	let finished = false;
	/** @param {boolean} save */
	const finish = async (save) => {
		if (finished) return;
		finished = true;
		const next = control.value;
		if (!save || next === value) {
			cell.classList.remove('editing');
			cell.replaceChildren(...previous);
			ctx.onClose(false);
			return;
		}
		control.disabled = true;
		cell.classList.add('saving');
		const result = await commit(side, task, spec.patch(next), actor.id);
		cell.classList.remove('saving', 'editing');
		cell.replaceChildren(...previous);
		const where = side === 'crm' ? 'Zoho CRM' : 'Zoho Projects';
		if (result.ok) toast(`${where}: ${spec.label} → ${labelOf(spec, next)} (as ${actor.name})`, 'ok');
		else toast(`${where} refused the change: ${result.message}`, 'error');
		ctx.onClose(result.ok);
	};

	control.addEventListener('keydown', (event) => {
		// The board listens for Enter to open editors; this Enter belongs to the editor alone.
		event.stopPropagation();
		const key = /** @type {KeyboardEvent} */ (event).key;
		if (key === 'Enter') void finish(true);
		if (key === 'Escape') void finish(false);
	});
	if (spec.kind === 'select') {
		control.addEventListener('change', () => void finish(true));
		control.addEventListener('blur', () => void finish(false));
	} else {
		control.addEventListener('blur', () => void finish(true));
	}
}

/**
 * @param {string} side
 * @param {string} taskId
 * @param {Record<string, unknown>} patch
 * @param {string} actorId
 */
function commit(side, taskId, patch, actorId) {
	return side === 'crm'
		? send('PATCH', `/_sim/crm/Tasks/${encodeURIComponent(taskId)}`, { changes: patch, userId: actorId })
		: send('PATCH', `/_sim/projects/tasks/${encodeURIComponent(taskId)}`, { ...patch, as: actorId });
}

/**
 * @param {Option[]} options
 * @param {string} value
 */
function selectFor(options, value) {
	const select = h('select');
	for (const o of options) select.append(h('option', { value: o.value, selected: o.value === value }, o.label));
	return select;
}

/**
 * @param {FieldSpec} spec
 * @param {string} value
 */
function labelOf(spec, value) {
	return spec.options?.find((o) => o.value === value)?.label ?? (value || '(empty)');
}
