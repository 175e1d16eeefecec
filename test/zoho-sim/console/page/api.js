// @ts-check
/** The simulator's HTTP routes the page talks to (same origin), and Zoho-shaped errors → one sentence. */

/**
 * @param {string} path
 * @returns {Promise<{ status: number, body: unknown }>}
 */
export async function getJson(path) {
	const res = await fetch(path, { cache: 'no-store' });
	const text = await res.text();
	return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/**
 * A direct "edit as a user" call; resolves with an error sentence when the simulator refuses it.
 * @param {string} method
 * @param {string} path
 * @param {unknown} body
 * @returns {Promise<{ ok: true } | { ok: false, message: string }>}
 */
export async function send(method, path, body) {
	let res;
	try {
		res = await fetch(path, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
	} catch (error) {
		return { ok: false, message: `the simulator did not answer (${error instanceof Error ? error.message : String(error)})` };
	}
	if (res.ok) return { ok: true };
	const text = await res.text();
	let parsed;
	try {
		parsed = JSON.parse(text);
	} catch {
		parsed = text;
	}
	return { ok: false, message: errorMessage(parsed) || `HTTP ${res.status}` };
}

/**
 * CRM direct routes answer `{error, item:{code, message, details}}`, Projects ones a V3 error
 * `{error:{title, details:[{message}]}}`, unknown records `{error: '...'}`.
 * @param {unknown} body
 * @returns {string}
 */
export function errorMessage(body) {
	if (typeof body === 'string') return body;
	if (!isRecord(body)) return '';
	const error = body.error;
	if (isRecord(error)) {
		const details = Array.isArray(error.details) ? error.details : [];
		const first = isRecord(details[0]) ? details[0] : {};
		return [error.title, first.message].filter((s) => typeof s === 'string' && s).join(': ');
	}
	const item = body.item;
	if (isRecord(item)) {
		const details = isRecord(item.details) ? item.details : {};
		const field = typeof details.api_name === 'string' ? ` (${details.api_name})` : '';
		return `${String(item.code ?? '')} ${String(item.message ?? '')}${field}`.trim();
	}
	return typeof error === 'string' ? error : '';
}

/**
 * @param {unknown} value
 * @returns {value is Record<string, unknown>}
 */
export function isRecord(value) {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
