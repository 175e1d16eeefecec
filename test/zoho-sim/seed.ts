import { API_USER, OAUTH_CLIENT } from './seed-data';
import type { ZohoSim } from './server';

/** Load the shared seed data set (seed-data.ts) into every product. */
export function applySeed(sim: ZohoSim): void {
	if (!sim.accounts.clients.some((c) => c.clientId === OAUTH_CLIENT.clientId)) {
		sim.accounts.addClient({ ...OAUTH_CLIENT, userId: API_USER.crmId });
	}
	sim.crm.seed();
	sim.projects.seed();
}
