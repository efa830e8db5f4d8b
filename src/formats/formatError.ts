/**
 * The one error type of the file-format layer (safetensors, .npy). Its message is ONE line:
 *
 *   <file>: <field>: <problem>; <fix>
 *
 * `file` is the path (or name) the caller gave; `field` names the part of the file at fault
 * (`header length`, `tensor "0.weight" dtype`, `shape`, `data`, …). Everything that comes from
 * the file itself (tensor names, JSON parser messages) goes through `quote`/`oneLine`, so a
 * hostile file cannot put a newline or a megabyte of text into the message.
 */
export class FormatError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    readonly problem: string,
    readonly fix: string,
  ) {
    super(oneLine(`${file}: ${field}: ${problem}; ${fix}`, MAX_MESSAGE_CHARS));
    this.name = 'FormatError';
  }
}

/** Longest message we print: long enough for a path, a tensor name and a sentence of fix. */
const MAX_MESSAGE_CHARS = 600;
/** Longest piece of file-supplied text quoted in a message (tensor names, dtype strings). */
const MAX_QUOTED_CHARS = 80;

/** Control characters (incl. newlines) become spaces, runs of spaces collapse, long text is cut with "…". */
export function oneLine(text: string, max = MAX_QUOTED_CHARS): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/ {2,}/g, ' ');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** A file-supplied string as it appears in a message: JSON-quoted (escapes visible), cut to a sane length. */
export function quote(text: string): string {
  const q = JSON.stringify(text);
  return q.length <= MAX_QUOTED_CHARS ? q : `${q.slice(0, MAX_QUOTED_CHARS - 2)}…"`;
}

/** Any value from a parsed header, shown briefly (e.g. a wrong `shape`). */
export function brief(value: unknown): string {
  let s: string;
  try {
    s = JSON.stringify(value) ?? String(value);
  } catch {
    s = String(value);
  }
  return oneLine(s);
}

/** Bytes as a short human figure (the budget messages). */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 2 ** 20) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 2 ** 30) return `${(bytes / 2 ** 20).toFixed(1)} MiB`;
  if (bytes < 2 ** 40) return `${(bytes / 2 ** 30).toFixed(1)} GiB`;
  return `${(bytes / 2 ** 40).toExponential(2)} TiB`;
}
