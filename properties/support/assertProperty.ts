/** vitest glue: run a definition and fail with the replay text. */
import { expect } from 'vitest';
import type { PropertyDefinition } from './propertyDefinition.js';
import { describeFailure, optionsFromEnv, runProperty, type PropertyResult } from './runProperty.js';

export async function assertProperty<C>(def: PropertyDefinition<C>, testFile: string): Promise<PropertyResult> {
  const result = await runProperty(def, { ...optionsFromEnv(), testFile });
  if (result.failure) expect.fail(describeFailure(result));
  expect(result.cases.length).toBeGreaterThan(0);
  const fraction = result.inconclusive / result.cases.length;
  expect(
    fraction,
    `${result.inconclusive} of ${result.cases.length} cases were inconclusive (allowed ${result.maxInconclusiveFraction}); first: ${JSON.stringify(result.cases.find((c) => c.inconclusive)?.config)}`,
  ).toBeLessThanOrEqual(result.maxInconclusiveFraction);
  return result;
}
