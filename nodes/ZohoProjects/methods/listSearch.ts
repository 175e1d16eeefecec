import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { DEFAULT_BUDGET, projectsRequest } from '../../shared/projects';
import { currentSettings } from './context';

const PAGE = 100;

const matches = (name: string, filter?: string) => !filter || name.toLowerCase().includes(filter.toLowerCase());

/** GET /api/v3/portals: the portals the credential's user belongs to. */
export async function searchPortals(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const budget = (this.getCurrentNodeParameter('apiBudget') as number | undefined) ?? DEFAULT_BUDGET;
	const portals = (await projectsRequest.call(this, { portalId: '-', budget }, { method: 'GET', path: '/api/v3/portals', api: 'root' })) as IDataObject[];
	return {
		results: (Array.isArray(portals) ? portals : [])
			.map((p) => ({ name: String(p.name ?? p.id), value: String(p.id) }))
			.filter((p) => matches(p.name, filter)),
	};
}

/** GET …/projects one page at a time (a bare array: a full page may have a successor). */
export async function searchProjects(this: ILoadOptionsFunctions, filter?: string, paginationToken?: string): Promise<INodeListSearchResult> {
	const settings = await currentSettings.call(this);
	const page = paginationToken ? Number(paginationToken) : 1;
	const rows = (await projectsRequest.call(this, settings, { method: 'GET', path: '/projects', qs: { page, per_page: PAGE } })) as IDataObject[];
	const list = Array.isArray(rows) ? rows : [];
	return {
		results: list.map((p) => ({ name: String(p.name), value: String(p.id) })).filter((p) => matches(p.name, filter)),
		paginationToken: list.length === PAGE ? String(page + 1) : undefined,
	};
}
