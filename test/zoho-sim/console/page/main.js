// @ts-check
/**
 * The console's loop: every second, read the model and the inbox from the simulator and redraw what
 * changed. Editing pauses the task board's redraw (never the inbox) so nothing moves under the cursor.
 */
import { getJson } from './api.js';
import { formatTime, h } from './dom.js';
import { openEditor } from './edit.js';
import { renderInbox } from './inbox.js';
import { renderRows } from './tasks.js';

/** @typedef {import('./types.js').ConsoleModel} ConsoleModel */
/** @typedef {import('./types.js').InboxMessage} InboxMessage */
/** @typedef {import('./types.js').Person} Person */

const POLL_MS = 1000;
const byId = (/** @type {string} */ id) => /** @type {HTMLElement} */ (document.getElementById(id));

/** @type {ConsoleModel | undefined} */
let model;
let editing = false;
let timer = 0;

/** Who edits on each side: the choice survives a reload. */
const actors = {
	crm: /** @type {HTMLSelectElement} */ (byId('crm-actor')),
	zp: /** @type {HTMLSelectElement} */ (byId('zp-actor')),
};

/**
 * Fill an "Edit as" list once its users are known; the default is the first person who is not
 * n8n's API user, since edits by that user are what the sync itself writes.
 * @param {HTMLSelectElement} select
 * @param {Person[]} users
 * @param {string} apiUserId
 * @param {string} storageKey
 */
function fillActors(select, users, apiUserId, storageKey) {
	const signature = users.map((u) => u.id).join(',');
	if (select.dataset.users === signature) return;
	select.dataset.users = signature;
	const wanted = localStorage.getItem(storageKey) ?? users.find((u) => u.id !== apiUserId)?.id ?? '';
	select.replaceChildren(...users.map((u) =>
		h('option', { value: u.id, selected: u.id === wanted, title: u.email }, `${u.name}${u.id === apiUserId ? ' (n8n’s API user)' : ''}`)));
	select.onchange = () => localStorage.setItem(storageKey, select.value);
}

/** @param {ConsoleModel} m */
function renderHeader(m) {
	byId('clock').textContent = formatTime(m.now);
	const links = byId('links');
	if (!links.childElementCount && m.links.length) {
		links.replaceChildren(...m.links.map((l) => h('a', { href: l.url, target: '_blank', rel: 'noopener' }, l.label)));
	}
	fillActors(actors.crm, m.crm.users, m.crm.apiUserId, 'zts-console.crm-actor');
	fillActors(actors.zp, m.projects.users, m.projects.apiUserId, 'zts-console.zp-actor');
}

/** @param {ConsoleModel} m */
function renderActivity(m) {
	const list = byId('activity');
	if (!m.activity.length) {
		list.replaceChildren(h('li', { class: 'empty-note' }, 'No API calls yet.'));
		return;
	}
	list.replaceChildren(...m.activity.map((a) => h('li', { class: `${a.method === 'GET' ? 'read' : 'write'}${a.status >= 400 ? ' failed' : ''}` },
		h('time', { title: a.time }, formatTime(a.time).slice(-8)),
		h('span', { class: `product ${a.product}` }, a.product === 'crm' ? 'CRM' : 'Projects'),
		h('b', {}, a.method),
		h('span', { class: 'path' }, shortPath(a.path)),
		h('span', { class: 'status' }, String(a.status)),
	)));
}

/** @param {string} path */
function shortPath(path) {
	return path.replace(/^\/crm\/v\d+/, '').replace(/^\/api\/v3\/portal\/[^/]+/, '');
}

/** One refresh at a time: a refresh asked for while one runs (after an edit) follows it at once. */
let refreshing = false;
let refreshAgain = false;
let noInbox = false;

async function tick() {
	if (refreshing) {
		refreshAgain = true;
		return;
	}
	refreshing = true;
	clearTimeout(timer);
	try {
		await refresh();
	} finally {
		refreshing = false;
	}
	if (refreshAgain) {
		refreshAgain = false;
		void tick();
		return;
	}
	timer = window.setTimeout(() => void tick(), POLL_MS);
}

async function refresh() {
	const live = byId('live');
	try {
		// A simulator started without an SMTP sink (npm run sim) has no inbox: ask once, not every second.
		const [m, inbox] = await Promise.all([getJson('/_sim/console/model'), noInbox ? { status: 404, body: undefined } : getJson('/_sim/inbox')]);
		noInbox = inbox.status === 404;
		if (m.status !== 200) throw new Error(`model: HTTP ${m.status}`);
		model = /** @type {ConsoleModel} */ (m.body);
		renderHeader(model);
		if (!editing) renderRows(byId('rows'), model);
		renderActivity(model);
		const body = /** @type {{ messages?: InboxMessage[] } | undefined} */ (inbox.body);
		renderInbox(byId('inbox'), inbox.status === 200 ? body?.messages ?? [] : undefined);
		live.dataset.live = 'ok';
		live.textContent = 'live';
	} catch (error) {
		live.dataset.live = 'down';
		live.textContent = 'simulator not answering';
		live.title = error instanceof Error ? error.message : String(error);
	}
}

/** @param {Event} event */
function maybeEdit(event) {
	const target = event.target instanceof Element ? event.target.closest('.field') : null;
	if (!(target instanceof HTMLElement) || target.classList.contains('editing')) return;
	if (event instanceof KeyboardEvent && event.key !== 'Enter' && event.key !== ' ') return;
	event.preventDefault();
	openEditor(target, {
		model: () => model,
		actor: (side) => {
			const users = side === 'crm' ? model?.crm.users : model?.projects.users;
			const chosen = (side === 'crm' ? actors.crm : actors.zp).value;
			return users?.find((u) => u.id === chosen);
		},
		onOpen: () => (editing = true),
		onClose: () => {
			editing = false;
			void tick();
		},
	});
}

const rows = byId('rows');
rows.addEventListener('click', maybeEdit);
rows.addEventListener('keydown', maybeEdit);
void tick();
