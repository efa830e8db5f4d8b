/**
 * Progress as a bar redrawn in place on a terminal: cases done of the planned total, units
 * done, elapsed time and the unit running now. Finished units scroll above the bar as one
 * line each. Redraws are throttled (REDRAW_MS) so a fast property does not flood the terminal.
 */
import { formatDuration, type Progress, type UnitSummary } from './progressEvents.js';

/** At most ~12 redraws a second. */
const REDRAW_MS = 80;
const BAR_WIDTH = 24;
const CLEAR_LINE = '\r\x1b[2K';

export class TtyProgress implements Progress {
  private totalUnits = 0;
  private totalCases = 0;
  private doneUnits = 0;
  private doneCases = 0;
  private current = '';
  private startedAt = 0;
  private lastDraw = -Infinity;

  constructor(
    private readonly stream: { readonly columns?: number; write(chunk: string): unknown },
    private readonly now: () => number,
    private readonly label = 'report',
  ) {}

  start(totalUnits: number, totalCases: number, headline: string): void {
    this.totalUnits = totalUnits;
    this.totalCases = Math.max(1, totalCases);
    this.startedAt = this.now();
    this.stream.write(`${this.label}: ${headline}\n`);
    this.draw(true);
  }

  unitStarted(label: string): void {
    this.current = label;
    this.draw(true);
  }

  caseDone(): void {
    this.doneCases = Math.min(this.totalCases, this.doneCases + 1);
    this.draw(false);
  }

  unitDone(s: UnitSummary): void {
    this.doneUnits++;
    this.stream.write(`${CLEAR_LINE}  ${s.verdict.padEnd(12)} ${s.label} (${s.cases} cases, ${formatDuration(s.seconds * 1000)})\n`);
    this.draw(true);
  }

  finish(line: string): void {
    this.stream.write(`${CLEAR_LINE}report: ${line} (${formatDuration(this.now() - this.startedAt)})\n`);
  }

  private draw(force: boolean): void {
    const t = this.now();
    if (!force && t - this.lastDraw < REDRAW_MS) return;
    this.lastDraw = t;
    const f = this.doneCases / this.totalCases;
    const filled = Math.round(f * BAR_WIDTH);
    const bar = `[${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}]`;
    const text = `${bar} ${String(Math.floor(f * 100)).padStart(3)}%  ${this.doneCases}/${this.totalCases} cases  ${this.doneUnits}/${this.totalUnits} units  ${formatDuration(t - this.startedAt)}  ${this.current}`;
    const columns = this.stream.columns ?? 80;
    this.stream.write(CLEAR_LINE + (text.length >= columns ? `${text.slice(0, columns - 2)}…` : text));
  }
}
