import type { IExecuteFunctions } from 'n8n-workflow';

import { deleteChannels } from '../../../shared/crm/watch';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { selectedChannels, selectFields } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['notificationChannel'], operation: ['delete'] } }, selectFields);

// https://www.zoho.com/crm/developer/docs/api/v8/disable-notification.html — DELETE /actions/watch?channel_ids=
export async function execute(this: IExecuteFunctions, i: number) {
	const channels = await selectedChannels.call(this, i);
	if (channels.length) await deleteChannels.call(this, channels.map((c) => c.channelId));
	return channels.map((c) => ({ channelId: c.channelId, deleted: true }));
}
