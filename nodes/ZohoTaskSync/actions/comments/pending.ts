/**
 * A Projects comment whose mirror failed is recorded on its CRM task, so the scheduled Reconcile —
 * another workflow, which cannot see this one's static data — finds it without reading every task's
 * comments: the write is one cheap CRM call, and it changes the task's modified time, so the task is
 * in Reconcile's "changed since the cursor" listing anyway. The ids ride in the sync state JSON under
 * their own key, which the engine's state writes carry along until Reconcile has written the mirrors
 * and clears them (a mirror that exists is never written twice).
 */
import type { IDataObject } from 'n8n-workflow';

import type { Gateway } from '../../gateway';
import type { SyncSettings } from '../../settings';

const KEY = 'pendingComments';
const MAX_PENDING = 20;

function stateObject(raw: unknown): IDataObject | null {
	if (raw === null || raw === undefined || raw === '') return {};
	try {
		const parsed = JSON.parse(String(raw)) as unknown;
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as IDataObject) : null;
	} catch {
		// Hand-edited into something else: leave it alone rather than overwrite it.
		return null;
	}
}

/** The Projects comment ids recorded as pending on this CRM task record. */
export function pendingComments(record: IDataObject, settings: SyncSettings): string[] {
	const list = stateObject(record[settings.fields.state])?.[KEY];
	return Array.isArray(list) ? list.map(String).filter((id) => /^\d+$/.test(id)) : [];
}

/** Best effort: the caller is already failing, and rethrows its own error whatever happens here. */
export async function recordPendingComment(gw: Gateway, settings: SyncSettings, record: IDataObject, commentId: string): Promise<boolean> {
	const state = stateObject(record[settings.fields.state]);
	if (!state || !/^\d+$/.test(commentId)) return false;
	const list = [...new Set([...pendingComments(record, settings), commentId])].slice(-MAX_PENDING);
	await gw.writeCrm('Tasks', 'PUT', { id: String(record.id), [settings.fields.state]: JSON.stringify({ ...state, [KEY]: list }) });
	return true;
}

/** After Reconcile has written the pending mirrors: the key goes, so later changes of the task do not read its comments again. */
export async function clearPendingComments(gw: Gateway, settings: SyncSettings, record: IDataObject): Promise<void> {
	const state = stateObject(record[settings.fields.state]);
	if (!state || !(KEY in state)) return;
	const rest = Object.fromEntries(Object.entries(state).filter(([key]) => key !== KEY));
	await gw.writeCrm('Tasks', 'PUT', { id: String(record.id), [settings.fields.state]: JSON.stringify(rest) });
}
