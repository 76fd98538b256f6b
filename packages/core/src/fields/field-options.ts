/**
 * Field options as stored: input from the API, a template or the field editor is filled with the
 * type's defaults, checked against its TypeBox schema, then against the type's own rules
 * (`checkOptions`). Every refusal is INVALID_FIELD_OPTIONS naming the JSON path that is wrong.
 */
import { Value } from '@sinclair/typebox/value';
import { EngineError } from '../errors';
import { assertJsonDepth } from '../json-limits';
import { getFieldType, type FieldOptionsOf, type FieldTypeKey } from './registry';

/** `/choices/2/name` → `options.choices[2].name`. */
export function pointerToPath(base: string, pointer: string): string {
  if (pointer === '') return base;
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'))
    .reduce((path, segment) => (/^\d+$/.test(segment) ? `${path}[${segment}]` : `${path}.${segment}`), base);
}

/** TypeBox says "Expected union value" for an enum of literals; name the allowed values instead. */
function describeSchemaError(schema: unknown, message: string): string {
  const anyOf = (schema as { anyOf?: Array<{ const?: unknown }> }).anyOf;
  if (!anyOf || !anyOf.every((member) => member.const !== undefined)) return message;
  return `expected one of ${anyOf.map((member) => JSON.stringify(member.const)).join(', ')}`;
}

/**
 * Returns complete, valid options of field type `type` from `input` (undefined or null meaning
 * all defaults). Never mutates `input`. `path` names the options in error messages and details.
 * @throws EngineError INVALID_FIELD_OPTIONS with `details.path`, or VALIDATION_FAILED for an unknown type.
 */
export function normalizeFieldOptions<K extends FieldTypeKey>(type: K, input: unknown, path?: string): FieldOptionsOf<K>;
export function normalizeFieldOptions(type: string, input: unknown, path?: string): Record<string, unknown>;
export function normalizeFieldOptions(type: string, input: unknown, path = 'options'): Record<string, unknown> {
  const definition = getFieldType(type);
  assertJsonDepth(input, path);
  const raw = input === undefined || input === null ? {} : input;
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    throw new EngineError('INVALID_FIELD_OPTIONS', `${path} of a ${type} field must be an object`, { path, type });
  }
  const schema = definition.optionsSchema;
  const filled: unknown = Value.Default(schema, Value.Clone(raw));
  const error = Value.Errors(schema, filled).First();
  if (error) {
    const errorPath = pointerToPath(path, error.path);
    throw new EngineError('INVALID_FIELD_OPTIONS', `${errorPath} of a ${type} field: ${describeSchemaError(error.schema, error.message)}`, {
      path: errorPath,
      type,
    });
  }
  if (!definition.checkOptions) return filled as Record<string, unknown>;
  const checked = definition.checkOptions(filled);
  if (!checked.ok) {
    const errorPath = checked.path === '' ? path : `${path}.${checked.path}`;
    throw new EngineError('INVALID_FIELD_OPTIONS', `${errorPath} of a ${type} field: ${checked.reason}`, {
      path: errorPath,
      type,
    });
  }
  return checked.options as Record<string, unknown>;
}
