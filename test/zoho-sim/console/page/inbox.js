// @ts-check
/**
 * The inbox: what the demo's SMTP sink received (`/_sim/inbox`), newest first. A message body is
 * shown as text (never as markup); when a message has only HTML, it is shown in a sandboxed frame
 * that runs no scripts.
 */
import { formatTime, h, toast } from './dom.js';

/** @typedef {import('./types.js').InboxMessage} InboxMessage */

/** Ids already drawn: a new one flashes and is announced. */
const known = new Set();
let first = true;

/**
 * @param {HTMLElement} container
 * @param {InboxMessage[] | undefined} messages undefined: no SMTP sink runs in the simulator's process
 */
export function renderInbox(container, messages) {
	const count = document.getElementById('inbox-count');
	if (!messages) {
		if (count) count.textContent = '';
		container.replaceChildren(h('p', { class: 'empty-note' }, 'No SMTP sink runs beside this simulator; `npm run demo` starts one and shows its mail here.'));
		return;
	}
	if (count) count.textContent = String(messages.length);
	if (!messages.length) {
		known.clear();
		container.replaceChildren(h('p', { class: 'empty-note' }, 'No e-mail yet. A change that a sync rule refuses sends one here.'));
		first = false;
		return;
	}
	const fresh = messages.filter((m) => !known.has(m.id));
	if (!fresh.length && container.querySelector('[data-inbox-message]')) return;
	const open = new Set([...container.querySelectorAll('details[open]')].map((d) => d instanceof HTMLElement ? d.dataset.inboxMessage : ''));
	const newest = messages[messages.length - 1]?.id;
	container.replaceChildren(...[...messages].reverse().map((m) => {
		const isNew = !known.has(m.id);
		// Keep what the reader opened; open the newest arrival so it can be read at once.
		const expanded = open.has(String(m.id)) || (isNew && m.id === newest);
		return mailElement(m, expanded, isNew && !first);
	}));
	for (const m of fresh) {
		known.add(m.id);
		if (!first) toast(`New e-mail to ${m.to.join(', ')}: ${m.subject}`, 'info');
	}
	first = false;
}

/**
 * @param {InboxMessage} m
 * @param {boolean} expanded
 * @param {boolean} flash
 */
function mailElement(m, expanded, flash) {
	const body = m.text
		? h('pre', { class: 'mail-body', lang: 'ja' }, m.text)
		: h('iframe', { class: 'mail-html', sandbox: '', srcdoc: m.html ?? '', title: 'HTML body' });
	return h('details', { class: `mail${flash ? ' flash' : ''}`, open: expanded, 'data-inbox-message': m.id, 'data-to': m.to.join(',') },
		h('summary', {},
			h('span', { class: 'mail-subject', lang: 'ja' }, m.subject || '(no subject)'),
			h('span', { class: 'mail-meta' }, `to ${m.to.join(', ')} · ${formatTime(m.date)}`),
		),
		h('p', { class: 'mail-from' }, `From ${m.from}`),
		body,
	);
}
