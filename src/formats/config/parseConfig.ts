/**
 * Parsing a configuration from outside (a JSON file, an inline object, another program's
 * message) into a typed, consistent value — the one place configurations are validated.
 *
 * Order of checks, so the first error is the most useful one:
 *  1. an object with a known "family" (a misspelt family gets "did you mean");
 *  2. the form: explicit fields (W, a, X, layers, student) and generated fields (Ni, Nh, N,
 *     seed, …) do not mix — a mix used to drop the explicit weights silently;
 *  3. unknown keys: "did you mean" the closest key of the form, or "does not apply" when the key
 *     belongs to another family or form;
 *  4. the form's schema (types, ranges, shapes that must chain).
 * Every failure is a ConfigError: one line naming the field (JSON path) and the fix.
 * Families: two-layer and deep-linear (teacher–student, two forms each) and mlp (a trained
 * model with its data: mlpSchema.ts).
 */
import type { z } from 'zod';
import { ConfigError } from '../../config/configError.js';
import { closest } from './didYouMean.js';
import { fixFor } from './configFixes.js';
import {
  EXPLICIT_KEYS,
  ExplicitDeepLinearSchema,
  ExplicitTwoLayerSchema,
  GENERATED_KEYS,
  GeneratedDeepLinearSchema,
  GeneratedTwoLayerSchema,
  type ExplicitDeepLinearConfig,
  type ExplicitTwoLayerConfig,
  type GeneratedDeepLinearConfig,
  type GeneratedTwoLayerConfig,
} from './teacherStudentSchemas.js';
import { MLP_FIXES, MLP_KEY_HINTS, MlpConfigSchema, type MlpConfig } from './mlpSchema.js';

export type TeacherStudentConfig = ExplicitTwoLayerConfig | GeneratedTwoLayerConfig | ExplicitDeepLinearConfig | GeneratedDeepLinearConfig;
/** Every configuration parseConfig returns. */
export type AnyConfig = TeacherStudentConfig | MlpConfig;
export type { MlpConfig };

export interface ConfigForm {
  readonly family: string;
  readonly form: 'explicit' | 'generated' | 'model';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  readonly schema: z.ZodType<any>;
  /** The keys this form accepts (for suggestions). */
  readonly keys: readonly string[];
  /** Fix text by field (dotted path or last key), consulted before configFixes.ts. */
  readonly fixes?: Readonly<Record<string, string>>;
  /** Keys that are not fields of this form but a common slip, with where they belong. */
  readonly keyHints?: Readonly<Record<string, string>>;
}

function keysOf(schema: z.ZodType): string[] {
  // Every form is a (refined) strictObject; its shape lists the keys.
  const def = (schema as unknown as { def?: { shape?: Record<string, unknown>; in?: unknown; schema?: unknown } }).def;
  const shape = (def?.shape ?? (schema as unknown as { shape?: Record<string, unknown> }).shape) as Record<string, unknown> | undefined;
  return shape ? Object.keys(shape) : [];
}

const TEACHER_STUDENT_FORMS: readonly ConfigForm[] = [
  { family: 'two-layer', form: 'explicit', schema: ExplicitTwoLayerSchema, keys: keysOf(ExplicitTwoLayerSchema) },
  { family: 'two-layer', form: 'generated', schema: GeneratedTwoLayerSchema, keys: keysOf(GeneratedTwoLayerSchema) },
  { family: 'deep-linear', form: 'explicit', schema: ExplicitDeepLinearSchema, keys: keysOf(ExplicitDeepLinearSchema) },
  { family: 'deep-linear', form: 'generated', schema: GeneratedDeepLinearSchema, keys: keysOf(GeneratedDeepLinearSchema) },
];

const MLP_FORM: ConfigForm = { family: 'mlp', form: 'model', schema: MlpConfigSchema, keys: keysOf(MlpConfigSchema), fixes: MLP_FIXES, keyHints: MLP_KEY_HINTS };

/** Every configuration form the parser accepts (README "Configurations"). */
export function configForms(): readonly ConfigForm[] {
  return [...TEACHER_STUDENT_FORMS, MLP_FORM];
}

/** "generated two-layer configuration", "mlp configuration". */
export function formName(form: ConfigForm): string {
  return form.form === 'model' ? form.family : `${form.form} ${form.family}`;
}

function formFix(form: ConfigForm, path: ReadonlyArray<PropertyKey>): string {
  const keys = path.filter((p): p is string => typeof p === 'string');
  if (form.fixes) {
    const dotted = keys.join('.');
    if (form.fixes[dotted]) return form.fixes[dotted];
    for (let i = keys.length - 1; i >= 0; i--) if (form.fixes[keys[i]]) return form.fixes[keys[i]];
  }
  return fixFor(path);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (typeof v === 'number' && !Number.isFinite(v)) return `${v} (JSON numbers must be finite; 1e400 overflows)`;
  const s = JSON.stringify(v);
  return s === undefined ? String(v) : s.length > 40 ? `${s.slice(0, 37)}...` : s;
}

function pathText(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'config';
}

function chooseForm(cfg: Record<string, unknown>, family: string, forms: readonly ConfigForm[]): ConfigForm {
  const ofFamily = forms.filter((f) => f.family === family);
  if (ofFamily.length === 1) return ofFamily[0];
  const explicit = EXPLICIT_KEYS.filter((k) => k in cfg);
  const generated = GENERATED_KEYS.filter((k) => k in cfg);
  if (explicit.length && generated.length) {
    throw new ConfigError(
      generated[0],
      `explicit fields (${explicit.join(', ')}) and generated fields (${generated.join(', ')}) do not mix`,
      `give either the weights and data (${family === 'two-layer' ? 'W, a, X' : 'layers, X'}) or the sizes and a seed (Ni, Nh, N, seed), not both`,
    );
  }
  return ofFamily.find((f) => f.form === (explicit.length ? 'explicit' : 'generated'))!;
}

function unknownKeyError(key: string, form: ConfigForm, forms: readonly ConfigForm[]): ConfigError {
  const name = formName(form);
  const article = /^(mlp|[aeiou])/.test(name) ? 'an' : 'a';
  const hint = form.keyHints && Object.hasOwn(form.keyHints, key) ? form.keyHints[key] : null;
  if (hint) return new ConfigError(key, `is not a field of ${article} ${name} configuration`, hint);
  const suggestion = closest(key, form.keys.filter((k) => k !== '$schema'));
  if (suggestion) return new ConfigError(key, `is not a field of ${article} ${name} configuration (did you mean "${suggestion}"?)`, `rename it to "${suggestion}"`);
  const elsewhere = forms.filter((f) => f !== form && f.keys.includes(key));
  if (elsewhere.length) {
    const where = elsewhere.map(formName).join(', ');
    return new ConfigError(key, `does not apply to ${article} ${name} configuration (it belongs to: ${where})`, 'remove it');
  }
  return new ConfigError(key, `is not a field of ${article} ${name} configuration`, `remove it; fields are ${form.keys.filter((k) => k !== '$schema').join(', ')}`);
}

/** Parses a configuration; throws ConfigError (one line: field, problem, fix). */
export function parseConfig(raw: unknown): AnyConfig {
  const forms = configForms();
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw new ConfigError('config', `must be a JSON object, got ${describe(raw)}`, 'see README "Configurations" for the forms');
  const cfg = raw as Record<string, unknown>;
  const families = [...new Set(forms.map((f) => f.family))];
  if (!('family' in cfg)) throw new ConfigError('family', 'is missing', `set "family" to one of ${families.map((f) => `"${f}"`).join(', ')}`);
  if (typeof cfg.family !== 'string' || !families.includes(cfg.family)) {
    const s = typeof cfg.family === 'string' ? closest(cfg.family, families) : null;
    throw new ConfigError('family', `must be one of ${families.map((f) => `"${f}"`).join(', ')}, got ${describe(cfg.family)}${s ? ` (did you mean "${s}"?)` : ''}`, s ? `write "${s}"` : 'set it to one of them');
  }
  const form = chooseForm(cfg, cfg.family, forms);
  for (const key of Object.keys(cfg)) if (!form.keys.includes(key)) throw unknownKeyError(key, form, forms);
  const parsed = form.schema.safeParse(cfg);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue.path as PropertyKey[];
  if (issue.code === 'unrecognized_keys') {
    const key = (issue as { keys: string[] }).keys[0];
    const field = pathText([...path, key]);
    throw new ConfigError(field, 'is not a known field here', 'remove it');
  }
  const field = pathText(path);
  const value = path.reduce<unknown>((v, p) => (v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined), cfg);
  if (value === undefined && (issue.code === 'invalid_type' || (issue.code === 'invalid_union' && form.fixes))) throw new ConfigError(field, 'is missing', formFix(form, path));
  // Messages that already quote the value ("…; got x") are not repeated.
  const got = issue.code === 'custom' || /; got /.test(issue.message) ? '' : `, got ${describe(value)}`;
  // A custom issue may carry its own fix (params.fix) when the field's generic hint does not fit.
  const own = issue.code === 'custom' ? (issue as { params?: { fix?: unknown } }).params?.fix : undefined;
  throw new ConfigError(field, `${issue.message}${got}`, typeof own === 'string' ? own : formFix(form, path));
}
