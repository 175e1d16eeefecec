/**
 * The simulator console: a page at `/_sim/console` on the simulator's own origin that shows CRM and
 * Projects tasks side by side with their link state, lets a person edit them as a named user (through
 * the existing `/_sim/crm/...` and `/_sim/projects/...` routes, so edits notify and fire webhooks like
 * edits in Zoho's UI), and shows the inbox of the demo's SMTP sink. Plain files, no build step.
 *
 *   registerConsole(sim, { links: [{ label: 'n8n editor', url }] });
 *   registerInbox(sim.router, sink);   // only where an SMTP sink runs in the same process
 */
import { readdirSync, readFileSync } from 'node:fs';
import { extname, join } from 'node:path';

import { json, type Router, type SimResponse } from '../kit';
import type { ZohoSim } from '../server';
import { buildModel, type ConsoleLink } from './model';

export type { ConsoleModel, ConsoleLink } from './model';

export interface ConsoleOptions {
	/** Shown in the page header (e.g. the n8n editor). */
	links?: ConsoleLink[];
}

export const CONSOLE_PATH = '/_sim/console';

const PAGE_DIR = join(__dirname, 'page');
const TYPES = new Map([
	['.html', 'text/html; charset=utf-8'],
	['.js', 'text/javascript; charset=utf-8'],
	['.css', 'text/css; charset=utf-8'],
]);

export function registerConsole(sim: ZohoSim, options: ConsoleOptions = {}): void {
	const links = options.links ?? [];
	// Only the files that ship in page/ can be served: the name never reaches the file system unchecked.
	const files = new Set(readdirSync(PAGE_DIR).filter((f) => TYPES.has(extname(f))));
	const r = sim.router;
	r.add('sim', 'GET', CONSOLE_PATH, () => serve('index.html'));
	// Registered before `/:file`, so the literal path wins (the router tries routes in order).
	r.add('sim', 'GET', `${CONSOLE_PATH}/model`, () => json(200, buildModel(sim, links), { 'cache-control': 'no-store' }));
	r.add('sim', 'GET', `${CONSOLE_PATH}/:file`, (req) => (files.has(req.params.file) ? serve(req.params.file) : json(404, { error: 'no such console file' })));
}

/** Read at request time, so editing the page needs a reload, not a restart. */
function serve(file: string): SimResponse {
	return {
		status: 200,
		body: readFileSync(join(PAGE_DIR, file), 'utf8'),
		headers: { 'content-type': TYPES.get(extname(file)) ?? 'text/plain', 'cache-control': 'no-store' },
	};
}

/** What the inbox shows; the SMTP sink's messages have this shape. */
export interface InboxMessage {
	id: number;
	from: string;
	to: string[];
	subject: string;
	text: string;
	html?: string;
	date: string;
}

export interface InboxSource {
	readonly messages: readonly InboxMessage[];
	clear(): void;
}

/** `GET /_sim/inbox` (newest last, as received) and `DELETE /_sim/inbox` over an in-process mail source. */
export function registerInbox(router: Router, source: InboxSource): void {
	router.add('sim', 'GET', '/_sim/inbox', () => json(200, { messages: source.messages }, { 'cache-control': 'no-store' }));
	router.add('sim', 'DELETE', '/_sim/inbox', () => {
		source.clear();
		return json(204);
	});
}
