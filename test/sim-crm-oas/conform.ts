/**
 * Checks one simulator reply against the response the OAS describes for that operation and status.
 * `problems()` returns readable findings (empty = conforms), so a failing test names each one.
 */
import { appendFileSync } from 'node:fs';

import Ajv, { type ErrorObject } from 'ajv';
import addFormats from 'ajv-formats';

import type { Reply } from '../sim-crm/helpers';
import { at, type Json, type JsonObject, splitRef, toJsonSchema } from './loader';
import type { OasFile } from './oas-subset';

export interface Op {
	file: OasFile;
	path: string;
	method: 'get' | 'post' | 'put' | 'patch' | 'delete';
}

/**
 * A deviation the simulator keeps on purpose; `why` names its ASSUMPTIONS.md entry. It must match
 * at least one validation error, so an excuse that is no longer needed fails the test.
 */
export interface Excuse {
	why: string;
	keyword: string;
	/** Matched against ajv's instancePath (e.g. `/fields/3/length`). */
	path: RegExp;
	/** For `required`: only these missing property names are excused. */
	missing?: string[];
}

export interface CheckOptions {
	/** Which top-level alternative of the response schema: index or the name its `$ref` ends with. */
	alt?: number | string;
	/** Validate against this OAS status instead of the reply's own (a documented status deviation). */
	statusAs?: { status: string; why: string };
	excuses?: Excuse[];
}

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The response object of an operation and status, with a `$ref`'d response followed. */
function responseOf(op: Op, status: string): { file: OasFile; response: JsonObject } | undefined {
	const responses = at(op.file, `/paths/${op.path.replace(/~/g, '~0').replace(/\//g, '~1')}/${op.method}/responses`);
	if (!isObject(responses) || !(status in responses)) return undefined;
	let file = op.file;
	let response = responses[status];
	if (isObject(response) && typeof response.$ref === 'string') {
		const r = splitRef(response.$ref, file);
		file = r.file;
		response = at(r.file, r.pointer);
	}
	return isObject(response) ? { file, response } : undefined;
}

export function listedStatuses(op: Op): string[] {
	const responses = at(op.file, `/paths/${op.path.replace(/\//g, '~1')}/${op.method}/responses`);
	return isObject(responses) ? Object.keys(responses) : [];
}

function pickAlternative(schema: Json, file: OasFile, alt: number | string | undefined): Json {
	if (!isObject(schema) || !Array.isArray(schema.oneOf)) return schema;
	const options = schema.oneOf;
	// Without a choice, any listed alternative will do (fine where each one pins its `code`; where one
	// has no required keys, as record.json's API_Exception, the tests name the alternative).
	if (alt === undefined) return options.length === 1 ? options[0] : { oneOf: options };
	if (typeof alt === 'number') return options[alt];
	const hit = options.find((o) => isObject(o) && typeof o.$ref === 'string' && o.$ref.endsWith(`/${alt}`));
	if (!hit) throw new Error(`${file}: no alternative named ${alt}`);
	return hit;
}

/** One line per kind of finding: array indices become `*`, repeats are counted. */
const describe = (e: ErrorObject): string => `${e.instancePath.replace(/\/\d+(?=\/|$)/g, '/*') || '/'} ${e.keyword} ${e.message ?? ''}`;

/** ajv errors that only say "some branch of anyOf failed" repeat what the branch errors say. */
const summaryOnly = (e: ErrorObject) => e.keyword === 'anyOf' || e.keyword === 'if';

export function problems(reply: Reply, op: Op, opts: CheckOptions = {}): string[] {
	// Maintainer aid: OAS_COLLECT=<file> records the bodies (to re-derive oas-subset.ts) instead of checking.
	if (process.env.OAS_COLLECT) {
		appendFileSync(process.env.OAS_COLLECT, `${JSON.stringify({ op, status: reply.status, body: reply.body })}\n`);
		return [];
	}
	const status = opts.statusAs?.status ?? String(reply.status);
	const response = responseOf(op, status);
	if (!response) return [`HTTP ${reply.status} is not a response the OAS lists for ${op.method.toUpperCase()} ${op.path} (${op.file}: ${listedStatuses(op).join(', ')})`];
	const content = response.response.content;
	if (!isObject(content)) return reply.text === '' ? [] : [`the OAS gives ${status} no body, the simulator sent ${reply.text.slice(0, 80)}`];
	const media = content['application/json'];
	if (!isObject(media)) throw new Error('no application/json schema');
	const chosen = pickAlternative(media.schema, response.file, opts.alt);
	const schema = toJsonSchema(chosen, response.file);
	const validate = ajv.compile(schema as object);
	validate(reply.body);
	const errors = (validate.errors ?? []).filter((e) => !summaryOnly(e));
	const excuses = opts.excuses ?? [];
	const used = new Set<Excuse>();
	const left = new Map<string, number>();
	for (const e of errors) {
		const excuse = excuses.find(
			(x) =>
				x.keyword === e.keyword &&
				x.path.test(e.instancePath) &&
				(x.missing === undefined || x.missing.includes(String((e.params as { missingProperty?: string }).missingProperty))),
		);
		if (excuse) used.add(excuse);
		else left.set(describe(e), (left.get(describe(e)) ?? 0) + 1);
	}
	const found = [...left].map(([line, n]) => (n > 1 ? `${line} (x${n})` : line));
	for (const x of excuses) if (!used.has(x)) found.push(`excuse no longer needed: ${x.why} (${x.keyword} at ${x.path})`);
	return found;
}
