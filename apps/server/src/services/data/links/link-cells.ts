/**
 * Link cells in record writes. A cast link value (`[{ id, title }]`) is not written to its
 * column: the ids go to the junction (storage's setLinks), and the recalculation executor then
 * materializes the titles on both sides. This module splits link cells out of a cast batch,
 * writes them, and says what to record: history of the changed cells on the written side and on
 * the inverse side (old and new lists of ids), the records to stamp as modified, and the seeds
 * for the executor.
 */
import { isLinkField, type Field, type LinkValue } from '@multitable/core';
import * as store from '@multitable/storage';
import type { CellChange } from '../change-recorder';
import { addDirty, type DirtyCells } from '../recalculation/recalculate';

/** Target ids per link field id, for one record. */
export type LinkCells = Map<string, string[]>;

/** Moves the link cells out of each record's values (which then hold only column writes). */
export function takeLinkCells<R extends { values: Record<string, unknown> }>(fields: readonly Field[], records: readonly R[]): { records: R[]; links: LinkCells[] } {
  const linkFields = fields.filter(isLinkField);
  const links: LinkCells[] = [];
  const rest = records.map((record) => {
    const cells: LinkCells = new Map();
    const values = { ...record.values };
    for (const field of linkFields) {
      if (!Object.hasOwn(values, field.id)) continue;
      const value = values[field.id] as LinkValue | null;
      cells.set(field.id, (value ?? []).map((linked) => linked.id));
      delete values[field.id];
    }
    links.push(cells);
    return { ...record, values };
  });
  return { records: rest, links };
}

const idsOrNull = (ids: readonly string[]) => (ids.length === 0 ? null : [...ids]);

export interface LinkWriteOutcome {
  /** History rows: the written cells (`action` as the caller says) and the inverse cells (`update`). */
  history: CellChange[];
  /** Records of the written table whose link cells changed (to stamp as modified). */
  changedRecords: Set<string>;
  /** Link field → records whose membership changed, both sides: the executor's seeds. */
  seeds: DirtyCells;
  /** Per written link field, the records whose cell changed (for change events). */
  changedCells: Array<{ recordId: string; fieldId: string }>;
}

/**
 * Writes `cells` (record id → link cells) of the table's link fields, in the caller's
 * transaction. `action` is the history action of the written side (`create` for new records).
 */
export async function writeLinkCells(
  trx: store.Executor,
  dialect: store.SqlDialect,
  tableId: string,
  fields: readonly Field[],
  cells: ReadonlyArray<{ recordId: string; links: LinkCells }>,
  action: 'create' | 'update',
): Promise<LinkWriteOutcome> {
  const outcome: LinkWriteOutcome = { history: [], changedRecords: new Set(), seeds: new Map(), changedCells: [] };
  for (const field of fields.filter(isLinkField)) {
    const wanted = new Map<string, string[]>();
    for (const { recordId, links } of cells) {
      const ids = links.get(field.id);
      if (ids) wanted.set(recordId, ids);
    }
    if (wanted.size === 0) continue;
    const { changes, otherSide } = await store.setLinks(trx, dialect, field, wanted);
    for (const change of changes) {
      outcome.history.push({ tableId, recordId: change.recordId, fieldId: field.id, action, oldValue: idsOrNull(change.oldIds), newValue: idsOrNull(change.newIds) });
      outcome.changedRecords.add(change.recordId);
      outcome.changedCells.push({ recordId: change.recordId, fieldId: field.id });
    }
    addDirty(outcome.seeds, field.id, changes.map((change) => change.recordId));
    const inverseId = field.options.inverseFieldId;
    if (inverseId === null) continue;
    for (const change of otherSide) {
      outcome.history.push({
        tableId: field.options.linkedTableId,
        recordId: change.recordId,
        fieldId: inverseId,
        action: 'update',
        oldValue: idsOrNull(change.oldIds),
        newValue: idsOrNull(change.newIds),
      });
    }
    addDirty(outcome.seeds, inverseId, otherSide.map((change) => change.recordId));
  }
  return outcome;
}

/** History rows and executor seeds for the cells that lost deleted records (storage's removeRecordsFromLinks). */
export function removedLinkOutcome(fieldsById: ReadonlyMap<string, Field>, removed: readonly store.LinkFieldChanges[]): { history: CellChange[]; seeds: DirtyCells } {
  const history: CellChange[] = [];
  const seeds: DirtyCells = new Map();
  for (const { fieldId, changes } of removed) {
    const field = fieldsById.get(fieldId);
    if (!field) continue;
    for (const change of changes) {
      history.push({ tableId: field.tableId, recordId: change.recordId, fieldId, action: 'update', oldValue: idsOrNull(change.oldIds), newValue: idsOrNull(change.newIds) });
    }
    addDirty(seeds, fieldId, changes.map((change) => change.recordId));
  }
  return { history, seeds };
}
