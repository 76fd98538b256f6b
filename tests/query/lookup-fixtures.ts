/**
 * Two tables for the lookup parity property: Targets, and Owners that link to them and look
 * their fields up. `One` is a one-way link (its junction's owner side: Owners in `owner_id`);
 * `Many` is the inverse of Targets' `Back`, whose id sorts first, so Owners sit in `linked_id`
 * — both junction directions are exercised. Lookups read text, select, date, list and person
 * targets (read through the link), and, as controls that stay on their own column, a number
 * target and a lookup with a condition of its own.
 *
 * Cells: targets' from the generator, each owner's links in order, and every lookup cell as
 * core's lookup computer gives it from those (what the server materializes).
 */
import {
  getFieldType,
  normalizeFieldOptions,
  type ComputeContext,
  type ComputedRecord,
  type Field,
  type FieldTypeKey,
  type QueryableRecord,
} from '@multitable/core';
import { choiceNames, days, users } from './query-fixtures';

export const targetsTableId = 'tbl_lookuptargets001';
export const ownersTableId = 'tbl_lookupowners0001';

function field(tableId: string, id: string, name: string, type: FieldTypeKey, options: Record<string, unknown> = {}, isPrimary = false): Field {
  return { id, tableId, name, type, options: normalizeFieldOptions(type, options) as Record<string, unknown>, description: '', isPrimary };
}

const choices = { choices: choiceNames.map((name) => ({ name })) };
const backId = 'fld_b000000000000007';
const oneId = 'fld_o000000000000002';
const manyId = 'fld_o000000000000003';

export const targetFields: Field[] = [
  field(targetsTableId, 'fld_t000000000000001', 'Name', 'singleLineText', {}, true),
  field(targetsTableId, 'fld_t000000000000002', 'Kind', 'singleSelect', choices),
  field(targetsTableId, 'fld_t000000000000003', 'Day', 'date'),
  field(targetsTableId, 'fld_t000000000000004', 'Tags', 'multipleSelect', choices),
  field(targetsTableId, 'fld_t000000000000005', 'Team', 'person'),
  field(targetsTableId, 'fld_t000000000000006', 'Score', 'number'),
  field(targetsTableId, backId, 'Back', 'link', { linkedTableId: ownersTableId, inverseFieldId: manyId }),
];

const target = (name: string) => targetFields.find((candidate) => candidate.name === name)!;
const shape = (name: string) => ({ type: target(name).type, options: target(name).options });
const lookup = (id: string, name: string, linkFieldId: string, targetName: string, filter: unknown = null) =>
  field(ownersTableId, id, name, 'lookup', { linkFieldId, targetFieldId: target(targetName).id, filter, targetShape: shape(targetName) });

export const ownerFields: Field[] = [
  field(ownersTableId, 'fld_o000000000000001', 'Note', 'singleLineText', {}, true),
  field(ownersTableId, oneId, 'One', 'link', { linkedTableId: targetsTableId, multiple: false }),
  field(ownersTableId, manyId, 'Many', 'link', { linkedTableId: targetsTableId, inverseFieldId: backId }),
  lookup('fld_o000000000000011', 'One name', oneId, 'Name'),
  lookup('fld_o000000000000012', 'One tags', oneId, 'Tags'),
  lookup('fld_o000000000000013', 'One day', oneId, 'Day'),
  lookup('fld_o000000000000021', 'Many names', manyId, 'Name'),
  lookup('fld_o000000000000022', 'Many kinds', manyId, 'Kind'),
  lookup('fld_o000000000000023', 'Many tags', manyId, 'Tags'),
  lookup('fld_o000000000000024', 'Many team', manyId, 'Team'),
  lookup('fld_o000000000000025', 'Many scores', manyId, 'Score'),
  lookup('fld_o000000000000026', 'Many names scoring', manyId, 'Name', { conjunction: 'and', conditions: [{ field: target('Score').id, operator: 'isGreater', value: 5 }] }),
];

export const linkFieldsOfOwners = ownerFields.filter((candidate) => candidate.type === 'link');
export const lookupFields = ownerFields.filter((candidate) => candidate.type === 'lookup');
export const allFields = [...targetFields, ...ownerFields];

/** A generated target: its cells by field name (canonical values). */
export interface TargetRow {
  Name: string | null;
  Kind: string | null;
  Day: string | null;
  Tags: string[] | null;
  Team: string[] | null;
  Score: number | null;
}

/** A generated owner: its note, and the targets (indexes) each link holds, in link order. */
export interface OwnerRow {
  rowOrder: string;
  Note: string | null;
  One: number[];
  Many: number[];
}

export const targetId = (index: number) => `rec_target${String(index).padStart(10, '0')}`;
export const ownerId = (index: number) => `rec_owner0${String(index).padStart(10, '0')}`;

export const dayValues = days;
export const userIds = users;

function targetRecord(row: TargetRow, index: number): QueryableRecord {
  const values: Record<string, unknown> = { [backId]: null };
  for (const candidate of targetFields) if (candidate.id !== backId) values[candidate.id] = row[candidate.name as keyof TargetRow];
  return { id: targetId(index), rowOrder: 'a0', values };
}

const computeContext: ComputeContext = {
  fields: new Map(allFields.map((candidate) => [candidate.id, candidate])),
  primaryFieldIdOf: (tableId) => (tableId === targetsTableId ? target('Name').id : ownerFields[0]!.id),
  now: new Date('2024-05-01T00:00:00Z'),
  timeZone: 'UTC',
  format: { timeZone: 'UTC', locale: 'en', users: { byId: () => undefined, byText: () => undefined } },
};

/** Both tables' records, every link and lookup cell filled as the server would store them. */
export function buildRecords(targets: readonly TargetRow[], owners: readonly OwnerRow[]): { targets: QueryableRecord[]; owners: QueryableRecord[] } {
  const targetRecords = targets.map(targetRecord);
  const asComputed = (record: QueryableRecord): ComputedRecord => ({ id: record.id, values: record.values, createdTime: '2024-01-01T00:00:00.000Z', modifiedTime: '2024-01-01T00:00:00.000Z' });
  const ownerRecords = owners.map((row, index): QueryableRecord => {
    const linked: Record<string, number[]> = { [oneId]: row.One, [manyId]: row.Many };
    const values: Record<string, unknown> = { [ownerFields[0]!.id]: row.Note };
    for (const link of linkFieldsOfOwners) {
      const members = linked[link.id]!;
      values[link.id] = members.length === 0 ? null : members.map((t) => ({ id: targetId(t), title: targets[t]!.Name ?? '' }));
    }
    const record: ComputedRecord = { id: ownerId(index), values, createdTime: '2024-01-01T00:00:00.000Z', modifiedTime: '2024-01-01T00:00:00.000Z' };
    for (const lookupField of lookupFields) {
      const computer = getFieldType('lookup').computer!(lookupField, computeContext);
      values[lookupField.id] = computer.compute({ record, linked: (linkFieldId) => (linked[linkFieldId] ?? []).map((t) => asComputed(targetRecords[t]!)) }) ?? null;
    }
    return { id: record.id, rowOrder: row.rowOrder, values };
  });
  return { targets: targetRecords, owners: ownerRecords };
}

/** Junction rows of each owner link: `{ [column]: value }` in the link's junction layout. */
export function linkMemberships(owners: readonly OwnerRow[], link: Field): Array<{ owner: string; target: string; position: number }> {
  return owners.flatMap((row, index) => row[link.name as 'One' | 'Many'].map((t, position) => ({ owner: ownerId(index), target: targetId(t), position })));
}
