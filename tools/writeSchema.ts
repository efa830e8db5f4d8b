/** Writes schema/config.schema.json from the zod schemas: `npm run schema`. */
import { writeFileSync } from 'node:fs';
import { configJsonSchema } from '../src/formats/config/jsonSchema.js';

const path = new URL('../schema/config.schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(configJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
