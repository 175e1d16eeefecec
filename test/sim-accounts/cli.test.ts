import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

import { OAUTH_CLIENT, TASKS } from '../zoho-sim/seed-data';

/** `npm run sim`: the standalone simulator prints working credential values and serves the seed. */
describe('npm run sim', () => {
	let child: ChildProcess | undefined;
	afterEach(() => {
		child?.kill('SIGTERM');
	});

	/** Everything the CLI prints until the console line, its last. */
	function startCli(): Promise<string> {
		const root = join(__dirname, '..', '..');
		child = spawn(process.execPath, [join(root, 'node_modules', 'ts-node', 'dist', 'bin.js'), '--transpile-only', 'test/zoho-sim/cli.ts', '--port', '0'], {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		return new Promise((resolve, reject) => {
			let out = '';
			child!.stdout!.on('data', (chunk: Buffer) => {
				out += chunk.toString();
				if (/Console:\s+\S+/.test(out)) resolve(out);
			});
			child!.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
			child!.on('exit', (code) => reject(new Error(`sim exited with ${code}: ${out}`)));
		});
	}

	it('prints the URLs, the OAuth client and a token that work against the seeded simulator', async () => {
		const out = await startCli();
		const url = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1];
		expect(url).toBeDefined();
		for (const label of ['Accounts URL', 'CRM API URL', 'Projects API URL']) expect(out).toMatch(new RegExp(`${label}:\\s+${url}`));
		expect(out).toContain(OAUTH_CLIENT.clientId);
		expect(out).toContain(OAUTH_CLIENT.clientSecret);
		const token = /access_token:\s+(\S+)/.exec(out)?.[1];
		const res = await fetch(`${url}/crm/v8/Tasks/${TASKS.plan.crmId}`, { headers: { Authorization: `Zoho-oauthtoken ${token}` } });
		expect(res.status).toBe(200);
		const refresh = /refresh_token:\s+(\S+)/.exec(out)?.[1];
		const grant = await fetch(`${url}/oauth/v2/token`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: new URLSearchParams({ grant_type: 'refresh_token', refresh_token: String(refresh), client_id: OAUTH_CLIENT.clientId, client_secret: OAUTH_CLIENT.clientSecret }).toString(),
		});
		expect(await grant.json()).toMatchObject({ access_token: expect.any(String), api_domain: url });
	}, 60_000);
});
