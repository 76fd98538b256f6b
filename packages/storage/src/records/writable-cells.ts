/**
 * Turns `values` keyed by field id into column writes. Values are canonical already (core cast
 * them); here a key must name a field of the table that owns a column. System-backed fields
 * (auto number, created / modified time / by) are READ_ONLY_FIELD. Computed fields that own a
 * column are writable here on purpose: the engine materializes them through this path.
 */
import { EngineError, type Field, type StorageKind } from '@multitable/core';
import type { SqlDialect } from '../dialects/dialect';
import { fieldPlacement } from '../physical/field-storage';

export interface WritableColumn {
  field: Field;
  column: string;
  kind: StorageKind;
}

export function writableColumn(fields: readonly Field[], fieldId: string, recordId?: string): WritableColumn {
  const field = fields.find((f) => f.id === fieldId);
  const where = recordId ? { record: recordId } : {};
  if (!field) throw new EngineError('UNKNOWN_FIELD', `No field "${fieldId}" in this table`, { field: fieldId, ...where });
  const placement = fieldPlacement(field);
  if (!placement.own) {
    throw new EngineError('READ_ONLY_FIELD', `The field "${field.name}" is kept by the system and cannot be written`, {
      field: fieldId,
      ...where,
    });
  }
  return { field, column: placement.column, kind: placement.kind };
}

/** Encoded parameter for a canonical value (`undefined` is an empty cell). */
export function encodeCell(dialect: SqlDialect, kind: StorageKind, value: unknown): unknown {
  return dialect.encode(kind, value === undefined ? null : value);
}
