/**
 * Writes under the caller's permission (DESIGN §7, RELIABILITY A1.7): a table they cannot read
 * is not found, one they may only read is 403; adding and deleting need their own grants; a cell
 * of a hidden field is an unknown field and one of a read-only field is 403; a record outside
 * the read scope is "no record" exactly as a missing id, one outside the edit scope is 403 — and
 * so is an update that would move a record out of the edit scope, checked after the change (with
 * its computed cells) and before the commit, so the whole batch rolls back.
 */
import { EngineError, evaluatePredicate, type Field, type Predicate } from '@multitable/core';
import type { Executor, StoredRecord } from '@multitable/storage';
import type { TableContext } from '../data/table-lookup';
import type { ClockedCaller } from './caller';
import { restrictTable, scopePredicateOf, type ReadableTable } from './readable-table';

export type WriteAction = 'create' | 'update' | 'delete';

export interface WritableTable extends ReadableTable {
  /** Records the caller may edit, beyond the read scope; undefined when every readable record. */
  editScope: Predicate | undefined;
}

function forbidden(message: string, details: Record<string, unknown> = {}): EngineError {
  return new EngineError('FORBIDDEN', message, details);
}

/** The table as the caller may write it, or the refusal of `action` on it. */
export async function writableTable(db: Executor, caller: ClockedCaller, context: TableContext, tableKey: string, action: WriteAction): Promise<WritableTable> {
  const readable = await restrictTable(db, caller, context, tableKey);
  const { permission, table } = readable;
  if (permission.access !== 'edit') throw forbidden(`Your role can read table "${table.name}" but not change it`, { table: table.id });
  if (action === 'create' && !permission.canAdd) throw forbidden(`Your role cannot add records to table "${table.name}"`, { table: table.id });
  if (action === 'delete' && !permission.canDelete) throw forbidden(`Your role cannot delete records of table "${table.name}"`, { table: table.id });
  return { ...readable, editScope: scopePredicateOf(permission, 'edit', context, caller) };
}

/** Refuses cells of fields the caller may read but not edit (hidden ones never got this far: they are unknown). */
export function assertCellsEditable(writable: WritableTable, records: ReadonlyArray<{ values: Record<string, unknown> }>, batchPath: string | null): void {
  const byId = new Map<string, Field>(writable.fields.map((field) => [field.id, field]));
  records.forEach((record, index) => {
    for (const fieldId of Object.keys(record.values)) {
      if (writable.permission.fields.get(fieldId) === 'edit') continue;
      const name = byId.get(fieldId)?.name ?? fieldId;
      const path = `${batchPath === null ? '' : `${batchPath}[${index}].`}fields.${name}`;
      throw forbidden(`Your role can read "${name}" but not change it`, { path, field: fieldId });
    }
  });
}

function noRecord(id: string, tableId: string): EngineError {
  // Word for word what storage says of an id that does not exist: no oracle for hidden records.
  return new EngineError('NOT_FOUND', `No record "${id}" in this table`, { record: id, table: tableId });
}

/** Before a change: every named record must be readable (else "no record") and editable (else 403). */
export function assertRecordsEditable(writable: WritableTable, ids: readonly string[], rows: readonly StoredRecord[]): void {
  const byId = new Map(rows.map((row) => [row.id, row]));
  for (const id of ids) {
    const row = byId.get(id);
    if (!row) continue; // storage reports ids that do not exist, in its own words
    if (writable.readScope && !evaluatePredicate(writable.readScope, row)) throw noRecord(id, writable.table.id);
    if (writable.editScope && !evaluatePredicate(writable.editScope, row)) {
      throw forbidden(`Your role cannot change record "${id}"`, { record: id, table: writable.table.id });
    }
  }
}

/** After a change: every changed record must still be one the caller may edit. */
export function assertStillEditable(writable: WritableTable, rows: readonly StoredRecord[]): void {
  for (const row of rows) {
    const inScope = (!writable.readScope || evaluatePredicate(writable.readScope, row)) && (!writable.editScope || evaluatePredicate(writable.editScope, row));
    if (!inScope) {
      throw forbidden(`This change would move record "${row.id}" out of the records your role may edit`, { record: row.id, table: writable.table.id });
    }
  }
}

/** Whether the caller's scopes restrict which records they may touch (the owner's path stays as it was). */
export function hasRecordScope(writable: WritableTable): boolean {
  return writable.readScope !== undefined || writable.editScope !== undefined;
}
