/**
 * The published JSON Schema of every configuration form (schema/config.schema.json), generated
 * from the zod schemas so it cannot drift: editors validate a config through its "$schema" key.
 * Cross-field rules (shapes that must chain, unit indices < Nh) are not expressible in JSON
 * Schema and are checked by parseConfig only; the schema says so in its description.
 */
import { z } from 'zod';
import { ACTIVATION_NAMES, activation } from './fieldSchemas.js';
import { configForms, formName } from './parseConfig.js';

const ACTIVATION_JSON = {
  description: 'Hidden activation g: a name, or {"polynomial": [c0, c1, …, ck]} for g(z) = Σ c_d z^d (ck ≠ 0, k ≤ 6).',
  anyOf: [
    { type: 'string', enum: [...ACTIVATION_NAMES] },
    { type: 'object', properties: { polynomial: { type: 'array', items: { type: 'number' }, minItems: 2, maxItems: 7 } }, required: ['polynomial'], additionalProperties: false },
  ],
};

export function configJsonSchema(): Record<string, unknown> {
  const forms = configForms();
  const union = z.union(forms.map((f) => f.schema) as unknown as [z.ZodType, z.ZodType, ...z.ZodType[]]);
  const generated = z.toJSONSchema(union, {
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema === (activation as unknown)) {
        for (const k of Object.keys(ctx.jsonSchema)) delete (ctx.jsonSchema as Record<string, unknown>)[k];
        Object.assign(ctx.jsonSchema, ACTIVATION_JSON);
      }
    },
  }) as Record<string, unknown>;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://github.com/hessian-conformance/hessian-conformance/schema/config.schema.json',
    title: 'hessian-conformance configuration',
    description: `One of ${forms.map(formName).join(', ')} (README "Configurations", "Your own network"). Generated from src/formats/config by \`npm run schema\`; shapes that must chain across fields are checked by the CLI, not by this schema.`,
    anyOf: generated.anyOf,
  };
}
