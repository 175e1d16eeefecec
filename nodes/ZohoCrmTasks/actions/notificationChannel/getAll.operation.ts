import type { IExecuteFunctions } from 'n8n-workflow';

import { listChannels } from '../../../shared/crm/watch';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { readLimit, returnAllOrLimit } from '../common';
import { channelJson } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['notificationChannel'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
]);

// https://www.zoho.com/crm/developer/docs/api/v8/get-notification-details.html — GET /actions/watch
export async function execute(this: IExecuteFunctions, i: number) {
	const channels = await listChannels.call(this, {}, readLimit.call(this, i));
	return channels.map(channelJson);
}
