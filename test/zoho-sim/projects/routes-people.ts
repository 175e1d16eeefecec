/**
 * Portal users (under /api/v3 and /api/v3.1: the V3 docs moved users to v3.1, live clients still use
 * v3), project users, client companies and client users ("contacts").
 */
import { json, newId, type Router, type SimRequest, type SimResponse } from '../kit';
import { USERS } from '../seed-data';
import { alreadyExists, invalid, isRecord, missing, notFound, v3Error } from './errors';
import type { Projects } from './index';
import { pageOf, readPaging } from './paging';
import { PORTAL } from './routes-portal';
import type { ClientRec, PortalUser, Role } from './types';
import { clientView, contactView, userView } from './views';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function registerPeopleRoutes(r: Router, p: Projects): void {
	for (const prefix of [PORTAL, '/api/v3.1/portal/:portal']) {
		r.add('projects', 'GET', `${prefix}/users`, (req) => listed(req, 'users', [...p.store.users.values()].map(userView)));
		r.add('projects', 'POST', `${prefix}/users`, (req) => addPortalUser(p, req));
		r.add('projects', 'GET', `${prefix}/users/:user`, (req) => {
			const user = p.store.users.get(req.params.user);
			return user ? json(200, userView(user)) : notFound('User', req.params.user);
		});
	}
	r.add('projects', 'GET', `${PORTAL}/projects/:project/users`, (req) => {
		const project = p.projectFor(req);
		if (!project.ok) return project.error;
		const members = project.value.members.map((z) => p.store.users.get(z)).filter((u): u is PortalUser => !!u);
		return listed(req, 'users', members.map(userView));
	});
	r.add('projects', 'POST', `${PORTAL}/projects/:project/users`, (req) => addProjectUser(p, req));

	r.add('projects', 'GET', `${PORTAL}/clients`, (req) => listed(req, 'clients', [...p.store.clients.values()].map((c) => clientView(p.store, c))));
	r.add('projects', 'POST', `${PORTAL}/clients`, (req) => addClient(p, req));
	r.add('projects', 'GET', `${PORTAL}/clients/:client`, (req) => {
		const client = p.store.clients.get(req.params.client);
		return client ? json(200, clientView(p.store, client)) : notFound('Client company', req.params.client);
	});
	r.add('projects', 'DELETE', `${PORTAL}/clients/:client`, (req) => {
		const client = p.store.clients.get(req.params.client);
		if (!client) return notFound('Client company', req.params.client);
		// Its client users go with it; its projects lose the client (assumption).
		for (const c of [...p.store.contacts.values()]) if (c.clientId === client.id) p.store.contacts.delete(c.id);
		for (const project of p.store.projects.values()) if (project.clientId === client.id) project.clientId = '';
		p.store.clients.delete(client.id);
		return json(204);
	});

	r.add('projects', 'GET', `${PORTAL}/contacts`, (req) => listed(req, 'contacts', [...p.store.contacts.values()].map((c) => contactView(p.store, c))));
	r.add('projects', 'POST', `${PORTAL}/contacts`, (req) => addContact(p, req));
	r.add('projects', 'GET', `${PORTAL}/contacts/:contact`, (req) => {
		const contact = p.store.contacts.get(req.params.contact);
		return contact ? json(200, contactView(p.store, contact)) : notFound('Client user', req.params.contact);
	});
	r.add('projects', 'DELETE', `${PORTAL}/contacts/:contact`, (req) => {
		if (!p.store.contacts.delete(req.params.contact)) return notFound('Client user', req.params.contact);
		return json(204);
	});
}

function listed(req: SimRequest, key: string, items: unknown[]): SimResponse {
	const paging = readPaging(req);
	if (!paging.ok) return paging.error;
	const page = pageOf(items, paging.value);
	return json(200, { [key]: page.items, page_info: page.page_info });
}

function body(req: SimRequest): Record<string, unknown> {
	return isRecord(req.body) ? req.body : {};
}

function str(value: unknown): string {
	return typeof value === 'string' ? value.trim() : '';
}

/** An e-mail already in the portal (as a portal or a client user) is refused, so imports can be re-run safely. */
function emailTaken(p: Projects, email: string): SimResponse | undefined {
	const user = p.store.userByEmail(email);
	if (user) return alreadyExists('USER_ALREADY_EXISTS', `${email} is already a portal user (zpuid ${user.zpuid}).`, 'email');
	const contact = p.store.contactByEmail(email);
	if (contact) return alreadyExists('USER_ALREADY_EXISTS', `${email} is already a client user (id ${contact.id}).`, 'email');
	return undefined;
}

function newPortalUser(p: Projects, email: string, input: Record<string, unknown>, role: Role): PortalUser {
	// A person who has a Zoho account in the seed keeps their zuid; others get a new one.
	const known = Object.values(USERS).find((u) => u.email.toLowerCase() === email.toLowerCase());
	const first = str(input.first_name) || (known?.first ?? email.split('@')[0]);
	const last = str(input.last_name) || (known?.last ?? '');
	const user: PortalUser = {
		zpuid: newId('24'),
		zuid: known?.zuid ?? newId('8'),
		first_name: first,
		last_name: last,
		name: str(input.display_name) || known?.name || `${first} ${last}`.trim(),
		email,
		role,
		active: true,
		created_time: p.now(),
	};
	p.store.users.set(user.zpuid, user);
	return user;
}

function readRole(value: unknown): Role | SimResponse {
	if (value === undefined || value === 'member') return 'member';
	if (value === 'admin') return 'admin';
	return invalid('role', 'role must be admin or member.');
}

function addPortalUser(p: Projects, req: SimRequest): SimResponse {
	const input = body(req);
	const email = str(input.email);
	if (!email) return missing('email');
	if (!EMAIL.test(email)) return invalid('email', `${email} is not an e-mail address.`);
	const role = readRole(input.role);
	if (typeof role !== 'string') return role;
	const taken = emailTaken(p, email);
	if (taken) return taken;
	return json(201, userView(newPortalUser(p, email, input, role)));
}

/** Body `{zpuid}` (an existing portal user) or `{email}` (added to the portal as a member if new). */
function addProjectUser(p: Projects, req: SimRequest): SimResponse {
	const found = p.projectFor(req);
	if (!found.ok) return found.error;
	const project = found.value;
	const input = body(req);
	const zpuid = str(input.zpuid);
	const email = str(input.email);
	let user: PortalUser | undefined;
	if (zpuid) {
		user = p.store.users.get(zpuid);
		if (!user) return invalid('zpuid', `zpuid ${zpuid} is not a user of this portal.`);
	} else if (email) {
		if (!EMAIL.test(email)) return invalid('email', `${email} is not an e-mail address.`);
		if (p.store.contactByEmail(email)) return invalid('email', `${email} is a client user; the simulator adds only portal users to projects.`);
		user = p.store.userByEmail(email) ?? newPortalUser(p, email, input, 'member');
	} else {
		return missing('email');
	}
	if (project.members.includes(user.zpuid)) {
		return alreadyExists('USER_ALREADY_EXISTS', `${user.email} is already a user of project ${project.name}.`, zpuid ? 'zpuid' : 'email');
	}
	project.members.push(user.zpuid);
	return json(201, userView(user));
}

/** Client company names are unique, compared exactly as stored (no width or case folding). */
function addClient(p: Projects, req: SimRequest): SimResponse {
	const input = body(req);
	const name = str(input.name);
	if (!name) return missing('name');
	const existing = [...p.store.clients.values()].find((c) => c.name === name);
	if (existing) return alreadyExists('CLIENT_ALREADY_EXISTS', `A client company named ${name} already exists (id ${existing.id}).`, 'name');
	const now = p.now();
	const fields = ['email', 'phone', 'website', 'address', 'city', 'state', 'country', 'zip_code'] as const;
	const client: ClientRec = {
		id: newId('25'),
		name,
		email: '', phone: '', website: '', address: '', city: '', state: '', country: '', zip_code: '',
		currency_code: str(input.currency_code) || 'JPY',
		created_time: now,
		last_modified_time: now,
	};
	for (const f of fields) client[f] = str(input[f]);
	p.store.clients.set(client.id, client);
	return json(201, clientView(p.store, client));
}

/** Body `{email, first_name, last_name, client_company:{id}}` (nested like every V3 link). */
function addContact(p: Projects, req: SimRequest): SimResponse {
	const input = body(req);
	const email = str(input.email);
	if (!email) return missing('email');
	if (!EMAIL.test(email)) return invalid('email', `${email} is not an e-mail address.`);
	if (input.client_company === undefined) return missing('client_company');
	if (!isRecord(input.client_company)) return v3Error(400, 'JSON_PARSE_ERROR', 'client_company must be an object {id}.', { fieldName: 'client_company' });
	const clientId = String(input.client_company.id ?? '');
	if (!p.store.clients.has(clientId)) return invalid('client_company', `Client company ${clientId} does not exist.`);
	const taken = emailTaken(p, email);
	if (taken) return taken;
	const contact = {
		id: newId('26'),
		first_name: str(input.first_name) || email.split('@')[0],
		last_name: str(input.last_name),
		email,
		clientId,
		created_time: p.now(),
	};
	p.store.contacts.set(contact.id, contact);
	return json(201, contactView(p.store, contact));
}
