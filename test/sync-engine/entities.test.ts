import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { htmlToText, normaliseText, textToHtml } from '../../nodes/shared/sync/text';
import { distRequires, forbiddenRequires } from '../../scripts/build/check-dist';

const repoDir = join(__dirname, '..', '..');

describe('Projects HTML entities reach CRM as the characters a browser shows', () => {
	it.each([
		['&mdash;', '—'],
		['&hellip;', '…'],
		['caf&eacute;', 'café'],
		['&copy; &rsquo; &yen; &euro; &notin;', '© ’ ¥ € ∉'],
		['a&nbsp;b', 'a\u00a0b'],
		['&#x1F600;', '😀'],
		['&#12354;', 'あ'],
		['&#X41;&#65;', 'AA'],
		// Decoded once only: the text was `&lt;`.
		['&amp;lt;', '&lt;'],
		['&amp;amp;', '&amp;'],
		// Legacy forms without the semicolon, as browsers read them in text.
		['&copy 2026 &amp co', '© 2026 & co'],
		// The HTML spec's own example: `&not` is a legacy entity, so a browser shows `¬it;`.
		['&notit;', '¬it;'],
		['&notanentity;', '¬anentity;'],
		// Out-of-range and NUL references become U+FFFD, as in a browser (no RangeError).
		['&#x110000;&#0;', '\ufffd\ufffd'],
		// C1 references map to Windows-1252, as in a browser.
		['&#128;', '€'],
	])('%s → %s', (html, text) => {
		expect(htmlToText(html)).toBe(text);
	});

	it('keeps unknown entities and bare ampersands literally', () => {
		expect(htmlToText('&xyzzy; &unknownthing; AT&T R&D a & b &;')).toBe('&xyzzy; &unknownthing; AT&T R&D a & b &;');
	});

	it('decodes after the tags are gone, so escaped markup stays text', () => {
		expect(htmlToText('<div>&lt;b&gt;bold&lt;/b&gt; &mdash; <b>real</b></div>')).toBe('<b>bold</b> — real');
		expect(htmlToText('<p>x&lt;br&gt;y</p>')).toBe('x<br>y');
	});

	// Text that looks like entity references must survive CRM → Projects → CRM unchanged.
	it.each(['&mdash; literally', '&copy 2026', 'AT&T &amp; R&D', '&amp;lt;', '&#x1F600;', 'é — … 😀', 'a\u00a0b'])(
		'round-trips the text %j',
		(text) => {
			const once = htmlToText(textToHtml(text));
			expect(once).toBe(normaliseText(text));
			expect(textToHtml(once)).toBe(textToHtml(text));
		},
	);
});

describe('the bundled decoder in dist', () => {
	let dir: string;
	beforeAll(() => {
		dir = mkdtempSync(join(tmpdir(), 'zts-entities-'));
	});
	afterAll(() => rmSync(dir, { recursive: true, force: true }));

	it('is a self-contained bundle with the upstream licence that decodes without node_modules', () => {
		// The build's own step, run as `npm run build` runs it, into a directory with no node_modules above it.
		const outfile = join(dir, 'entities.js');
		const bundle = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', 'scripts/build/bundle-vendor.ts', outfile], {
			cwd: repoDir,
			encoding: 'utf8',
		});
		expect(bundle.stderr).toBe('');
		expect(bundle.status).toBe(0);

		const code = readFileSync(outfile, 'utf8');
		expect(code.startsWith('/*!\n * Bundled third-party code: entities@7.0.1')).toBe(true);
		expect(code).toContain('Copyright (c) Felix Böhm');
		expect(distRequires(dir)).toEqual([]);

		const probe = `process.stdout.write(require(${JSON.stringify(outfile)}).decodeHTML('&mdash;&eacute;&hellip;&amp;lt;'))`;
		const run = spawnSync(process.execPath, ['-e', probe], { cwd: dir, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
		expect(run.stderr).toBe('');
		expect(run.stdout).toBe('—é…&lt;');
	});

	it('dist check rejects what tsc emits for a package import, and accepts n8n-workflow, luxon and builtins', () => {
		const scan = mkdtempSync(join(dir, 'scan-'));
		writeFileSync(
			join(scan, 'tsc-output.js'),
			[
				'const entities_1 = require("entities/decode");',
				'const n8n_workflow_1 = require("n8n-workflow");',
				'const luxon_1 = require("luxon");',
				'const crypto = require("node:crypto");',
				'const fs = require("fs");',
				'const text_1 = require("../sync/text");',
				'const later = () => Promise.resolve().then(() => require(name));',
				'const lodash = import("lodash");',
			].join('\n'),
		);
		expect(forbiddenRequires(scan)).toEqual([
			"tsc-output.js: require('entities/decode')",
			"tsc-output.js: require('<computed>')",
			"tsc-output.js: require('lodash')",
		]);
	});
});
