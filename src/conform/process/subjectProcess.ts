/**
 * A subject under test as a child process speaking the protocol: started once from a shell
 * command, fed one request line at a time on stdin, read one answer line at a time from
 * stdout. Everything the subject can do wrong ends in a SubjectFailure that says what it did:
 *
 *   - exits (crash, or closes stdout) while a request is open        → 'crash', with its exit
 *     code or signal and the tail of its stderr;
 *   - no complete line within the request's time limit               → 'timeout' (the process
 *     group is killed);
 *   - a line longer than the request's byte limit                    → 'oversize' (killed as
 *     soon as the limit is passed, before the line is buffered whole);
 *   - output when no request is open (a banner, a second line)       → 'protocol';
 *   - the shell cannot find the command (exit 127 before any answer) → 'not-found'.
 *
 * stderr is drained continuously (a full pipe would stall the subject) and only its last
 * STDERR_TAIL_BYTES are kept, for messages. The subject runs in its own process group
 * (detached), so a shell wrapper and everything it started are killed together: on close, on
 * a failure, and when this process exits.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { oneLine, quote } from '../../formats/formatError.js';
import { SubjectFailure } from '../protocol/subjectFailure.js';

/** stderr kept for messages (the tail: where tracebacks end). */
export const STDERR_TAIL_BYTES = 4096;
/** After stdin closes, how long a subject may take to exit before it is signalled. */
export const EXIT_GRACE_MS = 2000;

export interface SubjectProcessOptions {
  /** Working directory of the command. @defaultValue process.cwd() */
  readonly cwd?: string;
  /** Environment of the command. @defaultValue process.env */
  readonly env?: NodeJS.ProcessEnv;
}

export interface RequestLimits {
  /** Time limit for the whole answer line, in milliseconds. */
  readonly timeoutMs: number;
  /** Largest answer line in bytes (without the newline). */
  readonly maxBytes: number;
  /** What the request was, for messages, e.g. "request 7 (hessian, P = 12)". */
  readonly label: string;
}

interface Pending {
  readonly limits: RequestLimits;
  resolve(line: string): void;
  reject(e: SubjectFailure): void;
  timer: NodeJS.Timeout;
}

export class SubjectProcess {
  private readonly child: ChildProcessWithoutNullStreams;
  private chunks: Buffer[] = [];
  private buffered = 0;
  private stderrTail = '';
  private pending: Pending | null = null;
  private failure: SubjectFailure | null = null;
  private exitState: { code: number | null; signal: NodeJS.Signals | null } | null = null;
  private answered = 0;
  private readonly exitPromise: Promise<void>;
  private readonly onParentExit = () => this.killGroup('SIGKILL');

  constructor(
    readonly command: string,
    opts: SubjectProcessOptions = {},
  ) {
    this.child = spawn(command, { shell: true, detached: true, cwd: opts.cwd, env: opts.env ?? process.env, stdio: ['pipe', 'pipe', 'pipe'] });
    process.on('exit', this.onParentExit);
    this.exitPromise = new Promise((resolve) => {
      this.child.on('close', (code, signal) => {
        this.exitState = { code, signal };
        process.off('exit', this.onParentExit);
        this.onExit();
        resolve();
      });
    });
    this.child.on('error', (e) => this.fail(new SubjectFailure('crash', `could not start the subject ${quote(command)}: ${oneLine(e.message)}`)));
    // A write to a subject that has died raises EPIPE here; the exit handler reports it.
    this.child.stdin.on('error', () => {});
    this.child.stdout.on('data', (b: Buffer) => this.onStdout(b));
    this.child.stderr.on('data', (b: Buffer) => {
      this.stderrTail = (this.stderrTail + b.toString('utf8')).slice(-STDERR_TAIL_BYTES);
    });
  }

  /** Process id of the shell that runs the command (the process group's leader). */
  get pid(): number | undefined {
    return this.child.pid;
  }

  /** Resolves once the subject has exited (and with it, its stdout closed). */
  get exited(): Promise<void> {
    return this.exitPromise;
  }

  /** The last lines the subject wrote to stderr, as one line (for messages). */
  stderrSummary(max = 400): string {
    const t = this.stderrTail.trim();
    return t ? oneLine(t.length > max ? `…${t.slice(-max)}` : t, max + 1) : '';
  }

  /** Sends one request line and resolves with the answer line (without its newline). */
  request(line: string, limits: RequestLimits): Promise<string> {
    if (this.failure) return Promise.reject(this.failure);
    if (this.pending) return Promise.reject(new SubjectFailure('protocol', 'internal: a request is already open'));
    if (this.exitState) return Promise.reject(this.exitFailure(limits.label));
    return new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => {
        const partial = this.buffered > 0 ? ` (${this.buffered} bytes of an unfinished line received)` : '';
        this.fail(new SubjectFailure('timeout', `the subject did not answer ${limits.label} within ${formatSeconds(limits.timeoutMs)}${partial}; it was killed (raise --timeout if it is just slow)`));
      }, limits.timeoutMs);
      this.pending = { limits, resolve, reject, timer };
      this.child.stdin.write(`${line}\n`);
    });
  }

  /** Closes stdin (the protocol's "end"), waits for the exit, then signals the group if needed. */
  async close(): Promise<void> {
    if (this.pending) this.fail(new SubjectFailure('protocol', 'closed with a request open'));
    this.child.stdin.end();
    if (this.exitState) return;
    const graceful = await Promise.race([this.exitPromise.then(() => true), delay(EXIT_GRACE_MS).then(() => false)]);
    if (graceful) return;
    this.killGroup('SIGTERM');
    if (await Promise.race([this.exitPromise.then(() => true), delay(EXIT_GRACE_MS).then(() => false)])) return;
    this.killGroup('SIGKILL');
    await this.exitPromise;
  }

  private onStdout(b: Buffer): void {
    let start = 0;
    for (;;) {
      const nl = b.indexOf(0x0a, start);
      if (nl < 0) break;
      this.push(b.subarray(start, nl));
      const line = Buffer.concat(this.chunks).toString('utf8').replace(/\r$/, '');
      this.chunks = [];
      this.buffered = 0;
      this.onLine(line);
      start = nl + 1;
      if (this.failure) return;
    }
    if (start < b.length) this.push(b.subarray(start));
  }

  private push(part: Buffer): void {
    if (part.length === 0) return;
    this.buffered += part.length;
    const limit = this.pending?.limits.maxBytes ?? 0;
    if (!this.pending) {
      this.fail(new SubjectFailure('protocol', `the subject wrote to stdout when no request was open (${this.answered === 0 ? 'before any request' : `after answering ${this.answered} request${this.answered === 1 ? '' : 's'}`}): ${quote(part.toString('utf8'))}; stdout carries answers only, one line per request (write logs to stderr)`));
      return;
    }
    if (this.buffered > limit) {
      this.fail(new SubjectFailure('oversize', `the answer to ${this.pending.limits.label} passed ${limit} bytes without ending its line; it was killed (an answer to this request is far shorter)`));
      return;
    }
    this.chunks.push(Buffer.from(part));
  }

  private onLine(line: string): void {
    const p = this.pending;
    if (!p) {
      this.fail(new SubjectFailure('protocol', `the subject wrote a line when no request was open (${this.answered === 0 ? 'before any request' : `after answering ${this.answered} request${this.answered === 1 ? '' : 's'}`}): ${quote(line)}; stdout carries answers only, one line per request (write logs to stderr)`));
      return;
    }
    clearTimeout(p.timer);
    this.pending = null;
    this.answered++;
    p.resolve(line);
  }

  private onExit(): void {
    if (this.pending) this.fail(this.exitFailure(this.pending.limits.label));
  }

  private exitFailure(label: string): SubjectFailure {
    const e = this.exitState ?? { code: null, signal: null };
    const how = e.signal ? `was killed by ${e.signal}` : `exited with code ${e.code}`;
    const tail = this.stderrSummary();
    const partial = this.buffered > 0 ? `; ${this.buffered} bytes of an unterminated line were on stdout` : '';
    if (e.code === 127 && this.answered === 0) {
      return new SubjectFailure('not-found', `the subject command ${quote(this.command)} was not found by the shell (exit 127)${tail ? `: ${tail}` : ''}; check --subject`);
    }
    return new SubjectFailure('crash', `the subject ${how} while ${label} was open${partial}${tail ? `; its stderr ends: ${tail}` : ' (nothing on stderr)'}`);
  }

  private fail(f: SubjectFailure): void {
    if (this.failure) return;
    this.failure = f;
    const p = this.pending;
    this.pending = null;
    if (p) {
      clearTimeout(p.timer);
      p.reject(f);
    }
    this.killGroup('SIGKILL');
  }

  private killGroup(signal: NodeJS.Signals): void {
    if (this.exitState || this.child.pid === undefined) return;
    try {
      process.kill(-this.child.pid, signal);
    } catch {
      // Already gone.
    }
  }
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
