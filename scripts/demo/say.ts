/** How the demo talks to the person running it: numbered steps, a framed summary, a clean exit on setup errors. */

let stepNumber = 0;
const started = Date.now();

/** "[3] 00:42 Installing n8n ..." — the elapsed time tells a person a long step is still moving. */
export function step(message: string): void {
	stepNumber++;
	console.log(`\n[${stepNumber}] ${elapsed()} ${message}`);
}

/** A detail under the current step. */
export function note(message: string): void {
	console.log(`      ${message}`);
}

export function elapsed(): string {
	const s = Math.floor((Date.now() - started) / 1000);
	return `${String(Math.floor(s / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

export function banner(lines: string[]): void {
	const width = Math.max(...lines.map(displayWidth)) + 4;
	const rule = '═'.repeat(width);
	console.log(`\n╔${rule}╗`);
	for (const line of lines) console.log(`║  ${line}${' '.repeat(width - 2 - displayWidth(line))}║`);
	console.log(`╚${rule}╝\n`);
}

/** Terminal columns: CJK characters take two, so the frame stays square around Japanese text. */
function displayWidth(text: string): number {
	let width = 0;
	for (const ch of text) width += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
	return width;
}

/** A setup error the person can act on: say it and stop (nothing has been started yet). */
export function fail(message: string): never {
	console.error(`✖ ${message}`);
	process.exit(1);
}
