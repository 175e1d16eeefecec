/**
 * HTML entity decoding from `entities` (fb55; the decoder behind htmlparser2 and cheerio), so Zoho
 * Projects descriptions reach CRM with every HTML5 named entity, numeric reference and legacy
 * no-semicolon form decoded the way a browser shows them, instead of through a table of our own.
 *
 * Why it is bundled rather than a dependency: n8n community nodes may have no runtime dependencies,
 * and n8n-workflow exports no entity decoder. So `entities` is an exact-version devDependency:
 * - source runs (jest, ts-node, the benches) import it from node_modules through this file;
 * - `npm run build` (scripts/build/bundle-vendor.ts) overwrites tsc's output of this file,
 *   dist/nodes/shared/vendor/entities.js, with a self-contained esbuild bundle of it that keeps the
 *   upstream BSD-2-Clause notice at its top, and scripts/build/check-dist.ts then fails the build if
 *   any dist file requires a package other than n8n-workflow or a Node builtin.
 * Version 7.x is the newest line that still ships CommonJS, which ts-jest needs for source runs.
 */
export { decodeHTML } from 'entities/decode';
