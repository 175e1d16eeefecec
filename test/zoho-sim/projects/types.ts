/**
 * Records the Projects simulator keeps. They are storage shapes, not wire shapes: `views.ts` turns
 * them into V3 JSON, so a change in what Zoho returns never touches the stored state.
 */
import type { SimResponse } from '../kit';

export type Role = 'admin' | 'member';
export type Priority = 'none' | 'low' | 'medium' | 'high';
export const PRIORITIES: readonly Priority[] = ['none', 'low', 'medium', 'high'];

export interface PortalUser {
	zpuid: string;
	zuid: string;
	first_name: string;
	last_name: string;
	name: string;
	email: string;
	role: Role;
	active: boolean;
	created_time: string;
}

export interface TaskStatus {
	id: string;
	name: string;
	color_hexcode: string;
	is_closed_type: boolean;
	/** The status a task gets when a create names none. */
	is_default: boolean;
}

export interface ProjectRec {
	id: string;
	/** Task keys are `<key>-T<n>`. */
	key: string;
	name: string;
	description: string;
	/** Calendar dates `YYYY-MM-DD`, or '' when unset. */
	start_date: string;
	end_date: string;
	is_strict_project: boolean;
	clientId: string;
	ownerZpuid: string;
	/** zpuids of the project users (only they may own tasks). */
	members: string[];
	created_time: string;
	modified_time: string;
	/** Last task number used for keys. */
	taskCounter: number;
}

export interface TasklistRec {
	id: string;
	projectId: string;
	name: string;
	created_time: string;
	last_modified_time: string;
}

export interface TaskRec {
	id: string;
	projectId: string;
	number: number;
	name: string;
	description: string;
	statusId: string;
	priority: Priority;
	/** Calendar dates `YYYY-MM-DD`, or '' when unset. */
	start_date: string;
	end_date: string;
	completion_percentage: number;
	ownerZpuids: string[];
	tasklistId: string;
	/** '' for a top-level task. */
	parentId: string;
	/** Custom field values by API name. */
	custom: Record<string, string>;
	created_time: string;
	last_modified_time: string;
	createdBy: string;
	updatedBy: string;
	/** Creation order; ties in sorting fall back to it so paging is stable on a frozen clock. */
	seq: number;
	/** In the trash: invisible to every route. */
	deleted: boolean;
}

export interface CommentRec {
	id: string;
	taskId: string;
	comment: string;
	created_time: string;
	updated_time: string;
	createdBy: string;
	seq: number;
}

export interface ClientRec {
	id: string;
	name: string;
	email: string;
	phone: string;
	website: string;
	address: string;
	city: string;
	state: string;
	country: string;
	zip_code: string;
	currency_code: string;
	created_time: string;
	last_modified_time: string;
}

export interface ContactRec {
	id: string;
	first_name: string;
	last_name: string;
	email: string;
	clientId: string;
	created_time: string;
}

export interface CustomField {
	id: string;
	api_name: string;
	label: string;
	type: 'singleline';
}

export type WebhookEvent = 'task.create' | 'task.update' | 'task.delete' | 'comment.add';

export interface WebhookSpec {
	url: string;
	events: WebhookEvent[];
	format?: 'json' | 'form';
	/**
	 * Zoho's webhook form offers POST (default) or GET [P16]. GET sends no body: every parameter
	 * (entity fields and the secret) is appended to the URL's query, and `format` does not apply.
	 */
	method?: 'POST' | 'GET';
	/** The "custom parameter" a receiver checks, e.g. `{secretName:'zts_secret', secretValue:'…'}`. */
	secretName?: string;
	secretValue?: string;
	/** Only changes in these projects (default: all). */
	projectIds?: string[];
}

export interface Webhook extends Required<Omit<WebhookSpec, 'projectIds'>> {
	id: string;
	projectIds: string[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: SimResponse };
