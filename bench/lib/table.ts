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

export function renderTable(machine: Machine, rows: readonly Row[]): string {
  const header = ['operation', 'size', 'backend', 'median', 'peer', "peer's median", 'ours/peer', 'target', 'met', 'peak RSS ours / peer', 'notes'];
  const lines = [
    `| ${header.join(' | ')} |`,
    `|${header.map(() => '---').join('|')}|`,
    ...rows.map(
      (r) =>
        `| ${[
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
        ]
          .map(cell)
          .join(' | ')} |`,
    ),
  ];
  const py = machine.pythons.map((p) => `\`${p.path}\`: ${Object.entries(p.versions).filter(([k]) => k !== 'torchThreads').map(([k, v]) => `${k} ${v}`).join(', ')}`).join('; ');
  const head = [
    `Machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB, ${machine.platform}; Node ${machine.node}; ${machine.date.slice(0, 10)}.`,
    `Native backend: ${machine.nativeBackend}.`,
    `Peers: ${py || 'no python3 with numpy/torch found'}.`,
  ];
  return [...head.map((l) => `${l}  `), '', ...lines].join('\n');
}
