/**
 * Computes one computed field for a set of records and writes the values that changed: reads
 * the cells its dependencies name (same record, and through links the linked records' cells),
 * runs the field's computer, and materializes the results. Returns the ids whose value changed.
 */
import type { ComputedRecord, Field, FieldComputer } from '@multitable/core';
import * as store from '@multitable/storage';
import type { BaseSchema } from './base-schema';

export async function computeField(
  trx: store.Executor,
  dialect: store.SqlDialect,
  schema: BaseSchema,
  field: Field,
  computer: FieldComputer,
  recordIds: readonly string[],
): Promise<string[]> {
  if (recordIds.length === 0) return [];
  const fieldOf = (id: string) => schema.fieldsById.get(id)!;
  const ownFieldIds = new Set<string>([field.id]);
  const throughLinks = new Map<string, Set<string>>(); // link field id → target field ids read
  for (const dependency of computer.dependencies) {
    if (dependency.kind === 'sameRecord') ownFieldIds.add(dependency.fieldId);
    else {
      const targets = throughLinks.get(dependency.linkFieldId) ?? new Set<string>();
      if (dependency.targetFieldId) targets.add(dependency.targetFieldId);
      throughLinks.set(dependency.linkFieldId, targets);
    }
  }

  const rows = await store.getRecords(trx, dialect, { id: field.tableId }, [...ownFieldIds].map(fieldOf), recordIds);
  const linked = new Map<string, { members: Map<string, string[]>; records: Map<string, ComputedRecord> }>();
  for (const [linkFieldId, targetFieldIds] of throughLinks) {
    const link = fieldOf(linkFieldId);
    const members = await store.linkedRecordIds(trx, link, rows.map((row) => row.id));
    const targetIds = [...new Set([...members.values()].flat())];
    const targets = await store.getRecords(trx, dialect, { id: store.linkedTableIdOf(link) }, [...targetFieldIds].map(fieldOf), targetIds);
    linked.set(linkFieldId, { members, records: new Map(targets.map((target) => [target.id, target])) });
  }

  const changed: Array<{ id: string; value: unknown }> = [];
  for (const row of rows) {
    const value = computer.compute({
      record: row,
      linked(linkFieldId) {
        const through = linked.get(linkFieldId);
        if (!through) return [];
        return (through.members.get(row.id) ?? []).flatMap((id) => through.records.get(id) ?? []);
      },
    });
    const normalized = value === undefined ? null : value;
    if (!store.sameCellValue(normalized, row.values[field.id] ?? null)) changed.push({ id: row.id, value: normalized });
  }
  await store.writeComputedCells(trx, dialect, field, changed);
  return changed.map((cell) => cell.id);
}
