import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLAIMS } from '../theory/claims.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

describe('README stays true', () => {
  it('lists every implemented claim with the file that tests it, and that file exists', () => {
    for (const c of CLAIMS) {
      expect(readme).toContain(`| ${c.id} |`);
      expect(readme).toContain(`\`${c.testedIn}\``);
      expect(existsSync(new URL(`../${c.testedIn}`, import.meta.url))).toBe(true);
    }
  });
  it('quick start is two commands: install and run the conformance report, then every test', () => {
    const block = readme.split('## Quick start')[1].split('```sh')[1].split('```')[0].trim().split('\n');
    expect(block).toEqual(['npm ci && npm run report', 'npx vitest run']);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
    expect(pkg.scripts.report).toBe('tsx cli/main.ts report');
  });
  it('the conformance report section names every flag the report command accepts', async () => {
    const section = readme.split('## Conformance report')[1].split('\n## ')[0];
    const { reportCommand } = await import('../cli/commands/report.js');
    for (const o of [...(reportCommand.flags ?? []), ...(reportCommand.options ?? [])]) expect(section, o.name).toContain(`--${o.name}`);
    for (const sub of ['merge', 'from-vitest', '--shard', '--merge-reports', 'Vega-Lite']) expect(section).toContain(sub);
  });
});
