/**
 * C4's properties (long-time learning): one per file under ./C4/ (index.ts lists them, checks.ts
 * holds the shared check code). This file names them for the registry and for
 * docs/theory.md#c4, which cites it.
 */
export * from './C4/index.js';
