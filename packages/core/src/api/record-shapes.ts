/** Records, their history and group counts as the REST API sends them (Airtable's record shape). */

export interface ApiRecord {
  id: string;
  createdTime: string;
  /** Cell values by field name, or by id with `returnFieldsByFieldId`; empty cells are absent. */
  fields: Record<string, unknown>;
}

export interface RecordPage {
  records: ApiRecord[];
  /** Offset of the next page; absent on the last page. */
  offset?: number;
}

export interface ApiHistoryEntry {
  id: number;
  at: string;
  action: 'create' | 'update' | 'delete' | 'move';
  source: string;
  actor: ApiPerson;
  /** The cell's field, or null for the record's own create/delete row. */
  field: { id: string; name: string } | null;
  oldValue: unknown;
  newValue: unknown;
}

export interface RecordGroups {
  groups: Array<{ key: unknown[]; count: number }>;
  /** True when the server stopped at its group limit. */
  truncated?: true;
}

/** A user as records, history and comments name them. */
export interface ApiPerson {
  id: string;
  name: string;
}

export interface ApiComment {
  id: string;
  author: ApiPerson;
  /** Mentions stay in the text as `@[usr_…]`; `mentions` names them. */
  text: string;
  mentions: ApiPerson[];
  createdAt: string;
  updatedAt: string;
}
