/** A field as stored in the meta schema: identity, display name, type key and typed options. */
import type { FieldTypeKey } from './registry';

export interface Field<Options = Record<string, unknown>> {
  id: string;
  tableId: string;
  name: string;
  type: FieldTypeKey;
  options: Options;
  description: string;
  /** The table's primary field names its records (link titles, record pickers). */
  isPrimary: boolean;
}
