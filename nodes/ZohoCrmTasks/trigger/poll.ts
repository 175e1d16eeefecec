/**
 * The trigger's poll: in Polling mode it emits task changes, deletions and notes once each; in
 * Instant mode it is the heartbeat that keeps the notification channel alive (and polls notes,
 * which the Notifications API cannot watch).
 */
import type { IDataObject, INodeExecutionData, IPollFunctions } from 'n8n-workflow';

import { fieldsParam } from '../../shared/crm/fields';
import { crmList } from '../../shared/crm/paging';
import { type ChannelState, channelIdFor, refreshChannel, refreshDue } from './channel';
import { type Cursor, deletedTime, modifiedTime, readChanges, type Stream } from './cursor';

export interface TriggerState extends ChannelState {
	tasksCursor?: Cursor;
	deletedCursor?: Cursor;
	notesCursor?: Cursor;
}

const isTaskNote = (note: IDataObject) => {
	const parent = (note.Parent_Id ?? {}) as IDataObject;
	const module = parent.module as IDataObject | string | undefined;
	return (typeof module === 'string' ? module : module?.api_name) === 'Tasks' || note.$se_module === 'Tasks';
};

const operationOf = (record: IDataObject) =>
	record.Created_Time && record.Created_Time === record.Modified_Time ? 'insert' : 'update';

export function taskItem(record: IDataObject): IDataObject {
	return { operation: operationOf(record), module: 'Tasks', id: record.id, modifiedTime: record.Modified_Time, record };
}

function noteItem(note: IDataObject): IDataObject {
	const parent = (note.Parent_Id ?? {}) as IDataObject;
	return { operation: operationOf(note), module: 'Notes', id: note.id, parentModule: 'Tasks', parentId: parent.id, modifiedTime: note.Modified_Time, record: note };
}

function deletedItem(entry: IDataObject): IDataObject {
	return { operation: 'delete', module: 'Tasks', id: entry.id, deletedTime: entry.deleted_time, record: entry };
}

/** The three change streams; field lists are read only for the streams used. */
function streams(this: IPollFunctions, fields: string[]) {
	const tasks = async (): Promise<Stream> => ({
		path: '/Tasks',
		qs: { fields: await fieldsParam.call(this, 'Tasks', fields, ['Modified_Time', 'Created_Time']), sort_by: 'Modified_Time', sort_order: 'asc' },
		newestFirst: { sort_order: 'desc' },
		timeOf: modifiedTime,
		what: 'list changed tasks',
	});
	const deleted: Stream = { path: '/Tasks/deleted', qs: { type: 'all' }, timeOf: deletedTime, what: 'list deleted tasks' };
	const notes = async (): Promise<Stream> => ({
		path: '/Notes',
		qs: { fields: await fieldsParam.call(this, 'Notes', [], ['Modified_Time', 'Created_Time', 'Parent_Id']), sort_by: 'Modified_Time', sort_order: 'asc' },
		newestFirst: { sort_order: 'desc' },
		timeOf: modifiedTime,
		keep: isTaskNote,
		what: 'list changed notes',
	});
	return { tasks, deleted, notes };
}

/** "Fetch Test Event": the newest task (or note) as a sample; no cursor moves. */
async function sample(this: IPollFunctions, events: string[], fields: string[]): Promise<IDataObject[]> {
	const s = streams.call(this, fields);
	if (events.some((e) => e !== 'notes')) {
		const tasks = await s.tasks();
		const [task] = await crmList.call(this, { path: tasks.path, qs: { ...tasks.qs, ...tasks.newestFirst }, limit: 1, what: 'read the newest task' });
		if (task) return [taskItem(task)];
	}
	if (events.includes('notes')) {
		const notes = await s.notes();
		const [note] = await crmList.call(this, { path: notes.path, qs: { ...notes.qs, ...notes.newestFirst }, keep: notes.keep, limit: 1, what: 'read the newest note' });
		if (note) return [noteItem(note)];
	}
	return [];
}

export async function pollTrigger(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
	const mode = this.getNodeParameter('mode', 'instant') as string;
	const events = this.getNodeParameter('events', []) as string[];
	const { fields = [] } = this.getNodeParameter('options', {}) as { fields?: string[] };
	const state = this.getWorkflowStaticData('node') as TriggerState;
	const manual = this.getMode() === 'manual';
	const out: IDataObject[] = [];

	if (mode === 'polling' && manual) {
		const items = await sample.call(this, events, fields);
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
	if (mode !== 'polling') {
		// Instant mode: the heartbeat. It never runs for "Listen for Test Event" (n8n waits for the webhook).
		if (manual) return null;
		if (refreshDue(state)) await refreshChannel.call(this, state, channelIdFor(this.getNode(), this.getWorkflow()));
	}
	const s = streams.call(this, fields);
	if (mode === 'polling' && (events.includes('create') || events.includes('edit'))) {
		const { fresh, next } = await readChanges.call(this, await s.tasks(), state.tasksCursor);
		state.tasksCursor = next;
		const wanted = new Set([events.includes('create') ? 'insert' : '', events.includes('edit') ? 'update' : '']);
		out.push(...fresh.map(taskItem).filter((item) => wanted.has(String(item.operation))));
	}
	if (mode === 'polling' && events.includes('delete')) {
		const { fresh, next } = await readChanges.call(this, s.deleted, state.deletedCursor);
		state.deletedCursor = next;
		out.push(...fresh.map(deletedItem));
	}
	if (events.includes('notes')) {
		const { fresh, next } = await readChanges.call(this, await s.notes(), state.notesCursor);
		state.notesCursor = next;
		out.push(...fresh.map(noteItem));
	}
	return out.length ? [this.helpers.returnJsonArray(out)] : null;
}
