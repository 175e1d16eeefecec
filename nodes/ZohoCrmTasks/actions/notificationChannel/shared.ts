import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { findChannel, listChannels, type ChannelInfo } from '../../../shared/crm/watch';

export const selectFields: INodeProperties[] = [
	{
		displayName: 'Select By',
		name: 'selectBy',
		type: 'options',
		default: 'channelId',
		options: [
			{ name: 'Channel ID', value: 'channelId' },
			{ name: 'Notify URL', value: 'notifyUrl', description: 'Every channel whose notify URL contains the given text' },
		],
	},
	{
		displayName: 'Channel ID',
		name: 'channelId',
		type: 'string',
		required: true,
		default: '',
		description: 'The channel ID; the Zoho CRM Tasks Trigger puts it in every item it emits',
		displayOptions: { show: { selectBy: ['channelId'] } },
	},
	{
		displayName: 'Notify URL Contains',
		name: 'notifyUrl',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'https://n8n.example.com/webhook/',
		displayOptions: { show: { selectBy: ['notifyUrl'] } },
	},
];

/** The channels an item selects; an unknown channel id is an error naming it. */
export async function selectedChannels(this: IExecuteFunctions, i: number): Promise<ChannelInfo[]> {
	if (this.getNodeParameter('selectBy', i) === 'notifyUrl') {
		const part = String(this.getNodeParameter('notifyUrl', i) ?? '').trim();
		if (!part) throw new NodeOperationError(this.getNode(), 'Notify URL Contains is empty', { itemIndex: i });
		return (await listChannels.call(this)).filter((c) => c.notifyUrl?.includes(part));
	}
	const id = String(this.getNodeParameter('channelId', i) ?? '').trim();
	const channel = id ? await findChannel.call(this, id) : undefined;
	if (!channel) {
		throw new NodeOperationError(this.getNode(), `Zoho CRM has no notification channel ${JSON.stringify(id)}`, {
			itemIndex: i,
			description: 'It expired or was deleted. Deactivate and activate the workflow of its trigger to subscribe again.',
		});
	}
	return [channel];
}

export const channelJson = (c: ChannelInfo) => ({
	channelId: c.channelId,
	events: c.events,
	notifyUrl: c.notifyUrl,
	expiresAt: c.expiresAt === undefined ? undefined : new Date(c.expiresAt).toISOString(),
});
