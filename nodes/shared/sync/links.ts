/**
 * Where the link lives (DESIGN §4): the CRM task names its Projects counterpart as
 * `portal:project:task`, the Projects task holds the CRM task id, a Deal names its project as
 * `portal:project`, and a mapped Account holds its client company id.
 */

export interface TaskLink {
	portalId: string;
	projectId: string;
	taskId: string;
}

export function parseTaskLink(value: unknown): TaskLink | null {
	if (typeof value !== 'string') return null;
	const parts = value.trim().split(':');
	// Only numeric ids: a link is read back into Zoho URLs.
	if (parts.length !== 3 || parts.some((p) => !/^\d{1,25}$/.test(p))) return null;
	return { portalId: parts[0], projectId: parts[1], taskId: parts[2] };
}

export const formatTaskLink = (link: TaskLink): string => `${link.portalId}:${link.projectId}:${link.taskId}`;

export interface ProjectLink {
	portalId: string;
	projectId: string;
}

export function parseProjectLink(value: unknown): ProjectLink | null {
	if (typeof value !== 'string') return null;
	const parts = value.trim().split(':');
	if (parts.length !== 2 || parts.some((p) => !/^\w+$/.test(p))) return null;
	return { portalId: parts[0], projectId: parts[1] };
}

export const formatProjectLink = (link: ProjectLink): string => `${link.portalId}:${link.projectId}`;

/** The marker a mirrored comment carries, so it is recognised and never mirrored back. */
export const MIRROR_MARKER = /\[zts:(crm|projects):(\w+)\]/;

export function mirrorTag(side: 'crm' | 'projects', sourceId: string): string {
	return `[zts:${side}:${sourceId}]`;
}
