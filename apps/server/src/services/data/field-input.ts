/**
 * Validates a field definition from the API (name, type, options) with core before anything
 * is written, naming the JSON path of the problem (`fields[2].options.choices[0].name`).
 */
import { EngineError, isFieldTypeKey, normalizeFieldOptions, type FieldTypeKey } from '@multitable/core';

export interface FieldDefinitionInput {
  name: string;
  type: string;
  options?: Record<string, unknown>;
  description?: string;
}

export interface CheckedFieldDefinition {
  name: string;
  type: FieldTypeKey;
  options: Record<string, unknown>;
  description: string;
}

export function checkFieldName(name: string, path: string): string {
  if (name.trim() === '') throw new EngineError('VALIDATION_FAILED', `${path} must not be blank`, { path });
  if (/[\u0000-\u001f\u007f]/.test(name)) throw new EngineError('VALIDATION_FAILED', `${path} must not contain control characters`, { path });
  return name;
}

export function checkFieldType(type: string, path: string): FieldTypeKey {
  if (!isFieldTypeKey(type)) throw new EngineError('VALIDATION_FAILED', `Unknown field type "${type}" at ${path}`, { path, type });
  return type;
}

export function checkFieldDefinition(input: FieldDefinitionInput, path: string): CheckedFieldDefinition {
  const type = checkFieldType(input.type, `${path}.type`);
  return {
    name: checkFieldName(input.name, `${path}.name`),
    type,
    options: normalizeFieldOptions(type, input.options ?? {}, `${path}.options`) as Record<string, unknown>,
    description: input.description ?? '',
  };
}

/** Refuses two definitions with the same name in one request. */
export function checkDistinctNames(definitions: readonly { name: string }[], path: string): void {
  const seen = new Set<string>();
  definitions.forEach((definition, index) => {
    if (seen.has(definition.name)) {
      throw new EngineError('NAME_TAKEN', `The field name "${definition.name}" is used twice`, { path: `${path}[${index}].name` });
    }
    seen.add(definition.name);
  });
}
