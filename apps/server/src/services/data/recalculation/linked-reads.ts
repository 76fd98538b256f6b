/**
 * The linked records' cells full computations read through a link, shared by the fields of one
 * recalculation that read through the same link for the same records — a lookup and a rollup of
 * new records. The last page read per link is kept, read with every stored (not computed) field
 * of the linked table that a computed field reads through that link; a later read asking only
 * for such fields, for records of that page, takes it from here.
 *
 * Why it stays true: a recalculation writes computed cells only, which stamp nothing, so stored
 * cells, junctions and records' times read earlier in it are what reading again gives. A computed
 * target may be recalculated in between, so a read asking for one is never shared. Only one page
 * per link is kept, so memory stays bounded by the page size (./compute-field.ts).
 */
import type { ComputedRecord, Field } from '@multitable/core';
import * as store from '@multitable/storage';
import type { BaseSchema } from './base-schema';

/** How linked cells are read (store.linkedRecordCells; tests count the reads). */
export type ReadLinkedCells = (
  trx: store.Executor,
  dialect: store.SqlDialect,
  link: Field,
  ids: readonly string[],
  targets: readonly Field[],
) => Promise<Map<string, ComputedRecord[]>>;

interface KeptPage {
  ids: ReadonlySet<string>;
  fieldIds: ReadonlySet<string>;
  cells: Map<string, ComputedRecord[]>;
}

export class LinkedReads {
  private readonly kept = new Map<string, KeptPage>();
  /** Link field id → the stored fields read through it by any computed field. */
  private readonly shared = new Map<string, Field[]>();

  constructor(
    private readonly schema: Pick<BaseSchema, 'dependencies' | 'fieldsById'>,
    private readonly read: ReadLinkedCells = store.linkedRecordCells,
  ) {}

  /** store.linkedRecordCells of `ids` through `link` with `targets`; the map may hold more records than asked. */
  async cells(trx: store.Executor, dialect: store.SqlDialect, link: Field, ids: readonly string[], targets: readonly Field[]): Promise<Map<string, ComputedRecord[]>> {
    if (!targets.every((target) => this.isStored(target))) return this.read(trx, dialect, link, ids, targets);
    const page = this.kept.get(link.id);
    if (page && targets.every((target) => page.fieldIds.has(target.id)) && ids.every((id) => page.ids.has(id))) return page.cells;
    const fields = this.sharedTargets(link, targets);
    const cells = await this.read(trx, dialect, link, ids, fields);
    this.kept.set(link.id, { ids: new Set(ids), fieldIds: new Set(fields.map((field) => field.id)), cells });
    return cells;
  }

  private isStored(field: Field): boolean {
    return !this.schema.dependencies.has(field.id);
  }

  /** `targets` and every other stored field some computed field reads through `link`. */
  private sharedTargets(link: Field, targets: readonly Field[]): Field[] {
    let fields = this.shared.get(link.id);
    if (!fields) {
      const ids = new Set<string>();
      for (const dependencies of this.schema.dependencies.values()) {
        for (const dependency of dependencies) {
          if (dependency.kind === 'viaLink' && dependency.linkFieldId === link.id && dependency.targetFieldId) ids.add(dependency.targetFieldId);
        }
      }
      fields = [...ids].flatMap((id) => {
        const field = this.schema.fieldsById.get(id);
        return field && this.isStored(field) ? [field] : [];
      });
      this.shared.set(link.id, fields);
    }
    const known = new Set(fields.map((field) => field.id));
    return [...fields, ...targets.filter((target) => !known.has(target.id))];
  }
}
