/**
 * What a subject did when it stopped speaking the protocol: crashed, hung, wrote something
 * that is not an answer, or overflowed the size limit. Any of these ends a conformance run
 * (the answer stream can no longer be trusted to be in step) and is reported as a failure
 * naming what happened — never a hang of the suite, never a stack trace.
 *
 * A wrong answer in the right form (wrong length, an {"error"} answer, non-finite values) is
 * not a SubjectFailure: the subject is still in step, and the case fails and shrinks like any
 * other wrong answer (see parseAnswer.ts).
 */
export type SubjectFailureKind = 'crash' | 'timeout' | 'protocol' | 'oversize' | 'not-found';

export class SubjectFailure extends Error {
  constructor(
    readonly kind: SubjectFailureKind,
    message: string,
  ) {
    super(message);
    this.name = 'SubjectFailure';
  }
}
