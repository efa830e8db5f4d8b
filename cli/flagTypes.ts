/**
 * What a valued flag accepts, declared once as a zod schema: the validation AND the words in
 * `--help` and in error messages ("an integer in [1, 100000]") come from it. The words are
 * derived from the schema's JSON Schema (z.toJSONSchema), so a bound changed in code changes
 * the help text and the message with it.
 *
 *   int({ min: 1, max: 100000 })        an integer in [1, 100000]
 *   number({ gt: 0, lt: 1 })            a number in (0, 1)
 *   positiveNumber({ max: 1e6 })        a number in (0, 1000000]
 *   oneOf(['portable', 'native'])       one of portable, native
 *   list(number(), { min: 1, max: 9 })  a comma-separated list of 1 to 9 entries, each a number
 *   either(literal('auto'), int(…))     auto or an integer in [1, 64]
 *
 * A flag's raw text is first coerced (numbers parsed strictly: decimal or exponent notation,
 * nothing else — no hex, no whitespace, no "Infinity"; -0 becomes 0; lists split on commas),
 * then checked by the schema. zod's number rejects ±Infinity, so 1e400 is refused like any
 * other out-of-range value. Every number a schema accepts is finite.
 */
import { z } from 'zod';

export interface FlagType<T> {
  /** The raw text as the candidate value the schema checks. */
  readonly coerce: (raw: string) => unknown;
  readonly schema: z.ZodType<T>;
  /** What the flag takes, in words: "an integer in [1, 100000]". */
  readonly text: string;
}

/** Decimal or exponent notation only (what a person types; Number() alone would take "0x10", " 5", ""). */
const NUMBER_SYNTAX = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number the text spells, or the text itself (so the schema refuses it). -0 is 0. */
export function strictNumber(raw: string): unknown {
  if (!NUMBER_SYNTAX.test(raw)) return raw;
  const v = Number(raw);
  return v === 0 ? 0 : v;
}

type Json = { type?: string; minimum?: number; maximum?: number; exclusiveMinimum?: number; exclusiveMaximum?: number; enum?: unknown[]; const?: unknown; anyOf?: Json[]; items?: Json; minItems?: number; maxItems?: number };

const fmt = (v: number) => String(v);

/** Bounds as words: "in [1, 5]", "in (0, 1)", "≥ 0", "> 0", or "". */
function boundsText(j: Json): string {
  const lo = j.exclusiveMinimum ?? j.minimum;
  const hi = j.exclusiveMaximum ?? j.maximum;
  // zod's int carries the safe-integer range as bounds; those are no bound to a reader.
  const loSet = lo !== undefined && lo > Number.MIN_SAFE_INTEGER;
  const hiSet = hi !== undefined && hi < Number.MAX_SAFE_INTEGER;
  const lb = j.exclusiveMinimum !== undefined ? '(' : '[';
  const rb = j.exclusiveMaximum !== undefined ? ')' : ']';
  if (loSet && hiSet) return ` in ${lb}${fmt(lo!)}, ${fmt(hi!)}${rb}`;
  if (loSet) return ` ${j.exclusiveMinimum !== undefined ? '>' : '≥'} ${fmt(lo!)}`;
  if (hiSet) return ` ${j.exclusiveMaximum !== undefined ? '<' : '≤'} ${fmt(hi!)}`;
  return '';
}

/** A JSON Schema (as z.toJSONSchema writes it for flag schemas) in words. */
export function describeJsonSchema(j: Json): string {
  if (j.anyOf) return j.anyOf.map(describeJsonSchema).join(' or ');
  if (j.const !== undefined) return String(j.const);
  if (j.enum) return j.enum.length === 1 ? String(j.enum[0]) : `one of ${j.enum.join(', ')}`;
  if (j.type === 'integer') return `an integer${boundsText(j)}`;
  // Every flag number is finite; say so where no upper bound already implies it.
  if (j.type === 'number') return `a ${j.maximum === undefined && j.exclusiveMaximum === undefined ? 'finite ' : ''}number${boundsText(j)}`;
  if (j.type === 'array' && j.items) {
    const { minItems: lo, maxItems: hi } = j;
    const count = lo !== undefined && hi !== undefined ? `${lo} to ${hi}` : lo !== undefined ? `at least ${lo}` : hi !== undefined ? `at most ${hi}` : 'any number of';
    return `a comma-separated list of ${count} entries, each ${describeJsonSchema(j.items)}`;
  }
  if (j.type === 'string') return 'a text';
  return 'a value';
}

function textOf(schema: z.ZodType): string {
  return describeJsonSchema(z.toJSONSchema(schema, { unrepresentable: 'any' }) as Json);
}

function flagType<T>(schema: z.ZodType<T>, coerce: (raw: string) => unknown, text?: string): FlagType<T> {
  return { schema, coerce, text: text ?? textOf(schema) };
}

export interface IntBounds {
  /** @defaultValue no bound */
  readonly min?: number;
  /** @defaultValue no bound */
  readonly max?: number;
}

export function int(b: IntBounds = {}): FlagType<number> {
  let s = z.int();
  if (b.min !== undefined) s = s.min(b.min);
  if (b.max !== undefined) s = s.max(b.max);
  return flagType(s, strictNumber);
}

export interface NumberBounds {
  readonly gt?: number;
  readonly ge?: number;
  readonly lt?: number;
  readonly le?: number;
}

/** A finite number within the bounds. */
export function number(b: NumberBounds = {}): FlagType<number> {
  let s = z.number();
  if (b.gt !== undefined) s = s.gt(b.gt);
  if (b.ge !== undefined) s = s.min(b.ge);
  if (b.lt !== undefined) s = s.lt(b.lt);
  if (b.le !== undefined) s = s.max(b.le);
  return flagType(s, strictNumber);
}

/** A finite number > 0 (and ≤ max when given). */
export function positiveNumber(b: { readonly max?: number } = {}): FlagType<number> {
  return number({ gt: 0, le: b.max });
}

export function oneOf<const T extends string>(values: readonly [T, ...T[]]): FlagType<T> {
  return flagType(z.enum(values as [T, ...T[]]) as unknown as z.ZodType<T>, (raw) => raw);
}

export function literal<const T extends string>(value: T): FlagType<T> {
  return flagType(z.literal(value) as unknown as z.ZodType<T>, (raw) => raw);
}

/** The first type that accepts the text (e.g. `auto` or an integer). */
export function either<A, B>(a: FlagType<A>, b: FlagType<B>): FlagType<A | B> {
  const schema = z.union([a.schema, b.schema]) as unknown as z.ZodType<A | B>;
  return {
    schema,
    coerce: (raw) => (a.schema.safeParse(a.coerce(raw)).success ? a.coerce(raw) : b.coerce(raw)),
    text: `${a.text} or ${b.text}`,
  };
}

/** A comma-separated list whose entries each have the item type. */
export function list<T>(item: FlagType<T>, b: IntBounds = {}): FlagType<T[]> {
  let s = z.array(item.schema);
  if (b.min !== undefined) s = s.min(b.min);
  if (b.max !== undefined) s = s.max(b.max);
  // The entries are described by the item's own words (a custom item's text is not in its schema).
  const { min: lo, max: hi } = b;
  const count = lo !== undefined && hi !== undefined ? `${lo} to ${hi}` : lo !== undefined ? `at least ${lo}` : hi !== undefined ? `at most ${hi}` : 'any number of';
  return flagType(s as z.ZodType<T[]>, (raw) => raw.split(',').map((part) => item.coerce(part.trim())), `a comma-separated list of ${count} entries, each ${item.text}`);
}

/** A type with its own syntax (e.g. `i/n`): the coercion parses, the schema checks, the text is given. */
export function custom<T>(schema: z.ZodType<T>, coerce: (raw: string) => unknown, text: string): FlagType<T> {
  return flagType(schema, coerce, text);
}

export type FlagParse<T> = { ok: true; value: T } | { ok: false; detail: string | null };

/** Checks a raw flag value; on failure, `detail` points into a list ("entry 2 is \"x\""). */
export function parseFlag<T>(type: FlagType<T>, raw: string): FlagParse<T> {
  const r = type.schema.safeParse(type.coerce(raw));
  if (r.success) return { ok: true, value: r.data };
  const at = r.error.issues[0]?.path[0];
  if (typeof at === 'number') {
    const parts = raw.split(',');
    return { ok: false, detail: `entry ${at + 1} is ${JSON.stringify(parts[at]?.trim() ?? '')}` };
  }
  return { ok: false, detail: null };
}
