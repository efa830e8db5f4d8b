/**
 * vitest glue: run a definition under the settings of this vitest run (settingsFromEnv),
 * attach its evidence to the test, and fail with the replay text.
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
import type { AnyPropertyDefinition, PropertyDefinition } from '../../src/harness/propertyDefinition.js';
import { describeFailure, runProperty, type PropertyResult } from '../../src/harness/runProperty.js';
import { toRecord } from '../../src/report/assemble/toRecord.js';
import { unitSummaryLine } from '../../src/report/assemble/unitSummary.js';
import { META_KEY } from '../../src/report/inputs/metaKey.js';
import type { PropertyRecord } from '../../src/report/types.js';
import { CLAIM_CATALOGUE } from '../catalogue.js';
import { PROPERTY_REGISTRY } from '../registry.js';
import { settingsFromEnv } from './settingsFromEnv.js';

declare module 'vitest' {
  interface TaskMeta {
    /** The property's evidence, as stored in conformance.json (src/report/types.ts). */
    hcProperty?: PropertyRecord;
  }
}

/** Position in the registry (orders units in a report); −1 for a definition not registered yet. */
function registryIndex(def: AnyPropertyDefinition): number {
  const i = PROPERTY_REGISTRY.indexOf(def);
  return i >= 0 ? i : PROPERTY_REGISTRY.findIndex((d) => d.claim === def.claim && d.name === def.name);
}

async function attachEvidence(context: TestContext, record: PropertyRecord): Promise<void> {
  context.task.meta[META_KEY] = record;
  await context.annotate(unitSummaryLine(record, CLAIM_CATALOGUE), 'evidence', {
    contentType: 'application/json',
    body: JSON.stringify(record),
    bodyEncoding: 'utf-8',
  });
}

export async function assertProperty<C, E>(def: PropertyDefinition<C, E>, testFile: string, context?: TestContext): Promise<PropertyResult<C, E>> {
  const settings = settingsFromEnv();
  const result = await runProperty(def, settings, { testFile });
  // Always through toRecord: it checks every case's evidence against the claim's schema.
  const evidence = CLAIM_CATALOGUE.find((c) => c.meta.id === def.claim)?.evidence;
  const record = toRecord(def, result as PropertyResult, { index: registryIndex(def), runsScale: settings.runsScale, sizeTier: settings.sizeTier, testFile, evidence });
  if (context) await attachEvidence(context, record);
  if (result.failure) expect.fail(describeFailure(result as PropertyResult));
  expect(result.cases.length).toBeGreaterThan(0);
  const fraction = result.inconclusive / result.cases.length;
  expect(
    fraction,
    `${result.inconclusive} of ${result.cases.length} cases were inconclusive (allowed ${result.maxInconclusiveFraction}); first: ${JSON.stringify(result.cases.find((c) => c.inconclusive)?.config)}`,
  ).toBeLessThanOrEqual(result.maxInconclusiveFraction);
  return result;
}
