/**
 * Computed values for bulk-loaded records, by the engine itself: each computed field's computer
 * from core's field registry (what the server's recalculation runs), given the record's cells
 * and its linked records' cells. Used so a million records arrive with their lookups, rollups
 * and formulas filled — the suite then checks a loaded record against the server recomputing it.
 */
import { getFieldType, isCellError, type ComputeContext, type ComputedRecord, type Field, type FieldComputer, type UserDirectory } from '@multitable/core';
import { listFields, listTables, type Database } from '@multitable/storage';

export interface RecordComputer {
  /** Adds the values of the table's computed fields (links excepted) to `values`, by field id. */
  fill(recordId: string, values: Record<string, unknown>, linked: (linkFieldId: string) => readonly ComputedRecord[], at: string): void;
}

const noUsers: UserDirectory = { byId: () => undefined, byText: () => undefined };

export async function recordComputer(database: Database, baseId: string, tableId: string, timeZone: string): Promise<RecordComputer> {
  const tables = await listTables(database.db, baseId);
  const fields = (await Promise.all(tables.map((table) => listFields(database.db, table.id)))).flat();
  const fieldsById = new Map(fields.map((field) => [field.id, field]));
  const primaries = new Map(tables.map((table) => [table.id, table.primaryFieldId]));
  const context: ComputeContext = {
    fields: fieldsById,
    primaryFieldIdOf: (id) => primaries.get(id),
    now: new Date(),
    timeZone,
    format: { timeZone, locale: 'en', users: noUsers },
  };
  const computers: Array<{ field: Field; computer: FieldComputer }> = [];
  for (const field of fields) {
    if (field.tableId !== tableId || field.type === 'link') continue;
    const type = getFieldType(field.type);
    if (type.computer) computers.push({ field, computer: type.computer(field, context) });
  }
  // Computed fields reading computed fields of the same record go after them.
  const computedIds = new Set(computers.map((entry) => entry.field.id));
  const readsComputed = (entry: { computer: FieldComputer }) =>
    entry.computer.dependencies.some((dependency) => dependency.kind === 'sameRecord' && computedIds.has(dependency.fieldId));
  computers.sort((a, b) => Number(readsComputed(a)) - Number(readsComputed(b)));

  return {
    fill(recordId, values, linked, at) {
      for (const { field, computer } of computers) {
        const value = computer.compute({ record: { id: recordId, values, createdTime: at, modifiedTime: at }, linked });
        if (isCellError(value)) throw new Error(`The generated data makes ${field.name} an error in ${recordId}: ${JSON.stringify(value)}`);
        values[field.id] = value === undefined ? null : value;
      }
    },
  };
}
