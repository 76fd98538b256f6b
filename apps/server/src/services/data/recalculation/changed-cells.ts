/**
 * What one recalculation knows about the cells that changed in its change: the value each held
 * before (from the caller for the cells it wrote or deleted, from the executor for the computed
 * cells it rewrote) and, for computed cells, the value written. That is what lets a value read
 * through links be updated from the changed records alone (./linked-updates.ts) instead of
 * re-reading every linked record. A field whose changes are too many to keep (a fill) is marked
 * unknown: what reads it is then computed from all its inputs.
 */

/** Field id → record id → the cell's value before the change. */
export type PreviousValues = ReadonlyMap<string, ReadonlyMap<string, unknown>>;

/** Link field id → record id → the ids its cell links to now, in cell order (as the junction reads them). */
export type LinkedNow = ReadonlyMap<string, ReadonlyMap<string, readonly string[]>>;

/** Changed cells of one field kept at most; past it, the field's changes are unknown (see the header). */
const maxKeptPerField = 5_000;

interface FieldChanges {
  before: Map<string, unknown>;
  after: Map<string, unknown>;
  unknown: boolean;
}

export class ChangedCells {
  private readonly fields = new Map<string, FieldChanges>();

  constructor(
    previous?: PreviousValues,
    private readonly linked: LinkedNow = new Map(),
  ) {
    for (const [fieldId, values] of previous ?? []) {
      this.fields.set(fieldId, { before: new Map(values), after: new Map(), unknown: false });
    }
  }

  /** Records a computed field's changed cells (before and after); the first `before` of a cell is kept. */
  record(fieldId: string, cells: ReadonlyArray<{ id: string; before: unknown; after: unknown }>): void {
    const changes = this.fields.get(fieldId) ?? { before: new Map(), after: new Map(), unknown: false };
    this.fields.set(fieldId, changes);
    if (changes.unknown) return;
    if (changes.before.size + cells.length > maxKeptPerField) {
      changes.unknown = true;
      changes.before.clear();
      changes.after.clear();
      return;
    }
    for (const cell of cells) {
      if (!changes.before.has(cell.id)) changes.before.set(cell.id, cell.before);
      changes.after.set(cell.id, cell.after);
    }
  }

  /** False when the field changed in more cells than are kept: none of its changes is known then. */
  knows(fieldId: string): boolean {
    return this.fields.get(fieldId)?.unknown !== true;
  }

  /** The cell's value before the change, when known. */
  before(fieldId: string, recordId: string): { value: unknown } | undefined {
    const changes = this.fields.get(fieldId);
    return changes && changes.before.has(recordId) ? { value: changes.before.get(recordId) } : undefined;
  }

  /** The ids a link cell the caller wrote links to now, when the caller said. */
  linkedNow(linkFieldId: string, recordId: string): readonly string[] | undefined {
    return this.linked.get(linkFieldId)?.get(recordId);
  }

  /** The value the executor wrote into a computed cell, when it rewrote it and kept it. */
  after(fieldId: string, recordId: string): { value: unknown } | undefined {
    const changes = this.fields.get(fieldId);
    return changes && changes.after.has(recordId) ? { value: changes.after.get(recordId) } : undefined;
  }
}
