/**
 * Progress across processes: a child process running one partition sends its progress
 * events to the parent (IpcProgress), which replays them into its own bar or lines
 * (forwardProgress). Only the per-unit and per-case events travel; the parent owns the
 * headline and the closing line.
 */
import type { Progress, UnitSummary } from './progressEvents.js';

export type ProgressMessage =
  | { readonly hcProgress: 'unitStarted'; readonly label: string }
  | { readonly hcProgress: 'caseDone'; readonly count: number }
  | { readonly hcProgress: 'unitDone'; readonly summary: UnitSummary };

/** Batches case ticks: one message per CASE_BATCH cases or per unit boundary. */
const CASE_BATCH = 10;

export class IpcProgress implements Progress {
  private pendingCases = 0;

  constructor(private readonly send: (message: ProgressMessage) => void) {}

  start(): void {}

  unitStarted(label: string): void {
    this.flush();
    this.send({ hcProgress: 'unitStarted', label });
  }

  caseDone(): void {
    if (++this.pendingCases >= CASE_BATCH) this.flush();
  }

  unitDone(summary: UnitSummary): void {
    this.flush();
    this.send({ hcProgress: 'unitDone', summary });
  }

  finish(): void {
    this.flush();
  }

  private flush(): void {
    if (this.pendingCases === 0) return;
    this.send({ hcProgress: 'caseDone', count: this.pendingCases });
    this.pendingCases = 0;
  }
}

export function isProgressMessage(m: unknown): m is ProgressMessage {
  return typeof m === 'object' && m !== null && typeof (m as { hcProgress?: unknown }).hcProgress === 'string';
}

export function forwardProgress(m: ProgressMessage, to: Progress): void {
  if (m.hcProgress === 'unitStarted') to.unitStarted(m.label);
  else if (m.hcProgress === 'unitDone') to.unitDone(m.summary);
  else for (let i = 0; i < m.count; i++) to.caseDone();
}
