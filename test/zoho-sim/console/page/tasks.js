// @ts-check
/**
 * The task board: one row per CRM task and/or Projects task, the link state between them, and a mark
 * on every value that differs across a linked pair. Rows are rebuilt only when their data changed,
 * and a value that changed since the last refresh flashes, so a person sees a change cross over.
 */
import { formatAgo, formatDate, formatTime, h } from './dom.js';

/** @typedef {import('./types.js').ConsoleModel} ConsoleModel */
/** @typedef {import('./types.js').Row} Row */
/** @typedef {import('./types.js').CrmTask} CrmTask */
/** @typedef {import('./types.js').ProjectsTask} ProjectsTask */
/** @typedef {import('./types.js').Person} Person */

/** Row key → JSON of the row last drawn. */
const drawn = new Map();
/** `side:task:field` → value last drawn (for the flash). */
const lastValues = new Map();

/**
 * @param {HTMLElement} container
 * @param {ConsoleModel} model
 */
export function renderRows(container, model) {
	const seen = new Set();
	const elements = [];
	for (const row of model.rows) {
		const key = rowKey(row);
		seen.add(key);
		const signature = JSON.stringify(row);
		let el = /** @type {HTMLElement | null} */ (container.querySelector(`[data-row="${CSS.escape(key)}"]`));
		// An open editor is never pulled from under the person typing; the row catches up once it closes.
		if (!el || (drawn.get(key) !== signature && !el.querySelector('.editing'))) {
			const fresh = buildRow(row, model, key);
			flashChanges(fresh);
			if (el) el.replaceWith(fresh);
			el = fresh;
			drawn.set(key, signature);
		}
		elements.push(el);
	}
	for (const el of [...container.children]) {
		const key = el instanceof HTMLElement ? el.dataset.row : undefined;
		if (!key || !seen.has(key)) el.remove();
	}
	for (const key of [...drawn.keys()]) if (!seen.has(key)) drawn.delete(key);
	// Re-append only when the order changed: moving a node would also move (and blur) anything focused in it.
	const current = [...container.children];
	if (current.length !== elements.length || elements.some((el, i) => current[i] !== el)) container.append(...elements);
	if (!model.rows.length) container.replaceChildren(h('p', { class: 'empty-note' }, 'No tasks in the simulator.'));
	for (const el of container.querySelectorAll('[data-ago]')) {
		if (el instanceof HTMLElement) el.textContent = formatAgo(el.dataset.ago ?? '', model.now);
	}
}

/** @param {Row} row */
function rowKey(row) {
	return row.crm ? `crm:${row.crm.id}` : `zp:${row.projects?.id ?? ''}`;
}

/**
 * @param {Row} row
 * @param {ConsoleModel} model
 * @param {string} key
 */
function buildRow(row, model, key) {
	const differs = row.crm && row.projects ? differences(row.crm, row.projects) : new Set();
	return h('div', { class: `row state-${row.state}`, 'data-row': key, 'data-state': row.state },
		row.crm ? crmCard(row.crm, differs) : h('div', { class: 'card none' }, 'no CRM task'),
		linkCell(row, differs),
		row.projects ? projectsCard(row.projects, model, differs) : h('div', { class: 'card none' }, 'no Projects task'),
	);
}

/**
 * @param {Row} row
 * @param {Set<string>} differs
 */
function linkCell(row, differs) {
	const labels = { linked: '⇄ linked', unlinked: 'unlinked', broken: 'link broken' };
	let detail = row.note ?? '';
	if (row.state === 'linked') detail = differs.size ? `differs: ${[...differs].map((d) => DIFF_LABELS[d] ?? d).join(', ')}` : 'in step';
	if (row.state === 'unlinked') detail = row.crm ? 'only in CRM' : 'only in Projects';
	return h('div', { class: 'link' },
		h('span', { class: `badge ${row.state}` }, labels[row.state]),
		h('small', { class: differs.size && row.state === 'linked' ? 'detail pending' : 'detail' }, detail),
	);
}

/** @type {Record<string, string>} */
const DIFF_LABELS = { name: 'name', date: 'due / end date', status: 'status', priority: 'priority', owner: 'owner' };

/**
 * The values the sync keeps equal, compared the way it compares them (DESIGN §5): status by
 * open/closed, priority in the coarser of the two scales, owner by e-mail, dates as calendar dates.
 * @param {CrmTask} crm
 * @param {ProjectsTask} zp
 */
function differences(crm, zp) {
	const out = new Set();
	if (crm.subject.trim() !== zp.name.trim()) out.add('name');
	if (crm.due !== zp.end) out.add('date');
	if ((crm.status === 'Completed') !== zp.closed) out.add('status');
	if (priorityClass(crm.priority) !== priorityClass(zp.priority)) out.add('priority');
	if ((crm.owner?.email ?? '').toLowerCase() !== (zp.owners[0]?.email ?? '').toLowerCase()) out.add('owner');
	return out;
}

/** @param {string} priority */
function priorityClass(priority) {
	const p = priority.toLowerCase();
	if (p === 'highest' || p === 'high') return 'high';
	if (p === 'low' || p === 'lowest') return 'low';
	if (p === 'normal' || p === 'medium' || p === 'none' || p === '') return 'medium';
	return p;
}

/**
 * @param {CrmTask} t
 * @param {Set<string>} differs
 */
function crmCard(t, differs) {
	/** @type {(field: string, value: string, shown: string, diff?: string) => HTMLElement} */
	const f = (field, value, shown, diff) => fieldCell('crm', t.id, field, value, shown, Boolean(diff && differs.has(diff)));
	return h('article', { class: 'card crm', 'data-crm-task': t.id },
		h('div', { class: 'card-title', lang: 'ja' }, f('Subject', t.subject, t.subject, 'name')),
		h('dl', { class: 'fields' },
			item('Due', f('Due_Date', t.due, formatDate(t.due), 'date')),
			item('Status', f('Status', t.status, t.status, 'status')),
			item('Priority', f('Priority', t.priority, t.priority, 'priority')),
			// CRM tasks have no start date; the gap keeps Owner and Modified under their Projects twins.
			h('div', { class: 'item' }),
			item('Owner', f('Owner', t.owner?.id ?? '', t.owner?.name ?? '—', 'owner')),
			item('Modified', modified(t.modified, t.modifiedBy)),
		),
		h('p', { class: 'context', lang: 'ja' }, t.related ? `Related to ${t.related}` : 'Not related to an account or deal'),
	);
}

/**
 * @param {ProjectsTask} t
 * @param {ConsoleModel} model
 * @param {Set<string>} differs
 */
function projectsCard(t, model, differs) {
	/** @type {(field: string, value: string, shown: string, diff?: string) => HTMLElement} */
	const f = (field, value, shown, diff) => fieldCell('zp', t.id, field, value, shown, Boolean(diff && differs.has(diff)));
	const project = model.projects.projects.find((p) => p.id === t.projectId);
	const owner = t.owners[0];
	return h('article', { class: 'card zp', 'data-zp-task': t.id },
		h('div', { class: 'card-title', lang: 'ja' }, f('name', t.name, t.name, 'name'), h('span', { class: 'key' }, t.key)),
		h('dl', { class: 'fields' },
			item('End', f('end_date', t.end, formatDate(t.end), 'date')),
			item('Status', f('status', t.statusId, t.status, 'status')),
			item('Priority', f('priority', t.priority, t.priority, 'priority')),
			item('Start', f('start_date', t.start, formatDate(t.start))),
			item('Owner', f('owner', owner?.id ?? '', t.owners.map((o) => o.name).join(', ') || '—', 'owner')),
			item('Modified', modified(t.modified, t.modifiedBy)),
		),
		h('p', { class: 'context', lang: 'ja' },
			project?.name ?? t.projectId,
			project?.strict ? h('span', { class: 'strict', title: 'Strict (期間固定) project: task dates must stay inside the project dates' }, `strict ${project.start} – ${project.end}`) : null,
			t.parentName ? h('span', { class: 'sub-of' }, `subtask of ${t.parentName}`) : null,
		),
	);
}

/**
 * @param {string} label
 * @param {HTMLElement} value
 */
function item(label, value) {
	return h('div', { class: 'item' }, h('dt', {}, label), value);
}

/**
 * @param {string} side
 * @param {string} task
 * @param {string} field
 * @param {string} value
 * @param {string} shown
 * @param {boolean} differs
 */
function fieldCell(side, task, field, value, shown, differs) {
	return h('dd', {
		class: `field${differs ? ' differs' : ''}`,
		tabindex: 0,
		role: 'button',
		title: 'Click to edit',
		'data-side': side,
		'data-task': task,
		'data-field': field,
		'data-value': value,
	}, shown || '—');
}

/**
 * @param {string} iso
 * @param {Person | undefined} by
 */
function modified(iso, by) {
	return h('dd', { class: 'ro', title: formatTime(iso) },
		h('span', { 'data-ago': iso }, ''),
		by ? h('span', { class: 'by', lang: 'ja' }, ` · ${by.name}`) : null,
	);
}

/**
 * Mark values that changed since the last refresh. Nothing flashes on the first draw (nothing is
 * remembered yet), and a value keeps its memory when its row is re-keyed, e.g. when a task gets linked.
 * @param {HTMLElement} row
 */
function flashChanges(row) {
	for (const cell of row.querySelectorAll('.field')) {
		if (!(cell instanceof HTMLElement)) continue;
		const key = `${cell.dataset.side}:${cell.dataset.task}:${cell.dataset.field}`;
		const before = lastValues.get(key);
		if (before !== undefined && before !== cell.dataset.value) cell.classList.add('flash');
		lastValues.set(key, cell.dataset.value);
	}
}
