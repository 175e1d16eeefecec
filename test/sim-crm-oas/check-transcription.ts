/**
 * oas-subset.ts against a checkout of github.com/zoho/crm-oas: every schema node it encodes must
 * say what the same node of the published files says (same keywords and values; the properties it
 * keeps must exist there). A script, not a test, since the files themselves are not in this repository
 * (README.md) and CI has no network:
 *   CRM_OAS_DIR=<checkout>/v8.0 npx ts-node --transpile-only test/sim-crm-oas/check-transcription.ts
 * Exits non-zero on any difference.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { OAS, type OasFile } from './oas-subset';

const dir = process.env.CRM_OAS_DIR;
/** Keywords that change what a body may be; any of them in the published node must be encoded too. */
const STRUCTURAL = ['type', 'nullable', 'enum', 'format', 'pattern', 'required', 'oneOf', 'anyOf', 'allOf', 'items', 'additionalProperties', 'maxLength', 'minLength', 'maximum', 'minimum', '$ref'];

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
/** `users.json#/x` and Zoho's absolute `https://…/v8.0/users.json#/x` name the same node. */
const refKey = (ref: unknown, file: string) => String(ref).replace(/^.*\/(?=[a-z_]+\.json#)/, '').replace(/^#/, `${file}#`);

function compare(encoded: unknown, real: unknown, file: string, at: string, out: string[]): void {
	if (Array.isArray(encoded) && Array.isArray(real) && encoded.length === real.length && encoded.some(isObject)) {
		encoded.forEach((e, i) => compare(e, real[i], file, `${at}/${i}`, out));
		return;
	}
	if (!isObject(encoded) || !isObject(real)) {
		if (JSON.stringify(encoded) !== JSON.stringify(real)) out.push(`${file}${at}: ${JSON.stringify(encoded)} vs ${JSON.stringify(real)}`);
		return;
	}
	for (const key of Object.keys(real)) {
		if (STRUCTURAL.includes(key) && !(key in encoded)) out.push(`${file}${at}: ${key} missing`);
	}
	for (const [key, value] of Object.entries(encoded)) {
		if (!(key in real)) out.push(`${file}${at}/${key}: not in the published file`);
		else if (key === '$ref') {
			if (refKey(value, file) !== refKey(real[key], file)) out.push(`${file}${at}: $ref ${String(value)} vs ${String(real[key])}`);
		} else compare(value, real[key], file, `${at}/${key}`, out);
	}
}

if (!dir) {
	console.error('Set CRM_OAS_DIR to the v8.0 folder of a zoho/crm-oas checkout.');
	process.exit(2);
}
let differences = 0;
for (const file of Object.keys(OAS) as OasFile[]) {
	const real = JSON.parse(readFileSync(join(dir, file), 'utf8')) as unknown;
	const out: string[] = [];
	compare(OAS[file], real, file, '', out);
	differences += out.length;
	console.log(`${out.length ? 'DIFFERS' : 'matches'} ${file}${out.map((line) => `\n  ${line}`).join('')}`);
}
process.exit(differences ? 1 : 0);
