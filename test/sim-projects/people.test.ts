/** Portal users (v3 and v3.1), project users, client companies and client users. */
import { COMPANIES, CONTACTS, PORTAL_ID, PROJECTS, USERS } from '../zoho-sim/seed-data';
import { type Client, type PageInfo, type TaskJson, detail, startSim } from './helpers';

let c: Client;
beforeAll(async () => {
	c = await startSim();
});
afterAll(() => c.sim.stop());

interface UserJson {
	id: string;
	zpuid: string;
	zuid: string;
	name: string;
	email: string;
	role_name: string;
}

describe('portal users', () => {
	it('lists under /api/v3 and /api/v3.1 with paging', async () => {
		for (const version of ['v3', 'v3.1']) {
			const res = await c.get<{ users: UserJson[]; page_info: PageInfo }>(`/api/${version}/portal/${PORTAL_ID}/users?page=1&per_page=2`);
			expect(res.status).toBe(200);
			expect(res.body.users.map((u) => u.zpuid)).toEqual([USERS.hanako.zpuid, USERS.ichiro.zpuid]);
			expect(res.body.page_info).toEqual({ page: 1, per_page: 2, has_next_page: true });
		}
		const all = await c.get<{ users: UserJson[] }>('/users?page=1');
		expect(all.body.users.map((u) => u.email)).toEqual([USERS.hanako.email, USERS.ichiro.email, USERS.emily.email, USERS.maria.email]);
		expect(detail(await c.get('/users'))).toMatchObject({ status: 400, field: 'page' });
	});

	it('reads one user', async () => {
		const res = await c.get<UserJson>(`/users/${USERS.emily.zpuid}`);
		expect(res.body).toMatchObject({ id: USERS.emily.zpuid, zpuid: USERS.emily.zpuid, zuid: USERS.emily.zuid, email: USERS.emily.email, role_name: 'member' });
	});

	it('adds a user once; the same e-mail again is USER_ALREADY_EXISTS; the new user can then call the API', async () => {
		expect(detail(await c.get('/projects?page=1', { token: c.tokenFor(USERS.ken.crmId) })).status).toBe(403);
		const res = await c.post<UserJson>('/users', { email: USERS.ken.email, role: 'member' });
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ email: USERS.ken.email, zuid: USERS.ken.zuid, name: USERS.ken.name });
		const again = await c.post(`/api/v3.1/portal/${PORTAL_ID}/users`, { email: USERS.ken.email.toUpperCase() });
		expect(detail(again)).toMatchObject({ status: 400, title: 'USER_ALREADY_EXISTS', field: 'email' });
		expect(detail(again).message).toContain(res.body.zpuid);
		expect((await c.get('/projects?page=1', { token: c.tokenFor(USERS.ken.crmId) })).status).toBe(200);
	});

	it('refuses a missing or malformed e-mail and an unknown role', async () => {
		expect(detail(await c.post('/users', { role: 'member' }))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'email' });
		expect(detail(await c.post('/users', { email: 'not-an-email' }))).toMatchObject({ status: 400, field: 'email' });
		expect(detail(await c.post('/users', { email: 'x@example.com', role: 'owner' }))).toMatchObject({ status: 400, field: 'role' });
	});
});

describe('project users', () => {
	const USERS_OF = `/projects/${PROJECTS.migration.id}/users`;

	it('lists the project users', async () => {
		const res = await c.get<{ users: UserJson[] }>(`${USERS_OF}?page=1`);
		expect(res.body.users.map((u) => u.zpuid)).toEqual([USERS.hanako.zpuid, USERS.ichiro.zpuid]);
	});

	it('adds a portal user to the project, after which they can own its tasks', async () => {
		const body = { name: 'Emily task', owners_and_work: { owners: [{ zpuid: USERS.emily.zpuid }] } };
		expect((await c.post(`/projects/${PROJECTS.migration.id}/tasks`, body)).status).toBe(400);
		const added = await c.post<UserJson>(USERS_OF, { zpuid: USERS.emily.zpuid });
		expect(added.status).toBe(201);
		expect(detail(await c.post(USERS_OF, { email: USERS.emily.email }))).toMatchObject({ status: 400, title: 'USER_ALREADY_EXISTS' });
		const task = await c.post<TaskJson>(`/projects/${PROJECTS.migration.id}/tasks`, body);
		expect(task.status).toBe(201);
		expect(task.body.owners_and_work.owners[0].zpuid).toBe(USERS.emily.zpuid);
	});

	it('adds a new e-mail to the portal and the project at once; refuses an unknown zpuid', async () => {
		const res = await c.post<UserJson>(USERS_OF, { email: 'new.person@example.jp', first_name: '新', last_name: '人' });
		expect(res.status).toBe(201);
		expect((await c.get<UserJson>(`/users/${res.body.zpuid}`)).body.email).toBe('new.person@example.jp');
		expect(detail(await c.post(USERS_OF, { zpuid: '1' }))).toMatchObject({ status: 400, field: 'zpuid' });
		expect(detail(await c.post(USERS_OF, {}))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE' });
	});
});

interface ClientJson {
	id: string;
	name: string;
	projects_count: number;
	contacts_count: number;
}
interface ContactJson {
	id: string;
	email: string;
	first_name: string;
	last_name: string;
	client_company: { id: string; name: string };
}

describe('client companies', () => {
	it('lists and reads companies with counts', async () => {
		const res = await c.get<{ clients: ClientJson[] }>('/clients?page=1');
		expect(res.body.clients.map((x) => x.name)).toEqual([COMPANIES.sakura.projectsName, COMPANIES.acme.projectsName, COMPANIES.abc.projectsName]);
		const sakura = await c.get<ClientJson>(`/clients/${COMPANIES.sakura.clientId}`);
		expect(sakura.body).toMatchObject({ id: COMPANIES.sakura.clientId, projects_count: 1, contacts_count: 1 });
	});

	it('creates a company once, compares names exactly, and deletes it', async () => {
		const created = await c.post<ClientJson>('/clients', { name: COMPANIES.northwind.crmName, website: 'https://northwind.example.com' });
		expect(created.status).toBe(201);
		expect(detail(await c.post('/clients', { name: COMPANIES.northwind.crmName }))).toMatchObject({ status: 400, title: 'CLIENT_ALREADY_EXISTS', field: 'name' });
		// Full-width ＡＢＣ is another name to the simulator: matching it to ABC is the client's job.
		expect((await c.post('/clients', { name: COMPANIES.abc.crmName })).status).toBe(201);
		expect(detail(await c.post('/clients', {}))).toMatchObject({ status: 400, field: 'name' });
		expect((await c.del(`/clients/${created.body.id}`)).status).toBe(204);
		expect((await c.get(`/clients/${created.body.id}`)).status).toBe(404);
	});
});

describe('client users', () => {
	it('lists the seeded client users with their company', async () => {
		const res = await c.get<{ contacts: ContactJson[] }>('/contacts?page=1');
		expect(res.body.contacts.map((x) => x.email)).toEqual([CONTACTS.yamada.email, CONTACTS.john.email]);
		expect(res.body.contacts[0].client_company).toEqual({ id: COMPANIES.sakura.clientId, name: COMPANIES.sakura.projectsName });
	});

	it('imports Kimura once; Yamada already exists', async () => {
		const body = { email: CONTACTS.kimura.email, first_name: CONTACTS.kimura.first, last_name: CONTACTS.kimura.last, client_company: { id: COMPANIES.sakura.clientId } };
		const res = await c.post<ContactJson>('/contacts', body);
		expect(res.status).toBe(201);
		expect(res.body).toMatchObject({ email: CONTACTS.kimura.email, client_company: { id: COMPANIES.sakura.clientId } });
		expect(detail(await c.post('/contacts', body))).toMatchObject({ status: 400, title: 'USER_ALREADY_EXISTS' });
		expect(detail(await c.post('/contacts', { ...body, email: CONTACTS.yamada.email }))).toMatchObject({ status: 400, title: 'USER_ALREADY_EXISTS' });
		expect((await c.get<ContactJson>(`/contacts/${res.body.id}`)).body.email).toBe(CONTACTS.kimura.email);
		expect((await c.del(`/contacts/${res.body.id}`)).status).toBe(204);
		expect((await c.get(`/contacts/${res.body.id}`)).status).toBe(404);
	});

	it('needs a company that exists, given as an object', async () => {
		expect(detail(await c.post('/contacts', { email: 'a@example.jp' }))).toMatchObject({ status: 400, title: 'LESS_THAN_MIN_OCCURANCE', field: 'client_company' });
		expect(detail(await c.post('/contacts', { email: 'a@example.jp', client_company: COMPANIES.sakura.clientId }))).toMatchObject({ status: 400, title: 'JSON_PARSE_ERROR' });
		expect(detail(await c.post('/contacts', { email: 'a@example.jp', client_company: { id: '1' } }))).toMatchObject({ status: 400, field: 'client_company' });
	});
});
