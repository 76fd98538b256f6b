/**
 * What a computed field reads. Computed values are materialized (DESIGN §4), so every field
 * must say which cells feed it; the dependency graph (./graph.ts) derives the recalculation
 * order and refuses cycles from these declarations alone.
 *
 * - `sameRecord`: another field of the same record (formulas).
 * - `viaLink`: a field of the records linked through `linkFieldId` (a link field of the
 *   computed field's own table). `targetFieldId` null means only which records are linked
 *   matters (count). Lookups, rollups and a link's own titles read through links.
 */
export type Dependency =
  | { kind: 'sameRecord'; fieldId: string }
  | { kind: 'viaLink'; linkFieldId: string; targetFieldId: string | null };

/** A field as the graph sees it. */
export interface GraphField {
  id: string;
  tableId: string;
  name: string;
  /** Empty for stored fields. */
  dependencies: readonly Dependency[];
  /** For link fields: the table they point at (their targets' fields are read through them). */
  linkedTableId?: string;
}
