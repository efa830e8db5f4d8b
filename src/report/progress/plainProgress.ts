/**
 * Progress as plain lines, for logs: a headline, one line per finished unit (property ×
 * seed) with its verdict, case count and time, and the closing line. No carriage returns,
 * no escape codes; each line stands alone, so interleaved CI output stays readable.
 */
import { formatDuration, type Progress, type UnitSummary } from './progressEvents.js';

export class PlainProgress implements Progress {
  private totalUnits = 0;
  private doneUnits = 0;
  private startedAt = 0;

  constructor(
    private readonly line: (text: string) => void,
    private readonly now: () => number,
    private readonly label = 'report',
  ) {}

  start(totalUnits: number, totalCases: number, headline: string): void {
    this.totalUnits = totalUnits;
    this.startedAt = this.now();
    this.line(`${this.label}: ${headline} — ${totalUnits} unit${totalUnits === 1 ? '' : 's'}, ${totalCases} cases`);
  }

  unitStarted(): void {}

  caseDone(): void {}

  unitDone(s: UnitSummary): void {
    this.doneUnits++;
    const width = String(this.totalUnits).length;
    this.line(`${this.label}: [${String(this.doneUnits).padStart(width)}/${this.totalUnits}] ${s.verdict.padEnd(12)} ${s.label} (${s.cases} cases, ${formatDuration(s.seconds * 1000)})`);
  }

  finish(line: string): void {
    this.line(`${this.label}: ${line} (${formatDuration(this.now() - this.startedAt)})`);
  }
}
