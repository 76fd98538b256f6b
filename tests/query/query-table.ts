/**
 * A physical user table built by hand for the query tests, independent of the records layer:
 * `t_<tableId>` with the system columns and one column per own-column field, rows written with
 * `dialect.encode`, and queries run through compileFilter / compileOrderBy exactly as the
 * records layer calls them (`.where(…)`, `.orderBy(…)`).
 */
import {
  getFieldType,
  isFieldTypeKey,
  type Field,
  type FieldTypeKey,
  type Predicate,
  type QueryableRecord,
  type ResolvedSort,
} from '@multitable/core';
import { compileFilter, compileOrderBy, fieldColumnName, hasOwnColumn, sql, tableScope, type Database } from '@multitable/storage';

/** Field types the query tests want; those not registered (yet) are left out and reported. */
export function fieldsOfRegisteredTypes(
  tableId: string,
  wanted: ReadonlyArray<{ type: string; name: string; options?: Record<string, unknown> }>,
): { fields: Field[]; missing: string[] } {
  const fields: Field[] = [];
  const missing: string[] = [];
  wanted.forEach(({ type, name, options }, index) => {
    if (!isFieldTypeKey(type)) {
      missing.push(type);
      return;
    }
    fields.push({
      id: `fld_${String(index + 1).padStart(16, '0')}`,
      tableId,
      name,
      type: type as FieldTypeKey,
      options: options ?? {},
      description: '',
      isPrimary: index === 0,
    });
  });
  return { fields, missing };
}

export function tableName(tableId: string): string {
  return `t_${tableId}`;
}

/** Creates the table the way the records layer lays it out (system columns, then `f_<fieldId>`; ids byte-ordered as junctions hold them). */
export async function createQueryTable(database: Database, tableId: string, fields: readonly Field[]): Promise<void> {
  const { dialect } = database;
  const columns = fields
    .filter((field) => hasOwnColumn(field))
    .map((field) => {
      const storage = getFieldType(field.type).storage;
      if (!('kind' in storage)) throw new Error('unreachable: own columns have a kind');
      return sql`${sql.ref(fieldColumnName(field))} ${sql.raw(dialect.columnType(storage.kind))}`;
    });
  await sql`CREATE TABLE ${sql.table(tableName(tableId))} (
    id ${sql.raw(dialect.orderKeyColumnType)} PRIMARY KEY,
    row_order ${sql.raw(dialect.orderKeyColumnType)} NOT NULL,
    auto_number ${sql.raw(dialect.columnType('integer'))},
    created_time TEXT,
    modified_time TEXT,
    created_by TEXT,
    modified_by TEXT,
    version INTEGER NOT NULL
    ${columns.length > 0 ? sql`, ${sql.join(columns)}` : sql``}
  )`.execute(database.db);
}

/** Replaces every row of the table with `records` (values bound as parameters). */
export async function replaceRows(database: Database, tableId: string, fields: readonly Field[], records: readonly QueryableRecord[]): Promise<void> {
  const { dialect, db } = database;
  const table = sql.table(tableName(tableId));
  await sql`DELETE FROM ${table}`.execute(db);
  if (records.length === 0) return;
  const own = fields.filter((field) => hasOwnColumn(field));
  const columnNames = ['id', 'row_order', 'auto_number', 'created_time', 'modified_time', 'created_by', 'modified_by', 'version', ...own.map(fieldColumnName)];
  const rows = records.map((record) => {
    const values: unknown[] = [
      record.id,
      record.rowOrder ?? 'a0',
      record.autoNumber ?? null,
      record.createdTime ?? null,
      record.modifiedTime ?? null,
      record.createdBy ?? null,
      record.modifiedBy ?? null,
      1,
      ...own.map((field) => {
        const storage = getFieldType(field.type).storage;
        return 'kind' in storage ? dialect.encode(storage.kind, record.values[field.id] ?? null) : null;
      }),
    ];
    return sql`(${sql.join(values)})`;
  });
  await sql`INSERT INTO ${table} (${sql.join(columnNames.map((name) => sql.ref(name)))}) VALUES ${sql.join(rows)}`.execute(db);
}

/** Ids of the rows matching `predicate`, in `sorts` order: what the records layer would list. */
export async function selectIds(database: Database, tableId: string, predicate: Predicate, sorts: readonly ResolvedSort[]): Promise<string[]> {
  const scope = tableScope(database.dialect);
  const db = database.db.withTables<Record<string, { id: string }>>();
  const rows = await db
    .selectFrom(tableName(tableId))
    .select('id')
    .where(compileFilter(predicate, scope))
    .orderBy(compileOrderBy(sorts, scope))
    .execute();
  return rows.map((row) => String(row.id));
}
