import { calendarDate, isCalendarDate } from '../../nodes/shared/sync/dates';
import { htmlToText, nameKey, normaliseText, textToHtml } from '../../nodes/shared/sync/text';

describe('descriptions: HTML ⇄ text', () => {
	const samples = [
		'移行対象のテーブルを洗い出す。\n担当: 鈴木',
		'a < b && c > d',
		'レポートを PDF で提出 & 共有 <必須>',
		'line one\n\nline three after a blank line',
		'"quotes" and \'apostrophes\'',
		'',
	];

	it.each(samples)('round-trips %j without growing or losing text', (text) => {
		const once = htmlToText(textToHtml(text));
		expect(once).toBe(normaliseText(text));
		expect(htmlToText(textToHtml(once))).toBe(once);
		expect(textToHtml(once)).toBe(textToHtml(text));
	});

	it('reads Zoho Projects HTML as the text a person sees', () => {
		expect(htmlToText('<div>移行対象<br>担当: 鈴木</div>')).toBe('移行対象\n担当: 鈴木');
		expect(htmlToText('<p>one</p><p>two</p>')).toBe('one\ntwo');
		expect(htmlToText('<div>A &amp; B &lt;x&gt; &#12354;&#x3044;&nbsp;</div>')).toBe('A & B <x> あい');
	});

	it('escapes what HTML would swallow', () => {
		expect(textToHtml('a<b>&c\nd')).toBe('a&lt;b&gt;&amp;c<br>d');
	});

	it('normalises line breaks and trailing blanks only', () => {
		expect(normaliseText('x\r\ny  \r\n\r\n')).toBe('x\ny');
		expect(normaliseText('  indented')).toBe('  indented');
	});
});

describe('names across full- and half-width forms', () => {
	it('compares ＡＢＣ株式会社 and ABC株式会社 equal, ignoring case and spaces', () => {
		expect(nameKey('ＡＢＣ株式会社')).toBe(nameKey('abc 株式会社'));
		expect(nameKey('株式会社　サクラ商事')).toBe(nameKey('株式会社サクラ商事'));
		expect(nameKey('ｻｸﾗ')).toBe(nameKey('サクラ'));
		expect(nameKey('Acme Corporation')).not.toBe(nameKey('Acme Corp'));
	});
});

describe('calendar dates never shift', () => {
	it('takes the calendar date Zoho wrote, whatever the offset', () => {
		expect(calendarDate('2026-12-10T00:00:00.000+09:00')).toBe('2026-12-10');
		expect(calendarDate('2026-12-10T00:00:00-08:00')).toBe('2026-12-10');
		expect(calendarDate('2026-12-10')).toBe('2026-12-10');
		expect(calendarDate('')).toBeNull();
		expect(calendarDate(null)).toBeNull();
	});

	it('does not depend on the process time zone', () => {
		// Converting through Date would move Tokyo midnight to the previous UTC day.
		expect(new Date('2026-12-10T00:00:00+09:00').toISOString().slice(0, 10)).toBe('2026-12-09');
		expect(calendarDate('2026-12-10T00:00:00+09:00')).toBe('2026-12-10');
	});

	it('knows real calendar dates', () => {
		expect(isCalendarDate('2026-02-28')).toBe(true);
		expect(isCalendarDate('2026-02-30')).toBe(false);
		expect(isCalendarDate('2026/02/28')).toBe(false);
	});
});
