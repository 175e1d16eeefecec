/**
 * CRM users: the directory Owner lookups are checked against, and `GET /crm/v8/users[/{id}]`.
 */
import type { Router, SimRequest, SimResponse } from '../kit';
import { json } from '../kit';
import { crmError, ifModifiedSince, INVALID_ID_MESSAGE, invalidParam, zohoTime } from './http';
import type { Crm } from './index';
import { pageParams, pageInfo } from './paging';

export interface CrmUser {
	id: string;
	first_name: string;
	last_name: string;
	full_name: string;
	email: string;
	status: 'active' | 'disabled' | 'deleted';
	confirm: boolean;
	zuid: string;
	role: { name: string; id: string };
	profile: { name: string; id: string };
	time_zone: string;
	modifiedTime: number;
}

export const ROLES = {
	ceo: { name: 'CEO', id: '4876876000000026005' },
	manager: { name: 'Manager', id: '4876876000000026008' },
};
export const PROFILES = {
	admin: { name: 'Administrator', id: '4876876000000026011' },
	standard: { name: 'Standard', id: '4876876000000026014' },
};

const TYPES: Record<string, (u: CrmUser, caller: string | undefined) => boolean> = {
	AllUsers: (u) => u.status !== 'deleted',
	ActiveUsers: (u) => u.status === 'active',
	DeactiveUsers: (u) => u.status === 'disabled',
	ConfirmedUsers: (u) => u.confirm && u.status !== 'deleted',
	NotConfirmedUsers: (u) => !u.confirm && u.status !== 'deleted',
	DeletedUsers: (u) => u.status === 'deleted',
	ActiveConfirmedUsers: (u) => u.status === 'active' && u.confirm,
	AdminUsers: (u) => u.profile.id === PROFILES.admin.id && u.status !== 'deleted',
	ActiveConfirmedAdmins: (u) => u.profile.id === PROFILES.admin.id && u.status === 'active' && u.confirm,
	CurrentUser: (u, caller) => u.id === caller,
};

export class UserDirectory {
	users: CrmUser[] = [];

	get(id: string): CrmUser | undefined {
		return this.users.find((u) => u.id === id);
	}

	/** Owner lookups accept only active users. */
	isAssignable(id: string): boolean {
		return this.get(id)?.status === 'active';
	}

	/** How a user appears inside a record (`Owner`, `Created_By`, ...). */
	ref(id: string): { id: string; name: string; email: string } {
		const u = this.get(id);
		return { id, name: u?.full_name ?? '', email: u?.email ?? '' };
	}

	clear(): void {
		this.users = [];
	}
}

export const renderUser = (u: CrmUser): Record<string, unknown> => ({
	id: u.id,
	first_name: u.first_name,
	last_name: u.last_name,
	full_name: u.full_name,
	email: u.email,
	status: u.status,
	confirm: u.confirm,
	zuid: u.zuid,
	role: u.role,
	profile: u.profile,
	time_zone: u.time_zone,
	Modified_Time: zohoTime(u.modifiedTime),
});

export function registerUsers(crm: Crm, router: Router): void {
	router.add('crm', 'GET', '/crm/v8/users', (req) => listUsers(crm, req));
	router.add('crm', 'GET', '/crm/v8/users/:id', (req) => {
		const u = crm.users.get(req.params.id);
		if (!u) return crmError(400, 'INVALID_DATA', INVALID_ID_MESSAGE, { id: req.params.id });
		// crm-oas v8.0/users.json: the Users response (also for one user) requires `info`.
		return json(200, { users: [renderUser(u)], info: { per_page: 200, count: 1, page: 1, more_records: false } });
	});
}

function listUsers(crm: Crm, req: SimRequest): SimResponse {
	const type = req.query.get('type') ?? 'AllUsers';
	const filter = TYPES[type];
	if (!filter) return invalidParam('type');
	const since = ifModifiedSince(req);
	if (typeof since === 'object') return since;
	const paging = pageParams(req);
	if ('status' in paging) return paging;
	const all = crm.users.users.filter((u) => filter(u, req.userId) && (since === undefined || u.modifiedTime > since));
	if (all.length === 0) return json(since === undefined ? 204 : 304);
	const slice = all.slice(paging.offset, paging.offset + paging.perPage);
	if (slice.length === 0) return json(204);
	return json(200, { users: slice.map(renderUser), info: pageInfo(paging, slice.length, all.length) });
}
