/**
 * A paste that runs past the last row: the rows below it become new records, made in one
 * all-or-nothing request with their pasted values, and then the rows that were there are filled
 * through the cell writer as one undoable action that remembers the new records (undo deletes
 * them). Everything is checked with core first. If the server refuses the new records, nothing
 * is written; if it then refuses the filled rows, the new records are deleted again.
 */
import { createRecords, deleteRecords } from '../../api/records';
import type { ApiField } from '../../api/tables';
import type { CellInput, CellWriter } from '../editing/cell-writer';
import type { NewRowInputs } from './grid-clipboard';

export type NewRecordsOutcome =
  | { kind: 'written'; created: number }
  /** Refused before anything was written: the message says why. */
  | { kind: 'refused'; message: string }
  /** The server could not be reached: new records cannot wait for it like cell edits. */
  | { kind: 'offline' }
  /** Refused at a cell of an existing row (the writer showed it there); nothing is left written. */
  | { kind: 'unchanged' };

interface PasteDeps {
  baseId: string;
  tableId: string;
  writer: CellWriter;
  fields: ReadonlyMap<string, ApiField>;
}

export async function pasteWithNewRecords({ baseId, tableId, writer, fields }: PasteDeps, inputs: readonly CellInput[], newRows: readonly NewRowInputs[]): Promise<NewRecordsOutcome> {
  if (!writer.checkAll(inputs)) return { kind: 'unchanged' };
  const records: Array<{ fields: Record<string, unknown> }> = [];
  for (const row of newRows) {
    const values: Record<string, unknown> = {};
    for (const { fieldId, input } of row) {
      const field = fields.get(fieldId);
      if (!field) continue;
      const checked = writer.check(field, input);
      if (!checked.ok) return { kind: 'refused', message: checked.message };
      values[fieldId] = checked.send;
    }
    records.push({ fields: values });
  }
  let created: string[];
  try {
    created = (await createRecords(baseId, tableId, records)).map((record) => record.id);
  } catch (error) {
    // fetch rejects with a TypeError when no answer came at all.
    if (error instanceof TypeError) return { kind: 'offline' };
    return { kind: 'refused', message: error instanceof Error ? error.message : String(error) };
  }
  if (await writer.write(inputs, { created })) return { kind: 'written', created: created.length };
  await deleteRecords(baseId, tableId, created).catch(() => undefined);
  return { kind: 'unchanged' };
}
