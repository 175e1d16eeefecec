import type { IExecuteFunctions } from 'n8n-workflow';

import { CHANNEL_LIFETIME_MS, renewChannel } from '../../../shared/crm/watch';
import { updateDisplayOptions } from '../../../shared/descriptions';
import { channelJson, selectedChannels, selectFields } from './shared';

export const description = updateDisplayOptions({ show: { resource: ['notificationChannel'], operation: ['renew'] } }, selectFields);

/**
 * Push a channel's expiry a week ahead. The trigger renews its own channel; this is the extra,
 * explicit path for a scheduled workflow. https://www.zoho.com/crm/developer/docs/api/v8/update-notification.html
 */
export async function execute(this: IExecuteFunctions, i: number) {
	const out = [];
	for (const channel of await selectedChannels.call(this, i)) {
		const expiresAt = await renewChannel.call(this, {
			channelId: channel.channelId,
			events: channel.events,
			notifyUrl: channel.notifyUrl,
			expiresAt: Date.now() + CHANNEL_LIFETIME_MS,
		});
		out.push({
			...channelJson({ ...channel, expiresAt }),
			previousExpiresAt: channel.expiresAt === undefined ? undefined : new Date(channel.expiresAt).toISOString(),
		});
	}
	return out;
}
