/** The node's UI (resource, operations, fields) and the map the shared router dispatches on. */
import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared/router';
import * as clientCompany from './clientCompany';
import * as clientUser from './clientUser';
import * as comment from './comment';
import { budgetProperty, portalLocator, projectLocator } from './common';
import * as project from './project';
import * as status from './status';
import * as subtask from './subtask';
import * as task from './task';
import * as tasklist from './tasklist';
import * as user from './user';

export const resources: ResourceMap = {
	task: {
		create: task.create,
		get: task.get,
		getAll: task.getAll,
		update: task.update,
		delete: task.delete,
		close: task.close,
		reopen: task.reopen,
	},
	subtask: { getAll: subtask.getAll, create: subtask.create },
	comment: { create: comment.create, getAll: comment.getAll, update: comment.update, delete: comment.delete },
	project: { get: project.get, getAll: project.getAll },
	tasklist: { getAll: tasklist.getAll, create: tasklist.create },
	status: { getAll: status.getAll },
	user: { getAll: user.getAll, getByEmail: user.getByEmail, addToPortal: user.addToPortal, addToProject: user.addToProject },
	clientCompany: { getAll: clientCompany.getAll, create: clientCompany.create },
	clientUser: { getAll: clientUser.getAll, create: clientUser.create },
};

const resource: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Client Company', value: 'clientCompany' },
		{ name: 'Client User', value: 'clientUser' },
		{ name: 'Comment', value: 'comment' },
		{ name: 'Project', value: 'project' },
		{ name: 'Status', value: 'status' },
		{ name: 'Subtask', value: 'subtask' },
		{ name: 'Task', value: 'task' },
		{ name: 'Tasklist', value: 'tasklist' },
		{ name: 'User', value: 'user' },
	],
	default: 'task',
};

const modules = [task, subtask, comment, project, tasklist, status, user, clientCompany, clientUser];

export const properties: INodeProperties[] = [
	resource,
	...modules.map((m) => m.operations),
	portalLocator,
	// Operations inside one project; project get and the user operations place their own.
	{ ...projectLocator, displayOptions: { show: { resource: ['task', 'subtask', 'comment', 'tasklist', 'status'] } } },
	...modules.flatMap((m) => m.description),
	budgetProperty,
];
