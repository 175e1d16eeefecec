/**
 * `npm run sim [-- --port 8090] [--no-seed] [--live-clock]`: the simulator on 127.0.0.1 with the
 * seed data, printing the values for a "Custom" Zoho Task Sync credential.
 */
import { CONSOLE_PATH, registerConsole } from './console';
import { OAUTH_CLIENT } from './seed-data';
import { ZohoSim } from './server';

async function main(): Promise<void> {
	const args = process.argv.slice(2);
	const portArg = args.indexOf('--port');
	const port = portArg >= 0 ? Number(args[portArg + 1]) : Number(process.env.ZOHO_SIM_PORT ?? 8090);
	const sim = new ZohoSim({ seed: !args.includes('--no-seed') });
	// A person watching the demo expects time to pass; tests freeze it.
	if (args.includes('--live-clock')) sim.clock.freeze(false);
	registerConsole(sim);
	const url = await sim.start(port);
	const tokens = sim.accounts.issue(OAUTH_CLIENT.clientId);
	console.log(`Zoho simulator listening on ${url}`);
	console.log('');
	console.log('Zoho Task Sync credential (Data Center: Custom):');
	console.log(`  Accounts URL:      ${url}`);
	console.log(`  CRM API URL:       ${url}`);
	console.log(`  Projects API URL:  ${url}`);
	console.log(`  Client ID:         ${OAUTH_CLIENT.clientId}`);
	console.log(`  Client Secret:     ${OAUTH_CLIENT.clientSecret}`);
	console.log('  (the authorize page consents automatically; or use these tokens directly)');
	console.log(`  access_token:      ${tokens.access_token}`);
	console.log(`  refresh_token:     ${tokens.refresh_token}`);
	console.log('');
	console.log(`Control API: ${url}/_sim/health, /_sim/log, /_sim/state, /_sim/clock, /_sim/faults`);
	console.log(`Console:     ${url}${CONSOLE_PATH}`);
	const stop = () => void sim.stop().then(() => process.exit(0));
	process.on('SIGINT', stop);
	process.on('SIGTERM', stop);
}

void main();
