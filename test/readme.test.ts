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
  it('quick start is two commands, and the example config it names exists', () => {
    const block = readme.split('## Quick start')[1].split('```sh')[1].split('```')[0].trim().split('\n');
    expect(block).toHaveLength(2);
    const cfg = /cli -- spectrum (\S+)/.exec(block[0])?.[1];
    expect(cfg && existsSync(new URL(`../${cfg}`, import.meta.url))).toBe(true);
    expect(block[1]).toBe('npx vitest run');
  });
});
