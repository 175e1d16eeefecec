import type { IExecuteFunctions } from 'n8n-workflow';

import { crmList } from '../../../shared/crm/paging';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { readLimit, returnAllOrLimit } from '../common';
import { userTypeField } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getAll'] } }, [userTypeField, ...returnAllOrLimit]);

// https://www.zoho.com/crm/developer/docs/api/v8/get-users.html — GET /users?type=ActiveUsers
export async function execute(this: IExecuteFunctions, i: number) {
	return await crmList.call(this, {
		path: '/users',
		qs: { type: this.getNodeParameter('userType', i) as string },
		key: 'users',
		limit: readLimit.call(this, i),
		what: 'list users',
	});
}
