/**
 * The oracle's own reading of both sides, straight from the simulator's stores (no API, no product
 * code): a bug in the product's converters must not hide in the oracle's. Values are compared in
 * the documented coarser spaces (DESIGN §5).
 */
import type { ZohoSim } from '../../test/zoho-sim/server';
import type { Field, Side, Value, Values } from './types';

/** Named entities people's HTML uses; the decoder must know them all, or the oracle would agree with a broken product. */
const NAMED: Record<string, string> = {
	amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', hellip: '…', rarr: '→',
	larr: '←', copy: '©', reg: '®', yen: '¥', laquo: '«', raquo: '»', middot: '·', times: '×', euro: '€',
};

function decodeEntities(html: string): string {
	return html.replace(/&(#x[0-9a-f]+|#\d+|[a-z][a-z0-9]*);/gi, (whole, name: string) => {
		if (name[0] === '#') return String.fromCodePoint(name[1].toLowerCase() === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
		return NAMED[name] ?? NAMED[name.toLowerCase()] ?? whole;
	});
}

/** Line breaks as `\n`, no spaces at line ends, no blank lines at either end; '' → null. */
export function normaliseText(text: string | null | undefined): Value {
	const normal = (text ?? '')
		.replace(/\r\n?/g, '\n')
		.replace(/\u00a0/g, ' ')
		.split('\n')
		.map((line) => line.replace(/[ \t]+$/, ''))
		.join('\n')
		.replace(/^\n+|\n+$/g, '');
	return normal || null;
}

/** Projects HTML as the plain text a reader sees: breaks and block ends are new lines, entities decoded. */
export function htmlText(html: string | null | undefined): Value {
	const text = (html ?? '')
		.replace(/\r?\n/g, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
		.replace(/<[^>]*>/g, '');
	return normaliseText(decodeEntities(text));
}

const CRM_PRIORITY: Record<string, Value> = { Highest: 'high', High: 'high', Normal: 'medium', Low: 'low', Lowest: 'low' };
/** Projects `none` is CRM Normal: compared as medium. */
const PROJECTS_PRIORITY: Record<string, Value> = { high: 'high', medium: 'medium', low: 'low', none: 'medium' };

export const crmPriority = (value: string): Value => CRM_PRIORITY[value] ?? null;
export const projectsPriority = (value: string): Value => PROJECTS_PRIORITY[value] ?? null;

const email = (value: string | undefined): Value => (value ? value.trim().toLowerCase() : null);
const str = (value: unknown): string | null => (typeof value === 'string' ? value : null);

/** The CRM task's values, or undefined when it is gone. */
export function crmValues(sim: ZohoSim, crmId: string): Values | undefined {
	const rec = sim.crm.store.get('Tasks', crmId);
	if (!rec) return undefined;
	const ownerId = (rec.Owner as { id?: string } | undefined)?.id ?? '';
	return {
		subject: str(rec.Subject)?.trim() ?? null,
		description: normaliseText(str(rec.Description)),
		dueDate: str(rec.Due_Date)?.slice(0, 10) || null,
		priority: crmPriority(str(rec.Priority) ?? ''),
		status: rec.Status === 'Completed' ? 'closed' : 'open',
		owner: email(sim.crm.users.get(ownerId)?.email),
	};
}

/** The Projects task's values, or undefined when it is gone (trashed). */
export function projectsValues(sim: ZohoSim, zpId: string): Values | undefined {
	const task = sim.projects.store.liveTask(zpId);
	if (!task) return undefined;
	const owner = task.ownerZpuids[0];
	return {
		subject: task.name.trim(),
		description: htmlText(task.description),
		dueDate: task.end_date.slice(0, 10) || null,
		priority: projectsPriority(task.priority),
		status: sim.projects.store.isClosed(task) ? 'closed' : 'open',
		owner: owner ? email(sim.projects.store.users.get(owner)?.email) : null,
	};
}

export function sideValues(sim: ZohoSim, side: Side, id: string): Values | undefined {
	return side === 'crm' ? crmValues(sim, id) : projectsValues(sim, id);
}

export const show = (field: Field, value: Value): string => (value === null ? '∅' : field === 'description' ? JSON.stringify(value) : value);
