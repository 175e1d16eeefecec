/** All Projects state, plus the look-ups every route needs. Plain maps: `snapshot()` copies them. */
import type { ActivityRec } from './activities';
import type {
	ClientRec,
	CommentRec,
	ContactRec,
	CustomField,
	PortalUser,
	ProjectRec,
	TaskRec,
	TaskStatus,
	TasklistRec,
} from './types';

export class Store {
	users = new Map<string, PortalUser>();
	statuses = new Map<string, TaskStatus>();
	projects = new Map<string, ProjectRec>();
	tasklists = new Map<string, TasklistRec>();
	tasks = new Map<string, TaskRec>();
	comments = new Map<string, CommentRec>();
	clients = new Map<string, ClientRec>();
	contacts = new Map<string, ContactRec>();
	customFields = new Map<string, CustomField>();
	/** Task activity history (activities.ts), kept for trashed tasks too. */
	activities = new Map<string, ActivityRec>();
	private seqCounter = 0;

	nextSeq(): number {
		return ++this.seqCounter;
	}

	clear(): void {
		for (const map of [this.users, this.statuses, this.projects, this.tasklists, this.tasks, this.comments, this.clients, this.contacts, this.customFields, this.activities]) {
			map.clear();
		}
		this.seqCounter = 0;
	}

	userByEmail(email: string): PortalUser | undefined {
		const wanted = email.trim().toLowerCase();
		return [...this.users.values()].find((u) => u.email.toLowerCase() === wanted);
	}

	contactByEmail(email: string): ContactRec | undefined {
		const wanted = email.trim().toLowerCase();
		return [...this.contacts.values()].find((c) => c.email.toLowerCase() === wanted);
	}

	defaultStatus(): TaskStatus {
		const all = [...this.statuses.values()];
		const found = all.find((s) => s.is_default) ?? all.find((s) => !s.is_closed_type);
		if (!found) throw new Error('no open task status is configured');
		return found;
	}

	statusOf(task: TaskRec): TaskStatus {
		return this.statuses.get(task.statusId) ?? this.defaultStatus();
	}

	isClosed(task: TaskRec): boolean {
		return this.statusOf(task).is_closed_type;
	}

	/** The tasklist a task lands in when the create names none (Zoho files it under "General"). */
	generalTasklist(projectId: string): TasklistRec | undefined {
		const lists = this.tasklistsOf(projectId);
		return lists.find((l) => l.name === 'General') ?? lists[0];
	}

	tasklistsOf(projectId: string): TasklistRec[] {
		return [...this.tasklists.values()].filter((l) => l.projectId === projectId);
	}

	liveTask(id: string): TaskRec | undefined {
		const task = this.tasks.get(id);
		return task && !task.deleted ? task : undefined;
	}

	liveTasks(projectId: string): TaskRec[] {
		return [...this.tasks.values()].filter((t) => t.projectId === projectId && !t.deleted);
	}

	children(taskId: string): TaskRec[] {
		return [...this.tasks.values()].filter((t) => t.parentId === taskId && !t.deleted);
	}

	/** The top-level ancestor (`parental_info.root_task_id`). */
	rootOf(task: TaskRec): TaskRec {
		let current = task;
		for (let parent = this.tasks.get(current.parentId); parent; parent = this.tasks.get(current.parentId)) current = parent;
		return current;
	}

	depthOf(task: TaskRec): number {
		let depth = 0;
		for (let parent = this.tasks.get(task.parentId); parent; parent = this.tasks.get(parent.parentId)) depth++;
		return depth;
	}

	customFieldByApiName(apiName: string): CustomField | undefined {
		return [...this.customFields.values()].find((f) => f.api_name === apiName);
	}

	commentsOf(taskId: string): CommentRec[] {
		return [...this.comments.values()].filter((c) => c.taskId === taskId).sort((a, b) => a.seq - b.seq);
	}
}
