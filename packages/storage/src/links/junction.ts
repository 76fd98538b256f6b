/**
 * Where a link field's memberships live: a junction table per link (DESIGN §4), shared by the
 * two fields of a two-way link. The table is `j_<ownerFieldId>`; the owner is a one-way link
 * itself, or of a two-way pair the member whose id sorts first. Columns:
 *   owner_id     record of the owner field's table
 *   linked_id    record of the other table
 *   owner_order  position of linked_id among owner_id's links (the owner's cell order)
 *   linked_order position of owner_id among linked_id's links (the inverse cell order)
 * PRIMARY KEY (owner_id, linked_id), index on (linked_id). Link options: `linkedTableId`,
 * `inverseFieldId` (null for one-way), `multiple`.
 */
import { isId, type Field } from '@multitable/core';

export interface Junction {
  table: string;
  /** The column holding records of this field's own table… */
  selfColumn: 'owner_id' | 'linked_id';
  /** …and the column holding the records it links to. */
  otherColumn: 'owner_id' | 'linked_id';
  /** Ordering of this field's cell. */
  orderColumn: 'owner_order' | 'linked_order';
}

export function linkInverseId(field: Pick<Field, 'options'>): string | null {
  const inverse = (field.options as { inverseFieldId?: unknown }).inverseFieldId;
  return typeof inverse === 'string' && inverse !== '' ? inverse : null;
}

export function linkedTableIdOf(field: Pick<Field, 'options'>): string {
  return String((field.options as { linkedTableId?: unknown }).linkedTableId ?? '');
}

export function junctionOf(field: Pick<Field, 'id' | 'options'>): Junction {
  const inverse = linkInverseId(field);
  const owner = inverse !== null && inverse < field.id ? inverse : field.id;
  if (!isId('field', owner)) throw new Error(`Refusing to name a junction table after "${owner}"`);
  const isOwner = owner === field.id;
  return {
    table: `j_${owner}`,
    selfColumn: isOwner ? 'owner_id' : 'linked_id',
    otherColumn: isOwner ? 'linked_id' : 'owner_id',
    orderColumn: isOwner ? 'owner_order' : 'linked_order',
  };
}
