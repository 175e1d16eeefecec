/**
 * Issue 12 item 11: every Zoho call has a timeout (the credential's Request Timeout). A read Zoho does
 * not answer is tried again; a write is reported and never sent twice (Zoho may have applied it). The
 * error names the wait and holds no token.
 */
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { Harness } from '../harness/engine';
import { simCredential } from '../harness/sim';
import { PROJECTS, TASKS } from '../zoho-sim/seed-data';
import type { ZohoSim } from '../zoho-sim/server';
import { rl, runProjects, startProjectsSim, stopProjectsSim } from '../projects-node/helpers';

const task = { projectId: rl(PROJECTS.migration.id), taskId: TASKS.plan.zpId };

describe('Zoho calls time out', () => {
	let sim: ZohoSim;
	let harness: Harness;
	let token: string;
	beforeAll(async () => (sim = await startProjectsSim()));
	afterAll(async () => await stopProjectsSim(sim));
	beforeEach(() => {
		const credential: ICredentialDataDecryptedObject = { ...simCredential(sim), requestTimeout: 1 };
		token = (credential.oauthTokenData as { access_token: string }).access_token;
		harness = new Harness({ zohoTaskSyncOAuth2Api: credential });
		sim.log.clear();
	});
	afterEach(() => sim.faults.clear());

	it('a read Zoho does not answer is tried again and succeeds', async () => {
		sim.faults.add({ product: 'projects', method: 'GET', path: `/tasks/${TASKS.plan.zpId}$`, hang: true, times: 1 });
		const { result, json } = await runProjects(harness, { resource: 'task', operation: 'get', ...task });
		expect(result.error).toBeUndefined();
		expect(json[0].id).toBe(TASKS.plan.zpId);
		expect(sim.log.count({ product: 'projects', method: 'GET', path: new RegExp(`/tasks/${TASKS.plan.zpId}$`) })).toBe(2);
	});

	it('a write Zoho does not answer is reported once, never sent again, and the error holds no token', async () => {
		sim.faults.add({ product: 'projects', method: 'PATCH', hang: true, times: 1 });
		const { result } = await runProjects(harness, { resource: 'task', operation: 'update', ...task, updateFields: { priority: 'high' } });
		expect(result.error?.message).toMatch(/^Zoho did not answer within 1 s/);
		expect(sim.log.count({ product: 'projects', method: 'PATCH' })).toBe(1);
		expect(JSON.stringify(result.run)).not.toContain(token);
	});
});
