/**
 * vitest glue: run a definition, attach its evidence to the test, and fail with the replay
 * text.
 *
 * Evidence goes to the test two ways (pass the test's context to get them):
 *  - task.meta.hcProperty = the PropertyRecord (every case's config and evidence, the
 *    verdict, the failure). vitest's JSON reporter (and the blob reporter of --shard runs)
 *    carries task.meta, so `npm run report -- from-vitest <results.json>` rebuilds the
 *    conformance report from a vitest run — the same record the report itself stores.
 *  - an annotation (context.annotate) with a one-line summary and the record as a JSON
 *    attachment: reporters show it (JUnit writes it as a <property>, the HTML reporter of
 *    @vitest/ui lists it with the attachment under the test).
 */
import { expect, type TestContext } from 'vitest';
import type { PropertyRecord } from '../../src/report/types.js';
import { unitSummaryLine } from '../report/unitSummary.js';
import { META_KEY } from '../report/metaKey.js';
import { toRecord } from '../report/toRecord.js';
import { PROPERTY_REGISTRY } from '../registry.js';
import type { PropertyDefinition } from './propertyDefinition.js';
import { describeFailure, optionsFromEnv, runProperty, type PropertyResult } from './runProperty.js';

declare module 'vitest' {
  interface TaskMeta {
    /** The property's evidence, as stored in conformance.json (see properties/report/). */
    hcProperty?: PropertyRecord;
  }
}

/** Position in the registry (orders units in a report); −1 for a definition not registered yet. */
function registryIndex(def: PropertyDefinition<any>): number {
  const i = PROPERTY_REGISTRY.indexOf(def);
  return i >= 0 ? i : PROPERTY_REGISTRY.findIndex((d) => d.claim === def.claim && d.name === def.name);
}

async function attachEvidence(context: TestContext, record: PropertyRecord): Promise<void> {
  context.task.meta[META_KEY] = record;
  await context.annotate(unitSummaryLine(record), 'evidence', {
    contentType: 'application/json',
    body: JSON.stringify(record),
    bodyEncoding: 'utf-8',
  });
}

export async function assertProperty<C>(def: PropertyDefinition<C>, testFile: string, context?: TestContext): Promise<PropertyResult> {
  const options = { ...optionsFromEnv(), testFile };
  const result = await runProperty(def, options);
  if (context) await attachEvidence(context, toRecord(def, result, registryIndex(def), options.runsScale ?? 1, testFile));
  if (result.failure) expect.fail(describeFailure(result));
  expect(result.cases.length).toBeGreaterThan(0);
  const fraction = result.inconclusive / result.cases.length;
  expect(
    fraction,
    `${result.inconclusive} of ${result.cases.length} cases were inconclusive (allowed ${result.maxInconclusiveFraction}); first: ${JSON.stringify(result.cases.find((c) => c.inconclusive)?.config)}`,
  ).toBeLessThanOrEqual(result.maxInconclusiveFraction);
  return result;
}
