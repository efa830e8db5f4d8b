/**
 * What the Node test subjects share: their flags (`--arith float32|float64`, `--declare`, `--bug`),
 * the rounding of every operation to the declared arithmetic, and the protocol's line loop (one
 * JSON request per stdin line, handled in order; exit 0 at end of input). Plain JavaScript with no
 * imports from src/, like the subjects, so they stay independent of the code under test.
 */
const args = process.argv.slice(2);

export function flag(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : fallback;
}

export const arith = flag('arith', 'float64');
export const declared = flag('declare', arith);
export const bug = flag('bug', 'none');
/** Every arithmetic result goes through r: identity in float64, Math.fround in float32. */
export const r = arith === 'float32' ? Math.fround : (x) => x;

/** Calls handle(line) for every non-blank stdin line, in order; exits 0 when stdin ends. */
export function serveLines(handle) {
  let buf = '';
  process.stdin.setEncoding('utf8');
  process.stdin.on('data', (chunk) => {
    buf += chunk;
    let nl;
    while ((nl = buf.indexOf('\n')) >= 0) {
      const line = buf.slice(0, nl);
      buf = buf.slice(nl + 1);
      if (line.trim()) handle(line);
    }
  });
  process.stdin.on('end', () => process.exit(0));
}
