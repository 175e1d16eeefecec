/**
 * Text normalisation shared by the sync: CRM descriptions are plain text, Projects descriptions are
 * HTML, and people type company names in full- or half-width forms.
 */

import { decodeHTML } from '../vendor/entities';

/** Line breaks as `\n`, no trailing spaces on lines, no trailing empty lines. */
export function normaliseText(text: string | null | undefined): string {
	return (text ?? '')
		.replace(/\r\n?/g, '\n')
		.split('\n')
		.map((line) => line.replace(/[ \t\u00a0]+$/, ''))
		.join('\n')
		.replace(/\n+$/, '')
		.replace(/^\n+/, '');
}

/** Projects HTML → the plain text a CRM description holds. Block ends and `<br>` become line breaks. */
export function htmlToText(html: string | null | undefined): string {
	if (!html) return '';
	const withBreaks = html
		.replace(/\r?\n/g, '')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<\/(p|div|li|h[1-6]|tr)>/gi, '\n')
		.replace(/<[^>]*>/g, '');
	// Tags go first, then one decoding pass: `&amp;lt;` is the text `&lt;`, and `&lt;b&gt;` stays text.
	return normaliseText(decodeHTML(withBreaks));
}

/** Plain text → HTML whose `htmlToText` is the same text (so a round trip neither grows nor loses). */
export function textToHtml(text: string | null | undefined): string {
	const normal = normaliseText(text);
	if (!normal) return '';
	return normal
		.replace(/&/g, '&amp;')
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.split('\n')
		.join('<br>');
}

/**
 * A company or person name as people mean it: full-width and half-width forms unified (NFKC),
 * case and spacing ignored. `ＡＢＣ 株式会社` and `abc株式会社` compare equal.
 */
export function nameKey(name: string | null | undefined): string {
	return (name ?? '').normalize('NFKC').toLowerCase().replace(/[\s\u3000]+/g, '');
}

export function emailKey(email: string | null | undefined): string {
	return (email ?? '').trim().toLowerCase();
}
