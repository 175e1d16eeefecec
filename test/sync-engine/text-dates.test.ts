import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

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

/** Process time zones either side of the date line, and UTC. */
const ZONES = ['UTC', 'Asia/Tokyo', 'America/Los_Angeles', 'Pacific/Kiritimati'];

interface ZoneResult {
	offsetMinutes: number;
	dates: (string | null)[];
	toProjects: Record<string, unknown>;
	toCrm: Record<string, unknown>;
}

/**
 * Dates and the engine's date decisions, computed by a fresh Node process whose TZ is `tz` (the
 * zone is read at start-up, so a child process is the reliable way to change it).
 */
function datesIn(tz: string): ZoneResult {
	const code = `
		const { calendarDate } = require('./nodes/shared/sync/dates');
		const { finishSync, planSync } = require('./nodes/shared/sync/engine');
		const { config, crmTask, projectsTask } = require('./test/sync-engine/fixtures');
		const decide = (crm, projects) => {
			const base = { subject: crm.subject, description: '対象テーブルを洗い出す\\n担当: 鈴木', dueDate: '2026-12-10', priority: 'high', status: 'open', owner: 'ichiro.suzuki@example.jp' };
			const input = { crm, projects, state: { v: 1, base, statuses: { open: 's1', closed: 's4' } }, initiator: 'crm', config: config() };
			return finishSync(input, planSync(input), {}, '2026-11-30T15:00:00Z');
		};
		const dates = ['2026-12-10T00:00:00.000+09:00', '2026-12-09T23:59:59-08:00', '2026-12-31T00:00:00+14:00', '2027-01-01'].map(calendarDate);
		const toProjects = decide(crmTask({ dueDate: '2026-12-01' }), projectsTask()).projectsPatch;
		const toCrm = decide(crmTask(), projectsTask({ endDate: '2026-12-02T00:00:00.000+09:00' })).crmPatch;
		process.stdout.write(JSON.stringify({ offsetMinutes: new Date(2026, 11, 10).getTimezoneOffset(), dates, toProjects, toCrm }));
	`;
	const run = spawnSync(process.execPath, ['-r', 'ts-node/register/transpile-only', '-e', code], {
		cwd: join(__dirname, '..', '..'),
		env: { ...process.env, TZ: tz },
		encoding: 'utf8',
	});
	if (run.status !== 0) throw new Error(`TZ=${tz}: ${run.stderr}`);
	return JSON.parse(run.stdout) as ZoneResult;
}

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
		const results = ZONES.map(datesIn);
		// The zones really differ in each process...
		expect(new Set(results.map((r) => r.offsetMinutes)).size).toBe(ZONES.length);
		// ...and every date and date decision comes out the same.
		for (const r of results) {
			expect(r.dates).toEqual(['2026-12-10', '2026-12-09', '2026-12-31', '2027-01-01']);
			expect(r.toProjects).toEqual({ end_date: '2026-12-01' });
			expect(r.toCrm).toEqual({ Due_Date: '2026-12-02' });
		}
	});

	it('knows real calendar dates', () => {
		expect(isCalendarDate('2026-02-28')).toBe(true);
		expect(isCalendarDate('2026-02-30')).toBe(false);
		expect(isCalendarDate('2026/02/28')).toBe(false);
	});
});
