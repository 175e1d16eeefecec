import type { IExecuteFunctions } from 'n8n-workflow';

import { getRecord } from '../../../shared/crm/records';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { dealLocator, recordId } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['deal'], operation: ['get'] } }, [dealLocator('The deal to get')]);

// https://www.zoho.com/crm/developer/docs/api/v8/get-records.html — GET /Deals/{id}
export async function execute(this: IExecuteFunctions, i: number) {
	return await getRecord.call(this, 'Deals', recordId.call(this, 'dealId', i, 'Deal'));
}
