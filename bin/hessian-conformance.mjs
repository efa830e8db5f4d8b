#!/usr/bin/env node
// Package bin: runs the compiled command line (dist/, built by `npm ci` through the "prepare"
// script), so no TypeScript is compiled per call. For development, `npm run cli -- …` runs the
// TypeScript sources through tsx.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  process.stderr.write('hessian-conformance: dist/ is missing; run `npm run build` (npm ci does it) and try again\n');
  process.exit(2);
}
const { main } = await import(entry.href);
for (const s of [process.stdout, process.stderr]) s.on('error', (e) => (e.code === 'EPIPE' ? process.exit(process.exitCode ?? 0) : undefined));
process.exitCode = await main(process.argv.slice(2));
