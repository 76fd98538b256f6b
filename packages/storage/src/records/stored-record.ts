/**
 * A record as storage hands it back: system columns plus canonical cell values keyed by field
 * id, decoded with the dialect. Fields backed by a system column (auto number, created /
 * modified time / by) read that column. Empty cells are `null`. A computed cell holding an error
 * value `{ error, reason }` reads it from the field's error column.
 */
import { EngineError, type Field, type SystemColumn } from '@multitable/core';
import type { SqlDialect } from '../dialects/dialect';
import { fieldPlacement } from '../physical/field-storage';
import { recordIdColumn, rowOrderColumn, systemColumns, versionColumn } from '../physical/naming';

export interface StoredRecord {
  id: string;
  autoNumber: number;
  /** Fractional-indexing key of the record's place in the default order. */
  rowOrder: string;
  /** ISO-8601 UTC instants. */
  createdTime: string;
  modifiedTime: string;
  /** User ids. */
  createdBy: string;
  modifiedBy: string;
  /** 1 on insert, +1 on every update that changed a cell. */
  version: number;
  /** Canonical value per field id; null for an empty cell. */
  values: Record<string, unknown>;
}

/** The user who makes a change. */
export interface Actor {
  userId: string;
}

/** Columns every row has, in the order `SELECT` lists them. */
export const systemColumnList: readonly string[] = [
  recordIdColumn,
  systemColumns.autoNumber,
  rowOrderColumn,
  systemColumns.createdTime,
  systemColumns.modifiedTime,
  systemColumns.createdBy,
  systemColumns.modifiedBy,
  versionColumn,
];

// pg returns BIGINT as text; SQLite may hand back bigint. System values are numbers or text.
const systemValueDecoders: Readonly<Record<SystemColumn, (raw: unknown) => unknown>> = {
  autoNumber: (raw) => Number(raw),
  createdTime: String,
  modifiedTime: String,
  createdBy: String,
  modifiedBy: String,
};

/** Canonical value of `field` in a raw row (own column decoded by kind, or the system column). */
export function cellValue(dialect: SqlDialect, field: Field, row: Readonly<Record<string, unknown>>): unknown {
  return cellReader(dialect, field)(row);
}

/**
 * `cellValue` of one field, with the field's placement worked out once: for decoding the same
 * field in many rows (a page of a fill).
 */
export function cellReader(dialect: SqlDialect, field: Field): (row: Readonly<Record<string, unknown>>) => unknown {
  const placement = fieldPlacement(field);
  const column = placement.column;
  if (!placement.own) {
    const decode = systemValueDecoders[placement.system];
    return (row) => {
      const raw = row[column];
      return raw === null || raw === undefined ? null : decode(raw);
    };
  }
  const { kind, errorColumn } = placement;
  if (!errorColumn) return (row) => dialect.decode(kind, row[column]);
  return (row) => {
    const error = row[errorColumn];
    if (error !== null && error !== undefined) return dialect.decode('json', error);
    return dialect.decode(kind, row[column]);
  };
}

export function decodeRecord(dialect: SqlDialect, fields: readonly Field[], row: Readonly<Record<string, unknown>>): StoredRecord {
  return recordDecoder(dialect, fields)(row);
}

/** `decodeRecord` with every field's placement worked out once: for decoding many rows. */
export function recordDecoder(dialect: SqlDialect, fields: readonly Field[]): (row: Readonly<Record<string, unknown>>) => StoredRecord {
  const readers = fields.map((field) => [field.id, cellReader(dialect, field)] as const);
  return (row) => {
    const values: Record<string, unknown> = {};
    for (const [id, read] of readers) values[id] = read(row);
    return {
      id: String(row[recordIdColumn]),
      autoNumber: Number(row[systemColumns.autoNumber]),
      rowOrder: String(row[rowOrderColumn]),
      createdTime: String(row[systemColumns.createdTime]),
      modifiedTime: String(row[systemColumns.modifiedTime]),
      createdBy: String(row[systemColumns.createdBy]),
      modifiedBy: String(row[systemColumns.modifiedBy]),
      version: Number(row[versionColumn]),
      values,
    };
  };
}

/** The fields named by `fieldIds` (all of `fields` when absent); an unknown id is UNKNOWN_FIELD. */
export function selectFields(fields: readonly Field[], fieldIds: readonly string[] | undefined): Field[] {
  if (fieldIds === undefined) return [...fields];
  return fieldIds.map((id) => {
    const field = fields.find((f) => f.id === id);
    if (!field) throw new EngineError('UNKNOWN_FIELD', `No field "${id}" in this table`, { field: id });
    return field;
  });
}

/** Columns to SELECT for records showing `fields`: system columns plus their own columns. */
export function columnsFor(fields: readonly Field[]): string[] {
  const columns = new Set(systemColumnList);
  for (const field of fields) {
    const placement = fieldPlacement(field);
    columns.add(placement.column);
    if (placement.own && placement.errorColumn) columns.add(placement.errorColumn);
  }
  return [...columns];
}
