import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { getRecord } from '../../../shared/crm/records';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { accountLocator, recordId } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['account'], operation: ['get'] } }, [
	accountLocator('The account to get'),
] as INodeProperties[]);

// https://www.zoho.com/crm/developer/docs/api/v8/get-records.html — GET /Accounts/{id}
export async function execute(this: IExecuteFunctions, i: number) {
	return await getRecord.call(this, 'Accounts', recordId.call(this, 'accountId', i, 'Account'));
}
