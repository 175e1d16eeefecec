/**
 * The search `criteria` grammar:
 *   expr  := term (('and' | 'or') term)*        (one connective per level; mix needs parentheses)
 *   term  := '(' expr ')' | '(' field ':' operator ':' value ')'
 * A value runs to the matching unescaped `)` and may hold `:` (link values are `portal:project:task`);
 * unescaped `,` separates several values; `\(`, `\)`, `\,` and `\\` are literal characters.
 */

export type Criteria =
	| { kind: 'cmp'; field: string; op: string; values: string[] }
	| { kind: 'group'; op: 'and' | 'or'; items: Criteria[] };

export const MAX_CRITERIA = 10;

export class CriteriaError extends Error {
	constructor(
		message: string,
		readonly details: Record<string, unknown> = {},
	) {
		super(message);
	}
}

interface Char {
	ch: string;
	escaped: boolean;
}

class Parser {
	private pos = 0;
	count = 0;

	constructor(private text: string) {}

	parse(): Criteria {
		const expr = this.expr();
		this.ws();
		if (this.pos < this.text.length) throw this.error('unexpected text after the criteria');
		return expr;
	}

	private error(reason: string): CriteriaError {
		return new CriteriaError('invalid query formed', { reason, position: this.pos });
	}

	private ws(): void {
		while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
	}

	private expr(): Criteria {
		const first = this.term();
		const items = [first];
		let op: 'and' | 'or' | undefined;
		for (;;) {
			this.ws();
			const word = /^(and|or)\b/i.exec(this.text.slice(this.pos));
			if (!word) break;
			const next = word[0].toLowerCase() as 'and' | 'or';
			if (op && op !== next) throw this.error('mixing "and" and "or" needs parentheses');
			op = next;
			this.pos += word[0].length;
			items.push(this.term());
		}
		return op ? { kind: 'group', op, items } : first;
	}

	private term(): Criteria {
		this.ws();
		if (this.text[this.pos] !== '(') throw this.error('expected "("');
		this.pos++;
		this.ws();
		if (this.text[this.pos] === '(') {
			const inner = this.expr();
			this.ws();
			if (this.text[this.pos] !== ')') throw this.error('expected ")"');
			this.pos++;
			return inner;
		}
		return this.comparison();
	}

	private comparison(): Criteria {
		const chars: Char[] = [];
		for (;;) {
			if (this.pos >= this.text.length) throw this.error('unbalanced parentheses');
			const ch = this.text[this.pos++];
			if (ch === '\\' && this.pos < this.text.length) chars.push({ ch: this.text[this.pos++], escaped: true });
			else if (ch === ')') break;
			else if (ch === '(') throw this.error('"(" inside a value must be escaped');
			else chars.push({ ch, escaped: false });
		}
		const cut = (list: Char[]) => {
			const i = list.findIndex((c) => c.ch === ':' && !c.escaped);
			return i < 0 ? undefined : { head: list.slice(0, i), rest: list.slice(i + 1) };
		};
		const a = cut(chars);
		const b = a && cut(a.rest);
		if (!a || !b) throw this.error('a criterion is (field:operator:value)');
		const field = text(a.head).trim();
		const op = text(b.head).trim().toLowerCase();
		if (!field || !op) throw this.error('a criterion is (field:operator:value)');
		this.count++;
		if (this.count > MAX_CRITERIA) throw new CriteriaError(`at most ${MAX_CRITERIA} criteria are allowed`, { limit: MAX_CRITERIA });
		return { kind: 'cmp', field, op, values: split(b.rest).map(text) };
	}
}

const text = (list: Char[]) => list.map((c) => c.ch).join('');

function split(list: Char[]): Char[][] {
	const parts: Char[][] = [[]];
	for (const c of list) {
		if (c.ch === ',' && !c.escaped) parts.push([]);
		else parts[parts.length - 1].push(c);
	}
	return parts;
}

export function parseCriteria(input: string): Criteria {
	if (!input.trim()) throw new CriteriaError('invalid query formed', { reason: 'empty criteria' });
	return new Parser(input).parse();
}

/** Every comparison of a criteria tree, for checking fields and operators once. */
export function comparisons(c: Criteria): Extract<Criteria, { kind: 'cmp' }>[] {
	return c.kind === 'cmp' ? [c] : c.items.flatMap(comparisons);
}
