/**
 * Turns the `fields` objects of an API batch into canonical values keyed by field id, with
 * core's field types, before anything is written. The whole batch is checked first: the first
 * bad cell throws, naming the record (index and id), the field and the JSON path, so a batch
 * with one bad record writes nothing. Typecast may extend a select's choices; the extended
 * options carry over to later records of the batch and are returned for the caller to save.
 */
import { EngineError } from '../errors';
import type { Field } from '../fields/field';
import type { CastContext } from '../fields/field-type';
import { getFieldType } from '../fields/registry';
import type { FieldIndex } from './field-index';

export interface RecordInput {
  /** Present on updates (and on creates with a client-generated id). */
  id?: string;
  fields: unknown;
}

export interface CastRecord {
  id?: string;
  values: Record<string, unknown>;
}

export interface CastBatch {
  records: CastRecord[];
  /** Fields whose options the batch extended (typecast added choices), by field id. */
  changedOptions: Map<string, Record<string, unknown>>;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `path` names the batch in error paths (`records[3].fields.Name`); a single-record request,
 * whose body is `{ fields }`, passes `null` so errors name `fields.Name`.
 */
export function castRecordBatch(
  index: FieldIndex,
  records: readonly RecordInput[],
  ctx: CastContext,
  path: string | null = 'records',
): CastBatch {
  const changedOptions = new Map<string, Record<string, unknown>>();
  const optionsOf = (field: Field) => changedOptions.get(field.id) ?? field.options;

  const cast = records.map((record, recordIndex) => {
    const recordPath = path === null ? 'fields' : `${path}[${recordIndex}].fields`;
    if (!isPlainObject(record.fields)) {
      throw new EngineError('VALIDATION_FAILED', `${recordPath} must be an object of field values`, {
        path: recordPath,
        record: record.id ?? recordIndex,
      });
    }
    const values: Record<string, unknown> = {};
    for (const [key, input] of Object.entries(record.fields)) {
      const cellPath = `${recordPath}.${key}`;
      const field = index.get(key, cellPath);
      if (Object.hasOwn(values, field.id)) {
        throw new EngineError('VALIDATION_FAILED', `Field "${field.name}" is given twice (by name and by id) at ${recordPath}`, {
          path: cellPath,
          field: field.name,
          record: record.id ?? recordIndex,
        });
      }
      const type = getFieldType(field.type);
      if (!type.writable) {
        throw new EngineError('READ_ONLY_FIELD', `Field "${field.name}" is computed and cannot be written`, {
          path: cellPath,
          field: field.name,
          record: record.id ?? recordIndex,
        });
      }
      const result = type.cast(input, optionsOf(field), ctx);
      if (!result.ok) {
        const where = path === null ? 'the record' : `${path}[${recordIndex}]`;
        throw new EngineError('INVALID_CELL_VALUE', `Invalid value for field "${field.name}" in ${where}: ${result.reason}`, {
          path: cellPath,
          field: field.name,
          record: record.id ?? recordIndex,
          reason: result.reason,
        });
      }
      if (result.options) changedOptions.set(field.id, result.options as Record<string, unknown>);
      values[field.id] = result.value;
    }
    return record.id === undefined ? { values } : { id: record.id, values };
  });

  return { records: cast, changedOptions };
}
