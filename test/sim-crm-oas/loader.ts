/**
 * Turns the OpenAPI 3.0 schema fragments of `oas-subset.ts` into JSON Schema for ajv:
 * - `$ref`s are resolved (into `$defs`, so recursion works): `#/components/...` inside the same file, `users.json#/...` (or Zoho's
 *   absolute `https://raw.githubusercontent.com/.../v8.0/users.json#/...`) across files;
 * - `nullable: true` becomes a type union with `null` (and adds `null` to an `enum`);
 * - a nested `oneOf` is read as `anyOf`: Zoho's generated alternatives overlap (an error whose
 *   `details` may be `{api_name,json_path}` or `{api_name,json_path,regex?}` matches both), so
 *   "exactly one" would refuse every body (ASSUMPTIONS.md, CRM, "OpenAPI conformance");
 * - the top-level alternative of a response (`data` wrapper or error) is chosen by the caller;
 * - OpenAPI-only keywords ajv does not know (`format: int32`, ...) are dropped.
 */
import type { OasFile } from './oas-subset';
import { OAS } from './oas-subset';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `file.json` and the JSON pointer of a `$ref`, relative to the file it appears in. */
export function splitRef(ref: string, current: OasFile): { file: OasFile; pointer: string } {
	const m = /^(?:.*\/)?([a-z_]+\.json)?#(\/.*)$/.exec(ref);
	if (!m) throw new Error(`unsupported $ref ${ref}`);
	const file = (m[1] ?? current) as OasFile;
	if (!(file in OAS)) throw new Error(`$ref ${ref} points into ${file}, which oas-subset.ts does not hold`);
	return { file, pointer: m[2] };
}

export function at(file: OasFile, pointer: string): Json {
	let node: Json = OAS[file] as unknown as Json;
	for (const raw of pointer.replace(/^\//, '').split('/')) {
		const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
		if (!isObject(node) || !(key in node)) throw new Error(`${file}#${pointer}: no ${key}`);
		node = node[key];
	}
	return node;
}

const KEEP_FORMATS = new Set(['date-time', 'date']);

/**
 * A response schema as one JSON Schema document: every `$ref`'d component lands once in `$defs`
 * (so recursive ones such as notifications' `Criteria` work), the rest is converted in place.
 */
export function toJsonSchema(root: Json, file: OasFile): JsonObject {
	const defs: JsonObject = {};
	const convert = (node: Json, current: OasFile): Json => {
		if (Array.isArray(node)) return node.map((n) => convert(n, current));
		if (!isObject(node)) return node;
		if (typeof node.$ref === 'string') {
			const { file: target, pointer } = splitRef(node.$ref, current);
			const key = `${target}${pointer}`.replace(/[^A-Za-z0-9_.-]/g, '_');
			if (!(key in defs)) {
				defs[key] = {};
				defs[key] = convert(at(target, pointer), target);
			}
			return { $ref: `#/$defs/${key}` };
		}
		const out: JsonObject = {};
		for (const [k, v] of Object.entries(node)) {
			if (k === 'nullable' || k === 'description' || k === 'example') continue;
			if (k === 'format' && !KEEP_FORMATS.has(String(v))) continue;
			if (k === 'properties' && isObject(v)) {
				out.properties = Object.fromEntries(Object.entries(v).map(([p, s]) => [p, convert(s, current)]));
			} else if (k === 'oneOf') {
				out.anyOf = convert(v, current);
			} else if (k === 'items' || k === 'anyOf' || k === 'allOf' || (k === 'additionalProperties' && isObject(v))) {
				out[k] = convert(v, current);
			} else {
				out[k] = v;
			}
		}
		if (node.nullable === true) {
			if (typeof out.type === 'string') out.type = [out.type, 'null'];
			if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
		}
		return out;
	};
	const schema = convert(root, file);
	return { ...(isObject(schema) ? schema : {}), $defs: defs };
}
