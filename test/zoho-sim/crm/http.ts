/**
 * Small helpers for CRM wire formats: top-level errors, per-record result items, timestamps and
 * the `data` wrapper of write requests.
 */
import { json, type SimRequest, type SimResponse } from '../kit';
import type { ResultItem } from './types';
import { isObject } from './types';

/** Zoho CRM's top-level error body (no `data` array). */
export const crmError = (status: number, code: string, message: string, details: Record<string, unknown> = {}): SimResponse =>
	json(status, { code, details, message, status: 'error' });

export const errorItem = (code: string, message: string, details: Record<string, unknown> = {}): ResultItem => ({
	code,
	details,
	message,
	status: 'error',
});

export const invalidData = (apiName: string, index: number, extra: Record<string, unknown> = {}): ResultItem =>
	errorItem('INVALID_DATA', 'invalid data', { api_name: apiName, json_path: `$.data[${index}].${apiName}`, ...extra });

export const mandatoryMissing = (apiName: string, index: number): ResultItem =>
	errorItem('MANDATORY_NOT_FOUND', 'required field not found', { api_name: apiName, json_path: `$.data[${index}].${apiName}` });

export const INVALID_ID_MESSAGE = 'the id given seems to be invalid';

/**
 * `details` naming a request parameter: crm-oas v8.0 common.json (ParamDetails) requires `param`;
 * `param_name` stays beside it because older Zoho material shows it and the product's error text
 * reads it (nodes/shared/crm/errors.ts).
 */
export const paramDetails = (param: string): { param_name: string; param: string } => ({ param_name: param, param });

export const missingParam = (param: string): SimResponse =>
	crmError(400, 'REQUIRED_PARAM_MISSING', `One of the expected parameter is missing`, paramDetails(param));

export const invalidParam = (param: string, message = 'invalid data'): SimResponse =>
	crmError(400, 'INVALID_DATA', message, paramDetails(param));

/**
 * Zoho prints times with the org's offset and no milliseconds; the simulator's org runs on UTC, so
 * `2026-12-01T09:00:00+00:00`.
 */
export const zohoTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

/** Parse an ISO 8601 instant (with offset) as Zoho accepts it in headers and watch bodies. */
export function parseInstant(value: string): number | undefined {
	if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(value)) return undefined;
	const ms = Date.parse(value);
	return Number.isNaN(ms) ? undefined : ms;
}

/** `If-Modified-Since` as ms; undefined when absent; a response when malformed. */
export function ifModifiedSince(req: SimRequest): number | undefined | SimResponse {
	const raw = req.headers['if-modified-since'];
	if (raw === undefined) return undefined;
	const text = Array.isArray(raw) ? raw[0] : raw;
	const ms = parseInstant(text.trim()) ?? Date.parse(text);
	if (Number.isNaN(ms)) return crmError(400, 'INVALID_DATA', 'invalid If-Modified-Since header', { header_name: 'If-Modified-Since' });
	return ms;
}

export const MAX_RECORDS_PER_CALL = 100;

/** The `data` array of a write body, or the top-level error Zoho gives for a bad wrapper. */
export function dataArray(req: SimRequest): unknown[] | SimResponse {
	const body = req.body;
	if (!isObject(body) || body.data === undefined) {
		return crmError(400, 'MANDATORY_NOT_FOUND', 'required field not found', { api_name: 'data', json_path: '$.data' });
	}
	if (!Array.isArray(body.data) || body.data.length === 0) {
		return crmError(400, 'INVALID_DATA', 'invalid data', { api_name: 'data', json_path: '$.data', expected_data_type: 'jsonarray' });
	}
	if (body.data.length > MAX_RECORDS_PER_CALL) {
		return crmError(400, 'LIMIT_EXCEEDED', `the number of records exceeds the maximum of ${MAX_RECORDS_PER_CALL}`, {
			limit: MAX_RECORDS_PER_CALL,
			api_name: 'data',
		});
	}
	return body.data;
}

/** 2xx/207/400 by how many items succeeded, as Zoho answers bulk writes. */
export function multiStatus(items: ResultItem[], allOk: number): number {
	const ok = items.filter((i) => i.status === 'success').length;
	if (ok === items.length) return allOk;
	return ok === 0 ? 400 : 207;
}
