import type { INodeProperties } from 'n8n-workflow';

import * as getAll from './getAll.operation';

export { getAll };

export const operations: INodeProperties = {
	displayName: 'Operation',
	name: 'operation',
	type: 'options',
	noDataExpression: true,
	displayOptions: { show: { resource: ['status'] } },
	options: [{ name: 'Get Many', value: 'getAll', description: 'Get many task statuses of a project', action: 'Get many statuses' }],
	default: 'getAll',
};

export const description: INodeProperties[] = [...getAll.description];
