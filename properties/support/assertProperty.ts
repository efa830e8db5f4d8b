/** vitest glue: run a definition and fail with the replay text. */
import { expect } from 'vitest';
import type { PropertyDefinition } from './propertyDefinition.js';
import { describeFailure, optionsFromEnv, runProperty, type PropertyResult } from './runProperty.js';

export async function assertProperty<C>(def: PropertyDefinition<C>, testFile: string): Promise<PropertyResult> {
  const result = await runProperty(def, { ...optionsFromEnv(), testFile });
  if (result.failure) expect.fail(describeFailure(result));
  expect(result.cases.length).toBeGreaterThan(0);
  return result;
}
