/** Messages between the report (parallel.ts) and its --jobs workers (worker.ts). */
import type { PropertyRecord } from '../types.js';

export type WorkerRequest = { readonly hcStop?: false; readonly index: number; readonly claim: string; readonly name: string; readonly seed: number } | { readonly hcStop: true };

export type WorkerReply = { readonly hcReady: true } | { readonly hcRecord: PropertyRecord } | { readonly hcError: string };
