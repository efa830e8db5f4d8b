/** The benchmark table as Markdown (bench/results/latest.md, the README's Performance section). */

export interface Row {
  id: string;
  operation: string;
  size: string;
  backend: string;
  oursMs: number;
  peer: string;
  peerMs: number | null;
  /** ours / peer (time ratio: < 1 means we are faster). */
  ratio: number | null;
  target: string;
  met: boolean | null;
  oursPeakMiB: number;
  peerPeakMiB: number | null;
  notes: string;
}

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  platform: string;
  nativeBackend: string;
  pythons: { path: string; versions: Record<string, string | number> }[];
  date: string;
}

const fmt = (ms: number | null) => (ms === null ? '—' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(1)} ms`);
/** Markdown cells cannot hold a bare '|'. */
const cell = (s: string) => s.replace(/\|/g, '\\|');

/** A Markdown table: the header, the separator, one line per row (cells escaped). */
function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`)];
}

export function renderTable(machine: Machine, rows: readonly Row[]): string {
  const header = ['operation', 'size', 'backend', 'median', 'peer', "peer's median", 'ours/peer', 'target', 'met', 'peak RSS ours / peer', 'notes'];
  const lines = markdownTable(
    header,
    rows.map((r) => [
      r.operation,
      r.size,
      r.backend.replace(/ \(.*/, ''),
      fmt(r.oursMs),
      r.peer,
      fmt(r.peerMs),
      r.ratio === null ? '—' : r.ratio < 0.1 ? r.ratio.toExponential(1) : r.ratio.toFixed(2),
      r.target,
      r.met === null ? '—' : r.met ? 'yes' : 'NO',
      `${r.oursPeakMiB.toFixed(0)} / ${r.peerPeakMiB === null ? '—' : r.peerPeakMiB.toFixed(0)} MiB`,
      r.notes,
    ]),
  );
  const py = machine.pythons.map((p) => `\`${p.path}\`: ${Object.entries(p.versions).filter(([k]) => k !== 'torchThreads').map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; ');
  const head = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}; Node ${machine.node}; ${machine.date.slice(0, 10)}.`,
    `Native backend: ${machine.nativeBackend}.`,
    `Peers: ${py || 'no python3 with numpy/torch found'}.`,
  ];
  return [...head.map((l) => `${l}  `), '', ...lines].join('\n');
}

/** One side of a whole-process row, as ./wholeProcess.ts records it. */
interface ProcessSide {
  readonly label: string;
  readonly wallMs: readonly number[];
  readonly cpuMs: readonly (number | null)[];
  readonly peakRssMiB: number | null;
  readonly error: number | null;
  readonly detail?: string;
}

export interface ProcessTableRow {
  readonly id: string;
  readonly command: string;
  readonly size: string;
  readonly ours: ProcessSide & { readonly backend: string };
  readonly peer: ProcessSide | null;
  readonly speedup: number | null;
  readonly errorMeasure: string;
  readonly target: string;
  readonly met: boolean | null;
  readonly notes: string;
}

const med = (xs: readonly number[]) => {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length === 0 ? NaN : s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const secs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);
const time = (s: ProcessSide) => {
  if (s.wallMs.length === 0) return '—';
  const cpu = s.cpuMs.filter((c): c is number => c !== null);
  return `${secs(med(s.wallMs))}${cpu.length ? ` (${secs(med(cpu))} CPU)` : ''}${s.wallMs.length > 1 ? ` ×${s.wallMs.length}` : ''}`;
};
const mib = (m: number | null) => (m === null ? '—' : `${m.toFixed(0)} MiB`);
const err = (e: number | null) => (e === null ? '—' : e === 0 ? '0' : e.toExponential(1));

const times = (x: number) => `${x.toFixed(x >= 10 ? 0 : 2)}×`;
/** Wall speed-up, and the CPU-time ratio (steadier on a shared machine) when both CPU times are known. */
const speedups = (r: ProcessTableRow) => {
  if (r.speedup === null) return '—';
  const oc = r.ours.cpuMs.filter((c): c is number => c !== null);
  const pc = r.peer?.cpuMs.filter((c): c is number => c !== null) ?? [];
  return `${times(r.speedup)}${oc.length && pc.length ? ` (CPU ${times(med(pc) / med(oc))})` : ''}`;
};

/** The whole-process table: every time with its CPU time and the process's peak memory beside it. */
export function renderProcessTable(rows: readonly ProcessTableRow[]): string {
  const header = ['command', 'size', 'backend', 'ours: wall (CPU)', 'ours: peak RSS', 'peer', 'peer: wall (CPU)', 'peer: peak RSS', 'speed-up: wall (CPU), peer ÷ ours', 'error ours / peer', 'target', 'met', 'notes'];
  const lines = markdownTable(
    header,
    rows.map((r) => [
      r.command,
      r.size,
      r.ours.backend,
      time(r.ours),
      mib(r.ours.peakRssMiB),
      r.peer ? r.peer.label : 'not available here',
      r.peer ? time(r.peer) : '—',
      r.peer ? mib(r.peer.peakRssMiB) : '—',
      speedups(r),
      r.errorMeasure === '—' ? '—' : `${err(r.ours.error)} / ${r.peer ? err(r.peer.error) : '—'}`,
      r.target,
      r.met === null ? '—' : r.met ? 'yes' : 'NO',
      [r.ours.detail ? `ours: ${r.ours.detail}` : '', r.peer?.detail ? `peer: ${r.peer.detail}` : '', r.errorMeasure !== '—' ? `error = ${r.errorMeasure}` : '', r.notes].filter(Boolean).join('; '),
    ]),
  );
  return lines.join('\n');
}
