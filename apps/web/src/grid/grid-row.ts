/**
 * What a grid row holds. Rows are records (`ApiRecord`); a grouped grid also has group header
 * rows, drawn full width, whose data carries `group`. Records of a grouped grid carry `ordinal`,
 * their number in the group-sorted list (the display row index counts headers too).
 */
import type { ApiRecord } from '../api/records';
import type { GroupNode } from './grouping/group-layout';

export interface GroupHeader {
  node: GroupNode;
  /** Field grouped at the node's level. */
  fieldId: string;
  collapsed: boolean;
}

export type GroupRow = ApiRecord & { group: GroupHeader };
export type NumberedRecord = ApiRecord & { ordinal: number };

const groupRowPrefix = 'mt-group:';

export function groupRow(header: GroupHeader): GroupRow {
  return { id: `${groupRowPrefix}${header.node.path}`, createdTime: '', fields: {}, group: header };
}

/** The group header a row stands for, or undefined for a record row. */
export function groupHeaderOf(row: ApiRecord | undefined | null): GroupHeader | undefined {
  return row && 'group' in row ? (row as GroupRow).group : undefined;
}

/** The record a row holds, or undefined for a group header (or a row not loaded yet). */
export function recordOf(row: ApiRecord | undefined | null): ApiRecord | undefined {
  return row && !('group' in row) ? row : undefined;
}

export function ordinalOf(row: ApiRecord): number | undefined {
  return 'ordinal' in row ? (row as NumberedRecord).ordinal : undefined;
}
