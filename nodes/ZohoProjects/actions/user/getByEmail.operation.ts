import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../../shared/descriptions';
import { portalUsers } from '../../../shared/projects';
import { settingsOf } from '../common';

export const description = updateDisplayOptions({ show: { resource: ['user'], operation: ['getByEmail'] } }, [
	{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '', required: true },
]);

/** The portal user list is read once per execution and searched for every item (no per-item call). */
export async function execute(this: IExecuteFunctions, i: number): Promise<IDataObject> {
	const settings = await settingsOf.call(this, i);
	const email = String(this.getNodeParameter('email', i)).trim();
	const wanted = email.toLowerCase();
	const user = (await portalUsers.call(this, settings)).find((u) => String(u.email ?? '').toLowerCase() === wanted);
	if (!user) throw new NodeOperationError(this.getNode(), `Email: no user of portal ${settings.portalId} has the e-mail "${email}"`, { itemIndex: i });
	return user;
}
