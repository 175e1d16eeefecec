/**
 * The webhook trigger's request handling: the shared-secret check and the normalisation of Zoho's
 * user-defined payloads. Zoho sends "entity parameters" either as `name=value` form fields or as a
 * user-written JSON body, and merge-field values are text; both become the same flat item of strings.
 */
import { timingSafeEqual } from 'node:crypto';

import type { IDataObject } from 'n8n-workflow';

/** Constant-time comparison, so the secret cannot be guessed from response times. */
export function sameSecret(given: unknown, expected: string): boolean {
	if (typeof given !== 'string' || !expected) return false;
	const a = Buffer.from(given, 'utf8');
	const b = Buffer.from(expected, 'utf8');
	return a.length === b.length && timingSafeEqual(a, b);
}

/** A request body as fields: an object as it is, JSON or form text parsed. */
export function bodyFields(body: unknown): IDataObject {
	if (typeof body === 'object' && body !== null && !Array.isArray(body)) return body as IDataObject;
	if (typeof body !== 'string' || !body.trim()) return {};
	const text = body.trim();
	if (text.startsWith('{')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch {
			// Not JSON after all: read it as form fields below.
		}
	}
	return Object.fromEntries(new URLSearchParams(text));
}

/** The payload without the secret, every scalar as text (as a form post would carry it). */
export function normalisePayload(fields: IDataObject, secretName: string): IDataObject {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(fields)) {
		if (key === secretName) continue;
		out[key] = value === null || value === undefined ? '' : typeof value === 'object' ? value : String(value);
	}
	return out;
}
