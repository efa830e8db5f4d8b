/**
 * One conversation with a subject: describe once, then compute requests with increasing ids,
 * each held to its time and size limits and parsed against the protocol. A SubjectFailure
 * (crash, hang, out of step) ends the session; a wrong answer in step does not.
 */
import type { DescribeAnswer } from '../protocol/messages.js';
import type { ModelJson } from '../protocol/modelSchemas.js';
import { answerByteLimit, parseComputeAnswer, parseDescribeAnswer, type ComputeAnswer } from '../protocol/parseAnswer.js';
import type { Op } from '../protocol/vocabulary.js';
import { SubjectProcess, type SubjectProcessOptions } from '../process/subjectProcess.js';

/** Bytes a describe answer may take (names and lists are short). */
export const DESCRIBE_MAX_BYTES = 64 * 1024;

export interface SessionTimeouts {
  /** Time limit for the describe answer (includes the subject's start-up: imports, JIT). */
  readonly startupMs: number;
  /** Time limit for every other answer. */
  readonly requestMs: number;
}

export interface ComputeCall {
  readonly op: Op;
  readonly model: ModelJson;
  readonly P: number;
  readonly v?: Float64Array;
  readonly k?: number;
}

export class SubjectSession {
  private nextId = 1;
  private constructor(
    private readonly proc: SubjectProcess,
    readonly description: DescribeAnswer,
    private readonly timeouts: SessionTimeouts,
  ) {}

  static async open(command: string, timeouts: SessionTimeouts, opts: SubjectProcessOptions = {}): Promise<SubjectSession> {
    const proc = new SubjectProcess(command, opts);
    try {
      const line = await proc.request(JSON.stringify({ id: 0, op: 'describe' }), { timeoutMs: timeouts.startupMs, maxBytes: DESCRIBE_MAX_BYTES, label: 'request 0 (describe)' });
      return new SubjectSession(proc, parseDescribeAnswer(line, 0), timeouts);
    } catch (e) {
      await proc.close();
      throw e;
    }
  }

  async compute(call: ComputeCall): Promise<ComputeAnswer> {
    const id = this.nextId++;
    const request: Record<string, unknown> = { id, op: call.op, model: call.model };
    if (call.op === 'hvp') request.v = Array.from(call.v as Float64Array);
    if (call.op === 'top-eigenvalues') request.k = call.k;
    const expect = { id, op: call.op, P: call.P, k: call.k };
    const line = await this.proc.request(JSON.stringify(request), {
      timeoutMs: this.timeouts.requestMs,
      maxBytes: answerByteLimit(expect),
      label: `request ${id} (${call.op}, ${call.model.family}, P = ${call.P})`,
    });
    return parseComputeAnswer(line, expect);
  }

  close(): Promise<void> {
    return this.proc.close();
  }
}
