/**
 * One report per refused write, even when Zoho delivers an event twice and n8n runs both executions
 * at once. CRM has no conditional update, so each execution that reports refusals writes its own
 * claim into the sync state, waits for a concurrent twin's write to land, and reads the state back:
 * only the execution whose claim survived (the last writer) reports. The same wait serves comment
 * mirrors (`settle`, ./actions/comments/twins.ts).
 */
import { randomBytes } from 'node:crypto';
import type { IDataObject } from 'n8n-workflow';

import { clockSeam } from '../shared/clock';
import { parseState } from '../shared/sync/state';
import type { Gateway } from './gateway';

/**
 * Longer than the gap between two executions of one event writing the same pair (a few calls apart),
 * and longer than Zoho's one-second time resolution (comment mirrors are ordered by created time:
 * ./actions/comments/twins.ts).
 */
export const CLAIM_SETTLE_MS = 1500;

const seam = clockSeam();
/** Tests replace the wait; real runs sleep through n8n-workflow. */
export const setClaimClock = seam.set;

export const newClaim = (): string => randomBytes(9).toString('base64url');

/** Whether this execution's claim is the one the CRM task holds once concurrent writes have landed. */
export async function claimHolds(gw: Gateway, crmTaskId: string, stateField: string, claim: string): Promise<boolean> {
	await seam.get().sleep(CLAIM_SETTLE_MS);
	const record: IDataObject | null = await gw.crmTask(crmTaskId);
	return parseState(record?.[stateField])?.r === claim;
}

/** The same wait, for a check that is not a state claim (a comment mirror's twin: ./actions/comments/twins.ts). */
export async function settle(): Promise<void> {
	await seam.get().sleep(CLAIM_SETTLE_MS);
}
