/**
 * What the filter and sort compilers need to know about the query they are part of: the dialect,
 * where each field's cells are, and — optionally — the fields a lookup reaches through its link,
 * so a condition on the lookup can be asked of the linked table instead (./through-link.ts).
 * Column names come from naming.ts (ids only, never names).
 */
import type { Field, Predicate } from '@multitable/core';
import type { SqlDialect } from '../dialects/dialect';
import { fieldColumnName, recordIdColumn, rowOrderColumn } from '../physical/naming';

export interface QueryScope {
  readonly dialect: SqlDialect;
  /** The column holding `field`'s cells, optionally qualified (`t.f_fld_…`, `t.created_time`). */
  column(field: Field): string;
  /** Default `row_order`: the manual order that breaks ties, before the id. */
  readonly rowOrderColumn?: string;
  /** Default `id`. */
  readonly idColumn?: string;
  /**
   * The table's own fields and the lookup targets of the query, by id (see ./filter-scope.ts).
   * Absent: lookups are filtered by their materialized column only.
   */
  fieldById?(fieldId: string): Field | undefined;
  /**
   * Whether a condition that can be read through its link should be (./filter-scope.ts decides by
   * how many links it matches). Absent: every one that can be.
   */
  readsThroughLink?(predicate: Predicate): boolean;
}

/**
 * The scope of a query over one user table, its columns optionally qualified by `alias`;
 * `fields` (the table's, and lookup targets in other tables) enables through-link filters.
 */
export function tableScope(dialect: SqlDialect, alias?: string, fields?: Iterable<Field>): QueryScope {
  const qualify = (column: string) => (alias ? `${alias}.${column}` : column);
  const byId = fields ? new Map([...fields].map((field) => [field.id, field])) : undefined;
  return {
    dialect,
    column: (field) => qualify(fieldColumnName(field)),
    rowOrderColumn: qualify(rowOrderColumn),
    idColumn: qualify(recordIdColumn),
    ...(byId ? { fieldById: (fieldId: string) => byId.get(fieldId) } : {}),
  };
}
