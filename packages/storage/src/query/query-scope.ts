/**
 * What the filter and sort compilers need to know about the query they are part of: the dialect,
 * and where each field's cells are. Column names come from naming.ts (ids only, never names).
 */
import type { Field } from '@multitable/core';
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
}

/** The scope of a query over one user table, its columns optionally qualified by `alias`. */
export function tableScope(dialect: SqlDialect, alias?: string): QueryScope {
  const qualify = (column: string) => (alias ? `${alias}.${column}` : column);
  return {
    dialect,
    column: (field) => qualify(fieldColumnName(field)),
    rowOrderColumn: qualify(rowOrderColumn),
    idColumn: qualify(recordIdColumn),
  };
}
