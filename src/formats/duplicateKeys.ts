/**
 * Finds a repeated key in any object of a JSON text. JSON.parse keeps the LAST of two equal
 * keys without a word, so a safetensors header could name a tensor twice (the spec forbids
 * duplicate keys) and different readers would disagree about which entry is meant.
 *
 * Runs on text that JSON.parse has already accepted: one linear pass tracking string tokens
 * and container nesting with an explicit stack (no recursion, so no depth limit). Keys are
 * compared after JSON unescaping ("a" and "\u0061" are the same key).
 */
export interface DuplicateKey {
  /** The repeated key. */
  readonly key: string;
  /** Keys of the enclosing objects, outermost first ([] for the top level). */
  readonly path: readonly string[];
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

export function findDuplicateKey(json: string): DuplicateKey | null {
  const keysStack: (Set<string> | null)[] = [];
  // The key each open container is the value of (null: the top level, or an array element).
  const nameStack: (string | null)[] = [];
  let lastKey: string | null = null; // set between a key's ':' and the start of its value
  const n = json.length;
  for (let i = 0; i < n; i++) {
    const c = json.charCodeAt(i);
    if (isJsonSpace(c)) continue;
    if (c === QUOTE) {
      let j = i + 1;
      while (j < n && json.charCodeAt(j) !== QUOTE) j += json.charCodeAt(j) === BACKSLASH ? 2 : 1;
      let k = j + 1;
      while (k < n && isJsonSpace(json.charCodeAt(k))) k++;
      const top = keysStack.length > 0 ? keysStack[keysStack.length - 1] : null;
      if (k < n && json.charCodeAt(k) === COLON && top !== null) {
        const key = JSON.parse(json.slice(i, j + 1)) as string;
        if (top.has(key)) return { key, path: nameStack.filter((s): s is string => s !== null) };
        top.add(key);
        lastKey = key;
        i = k; // past the ':'
      } else {
        lastKey = null;
        i = j;
      }
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      keysStack.push(c === 0x7b ? new Set() : null);
      nameStack.push(lastKey);
      lastKey = null;
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      keysStack.pop();
      nameStack.pop();
    } else {
      lastKey = null;
    }
  }
  return null;
}

function isJsonSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}
