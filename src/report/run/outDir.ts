/**
 * Default report folder: reports/<date>-seed<seed> (a range: seed<a>-<b>), with -part<i>of<n>
 * for a partition — so runs on different days or seeds never overwrite each other, and the
 * merge of a run's partitions lands where the single run would have.
 */
import { join } from 'node:path';

export const REPORTS_DIR = 'reports';

export function defaultOutDir(generatedAt: string, seeds: readonly number[], partition: { index: number; count: number } | null, root = process.cwd()): string {
  const date = generatedAt.slice(0, 10);
  const seed = seeds.length === 1 ? `${seeds[0]}` : `${seeds[0]}-${seeds[seeds.length - 1]}`;
  return join(root, REPORTS_DIR, `${date}-seed${seed}${partition ? `-part${partition.index}of${partition.count}` : ''}`);
}
