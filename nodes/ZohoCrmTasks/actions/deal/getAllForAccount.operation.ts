import type { IExecuteFunctions } from 'n8n-workflow';

import { fieldsParam } from '../../../shared/crm/fields';
import { crmList } from '../../../shared/crm/paging';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { accountLocator, readLimit, recordId, returnAllOrLimit } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['getAllForAccount'] } }, [
	accountLocator('The account whose deals to get'),
	...returnAllOrLimit,
]);

// https://www.zoho.com/crm/developer/docs/api/v8/get-related-records.html — GET /Accounts/{id}/Deals
export async function execute(this: IExecuteFunctions, i: number) {
	const accountId = recordId.call(this, 'accountId', i, 'Account');
	return await crmList.call(this, {
		path: `/Accounts/${accountId}/Deals`,
		qs: { fields: await fieldsParam.call(this, 'Deals') },
		limit: readLimit.call(this, i),
		what: `list the deals of account ${accountId}`,
	});
}
