/**
 * V3 error bodies. Zoho's vocabulary differs per resource, so every title used here is listed in
 * ASSUMPTIONS.md with the evidence (or the lack of it) behind it.
 */
import { json, type SimResponse } from '../kit';

type ErrorType = 'FIELDS_VALIDATION_ERROR' | 'OPERATIONAL_VALIDATION_ERROR' | 'OAUTH_ERROR' | 'INTERNAL_ERROR';

export function v3Error(
	status: number,
	title: string,
	message: string,
	opts: { fieldName?: string; errorType?: ErrorType } = {},
): SimResponse {
	const detail: Record<string, string> = { message };
	if (opts.fieldName) detail.field_name = opts.fieldName;
	return json(status, {
		error: {
			status_code: String(status),
			title,
			error_type: opts.errorType ?? 'FIELDS_VALIDATION_ERROR',
			details: [detail],
		},
	});
}

/** A required body key or query parameter is absent (Zoho's spelling of "occurrence" kept). */
export const missing = (field: string): SimResponse =>
	v3Error(400, 'LESS_THAN_MIN_OCCURANCE', 'Input Parameter Missing', { fieldName: field });

export const invalid = (field: string, message: string): SimResponse =>
	v3Error(400, 'INVALID_PARAMETER_VALUE', message, { fieldName: field });

/** A business rule refused a well-formed request (strict project, closed parent, ...). */
export const refused = (field: string, message: string): SimResponse =>
	v3Error(400, 'INVALID_PARAMETER_VALUE', message, { fieldName: field, errorType: 'OPERATIONAL_VALIDATION_ERROR' });

/** A key whose JSON type is wrong (measured: `owners_and_work` as an array). */
export const badJson = (field: string): SimResponse =>
	v3Error(400, 'JSON_PARSE_ERROR', `${field} has the wrong JSON type.`, { fieldName: field });

export const notFound = (what: string, id: string): SimResponse =>
	v3Error(404, 'RESOURCE_NOT_FOUND', `${what} ${id} does not exist or was deleted.`, {
		errorType: 'OPERATIONAL_VALIDATION_ERROR',
	});

export const forbidden = (message: string): SimResponse =>
	v3Error(403, 'FORBIDDEN', message, { errorType: 'OPERATIONAL_VALIDATION_ERROR' });

export const alreadyExists = (title: string, message: string, field: string): SimResponse =>
	v3Error(400, title, message, { fieldName: field, errorType: 'OPERATIONAL_VALIDATION_ERROR' });

export function isRecord(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}
