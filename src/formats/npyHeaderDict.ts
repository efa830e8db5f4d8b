/**
 * Parser for the header of a .npy file: "the ASCII [v3: UTF-8] string representation of a
 * Python literal expression of a dictionary … terminated by a newline (\n) and padded with
 * spaces" (NumPy, numpy/lib/format.py; NEP 1). NumPy reads it with ast.literal_eval; we accept
 * the subset np.save writes and nothing else:
 *
 *   dict   := '{' [ entry { ',' entry } [ ',' ] ] '}'
 *   entry  := string ':' value
 *   value  := string | 'True' | 'False' | tuple | int
 *   tuple  := '(' ')' | '(' int ',' ')' | '(' int { ',' int } [ ',' ] ')'   — "(3)" is an int, as in Python
 *   int    := digits [ 'L' ]          — the 'L' of Python 2 writers, which numpy's _filter_header drops
 *   string := '…' or "…" without backslashes
 *
 * with spaces, tabs and newlines between tokens and only whitespace after the dict. Anything
 * else (lists such as a structured dtype's descr, nested dicts, expressions, escapes, duplicate
 * keys) is refused with the column where parsing stopped. Linear time, no recursion.
 */
export type HeaderValue = string | boolean | number | readonly number[];

export type HeaderParse =
  | { readonly ok: true; readonly dict: ReadonlyMap<string, HeaderValue> }
  | { readonly ok: false; readonly at: number; readonly problem: string };

class Stop {
  constructor(
    readonly at: number,
    readonly problem: string,
  ) {}
}

export function parseHeaderDict(text: string): HeaderParse {
  let i = 0;
  const n = text.length;
  const space = () => {
    while (i < n && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i++;
  };
  const expect = (ch: string, what: string) => {
    space();
    if (text[i] !== ch) throw new Stop(i, `expected ${what}`);
    i++;
  };
  const str = (): string => {
    const q = text[i];
    const start = ++i;
    while (i < n && text[i] !== q) {
      if (text[i] === '\\' || text[i] === '\n') throw new Stop(i, 'escapes and line breaks in strings are not supported');
      i++;
    }
    if (i >= n) throw new Stop(start - 1, 'unterminated string');
    return text.slice(start, i++);
  };
  const int = (): number => {
    const start = i;
    if (text[i] === '-') i++;
    while (i < n && text[i] >= '0' && text[i] <= '9') i++;
    const digits = text.slice(start, i);
    if (digits === '' || digits === '-') throw new Stop(start, 'expected an integer');
    if (text[i] === 'L') i++;
    const v = Number(digits);
    if (!Number.isSafeInteger(v)) throw new Stop(start, `integer ${digits.slice(0, 30)} is too large`);
    return v;
  };
  const value = (): HeaderValue => {
    space();
    const c = text[i];
    if (c === "'" || c === '"') return str();
    if (text.startsWith('True', i)) return (i += 4), true;
    if (text.startsWith('False', i)) return (i += 5), false;
    if (c === '-' || (c >= '0' && c <= '9')) return int();
    if (c === '(') {
      i++;
      const items: number[] = [];
      let trailingComma = false;
      space();
      while (text[i] !== ')') {
        if (i >= n) throw new Stop(i, 'unterminated tuple');
        const ch = text[i];
        if (!(ch === '-' || (ch >= '0' && ch <= '9'))) throw new Stop(i, 'expected an integer in the tuple');
        items.push(int());
        space();
        trailingComma = false;
        if (text[i] === ',') {
          i++;
          trailingComma = true;
          space();
        } else if (text[i] !== ')') throw new Stop(i, "expected ',' or ')' in the tuple");
      }
      i++;
      // Python: "(3)" is the integer 3, "(3,)" the 1-tuple.
      if (items.length === 1 && !trailingComma) return items[0];
      return items;
    }
    if (c === '[') throw new Stop(i, 'lists are not supported (a structured dtype?)');
    throw new Stop(i, 'expected a string, True, False, an integer or a tuple');
  };

  try {
    const dict = new Map<string, HeaderValue>();
    expect('{', "'{'");
    space();
    while (text[i] !== '}') {
      if (i >= n) throw new Stop(i, "expected '}'");
      const c = text[i];
      if (c !== "'" && c !== '"') throw new Stop(i, 'expected a quoted key');
      const keyAt = i;
      const key = str();
      expect(':', "':'");
      const v = value();
      if (dict.has(key)) throw new Stop(keyAt, `the key '${key}' appears twice`);
      dict.set(key, v);
      space();
      if (text[i] === ',') {
        i++;
        space();
      } else if (text[i] !== '}') throw new Stop(i, "expected ',' or '}'");
    }
    i++;
    space();
    if (i < n) throw new Stop(i, 'unexpected text after the dictionary');
    return { ok: true, dict };
  } catch (e) {
    if (e instanceof Stop) return { ok: false, at: e.at, problem: e.problem };
    throw e;
  }
}
