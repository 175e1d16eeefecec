// @ts-check
/**
 * The shapes the page reads: `/_sim/console/model` (built by ../model.ts; keep the two in step) and
 * `/_sim/inbox` (the SMTP sink's messages). JSDoc only, so `tsc --checkJs` can check the page.
 *
 * @typedef {{ id: string, name: string, email: string }} Person
 * @typedef {{ id: string, subject: string, due: string, status: string, priority: string, owner?: Person,
 *   modified: string, modifiedBy?: Person, related?: string, link: string }} CrmTask
 * @typedef {{ id: string, key: string, name: string, start: string, end: string, statusId: string, status: string,
 *   closed: boolean, priority: string, owners: Person[], modified: string, modifiedBy?: Person, projectId: string,
 *   parentName?: string, crmTaskId: string }} ProjectsTask
 * @typedef {{ state: 'linked' | 'unlinked' | 'broken', note?: string, crm?: CrmTask, projects?: ProjectsTask }} Row
 * @typedef {{ id: string, name: string, strict: boolean, start: string, end: string, members: string[] }} Project
 * @typedef {{ time: string, product: string, method: string, path: string, status: number }} Activity
 * @typedef {{
 *   now: string,
 *   links: { label: string, url: string }[],
 *   crm: { users: Person[], apiUserId: string, statuses: string[], priorities: string[] },
 *   projects: { users: Person[], apiUserId: string, statuses: { id: string, name: string, closed: boolean }[], priorities: string[], projects: Project[] },
 *   rows: Row[],
 *   activity: Activity[],
 * }} ConsoleModel
 * @typedef {{ id: number, from: string, to: string[], subject: string, text: string, html?: string, date: string }} InboxMessage
 */
export {};
