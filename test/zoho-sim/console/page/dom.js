// @ts-check
/** Small DOM and formatting helpers. Text always goes in through textContent: e-mail bodies and task names are data, never markup. */

/**
 * h('div', { class: 'x', 'data-id': '1', title: 't' }, 'text', child) → an element.
 * @param {string} tag
 * @param {Record<string, string | number | boolean | undefined>} [attrs]
 * @param {...(Node | string | null | undefined | false)} children
 * @returns {HTMLElement}
 */
export function h(tag, attrs = {}, ...children) {
	const el = document.createElement(tag);
	for (const [name, value] of Object.entries(attrs)) {
		if (value === undefined || value === false) continue;
		el.setAttribute(name, value === true ? '' : String(value));
	}
	for (const child of children) {
		if (child === null || child === undefined || child === false) continue;
		el.append(child);
	}
	return el;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/**
 * A calendar date `YYYY-MM-DD` with its weekday. Computed in UTC on purpose: a due date is a day, not
 * an instant, and must read the same in every browser time zone.
 * @param {string} date
 */
export function formatDate(date) {
	const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
	if (!m) return date || '—';
	const day = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay();
	return `${date} (${WEEKDAYS[day]})`;
}

/**
 * "12 s ago", counted from the simulator clock (the page's clock may differ from the sim's).
 * @param {string} iso
 * @param {string} nowIso
 */
export function formatAgo(iso, nowIso) {
	const then = Date.parse(iso);
	const now = Date.parse(nowIso);
	if (Number.isNaN(then) || Number.isNaN(now)) return iso || '—';
	const s = Math.round((now - then) / 1000);
	if (s < 0) return 'just now';
	if (s < 60) return `${s} s ago`;
	if (s < 3600) return `${Math.floor(s / 60)} min ago`;
	if (s < 86400) return `${Math.floor(s / 3600)} h ago`;
	return `${Math.floor(s / 86400)} d ago`;
}

/**
 * A full timestamp in the browser's locale and zone, for tooltips and the clock.
 * @param {string} iso
 */
export function formatTime(iso) {
	const t = Date.parse(iso);
	if (Number.isNaN(t)) return iso;
	return new Date(t).toLocaleString(undefined, { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

let toastCount = 0;

/**
 * Short notes in the corner that fade on their own; errors stay longer. Each carries a growing
 * `data-toast` number, so a reader (or a test) can tell a new note from an old one with the same words.
 * @param {string} message
 * @param {'ok' | 'error' | 'info'} kind
 */
export function toast(message, kind = 'info') {
	const box = document.getElementById('toasts');
	if (!box) return;
	const el = h('div', { class: `toast ${kind}`, role: kind === 'error' ? 'alert' : 'status', 'data-toast': ++toastCount }, message);
	box.append(el);
	// A burst of edits should not bury the screen: keep the newest few.
	while (box.childElementCount > 4) box.firstElementChild?.remove();
	setTimeout(() => el.classList.add('leaving'), kind === 'error' ? 9000 : 4500);
	setTimeout(() => el.remove(), kind === 'error' ? 9600 : 5100);
}
