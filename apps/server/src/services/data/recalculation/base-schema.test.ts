import { normalizeFieldOptions, prepareComputedOptions, type ComputedRecord, type Field, type FieldTypeKey } from '@multitable/core';
import type { TableMeta } from '@multitable/storage';
import { describe, expect, it } from 'vitest';
import { buildBaseSchema, type BaseDefinition } from './base-schema';

const tableId = 'tbl_visits0000000000';
const table: TableMeta = { id: tableId, baseId: 'bse_clinic0000000000', name: 'Visits', description: '', position: 'a0', primaryFieldId: 'fld_fee0000000000000', createdAt: '2026-01-01T00:00:00.000Z' };

function stored(id: string, name: string, type: FieldTypeKey): Field {
  return { id, tableId, name, type, options: normalizeFieldOptions(type, {}), description: '', isPrimary: id === table.primaryFieldId };
}

function formula(id: string, name: string, text: string, fields: readonly Field[]): Field {
  const byId = new Map(fields.map((field) => [field.id, field]));
  const prepared = prepareComputedOptions('formula', normalizeFieldOptions('formula', { formula: text }), { field: { id, tableId, name }, fields: byId });
  return { id, tableId, name, type: 'formula', options: normalizeFieldOptions('formula', prepared), description: '', isPrimary: false };
}

const fee = stored('fld_fee0000000000000', 'Fee', 'number');
const note = stored('fld_note000000000000', 'Note', 'singleLineText');
const doubled = formula('fld_doubled000000000', 'Doubled', '{Fee} * 2', [fee, note]);
const stamped = formula('fld_stamped000000000', 'Stamped', 'NOW()', [fee, note]);

const noUsers = { byId: () => undefined, byText: () => undefined };
const context = (now: string) => ({ now: new Date(now), timeZone: 'UTC', format: { timeZone: 'UTC', locale: 'en', users: noUsers } });
const record: ComputedRecord = { id: 'rec_a000000000000000', values: { [fee.id]: 21 }, createdTime: '2026-01-01T00:00:00.000Z', modifiedTime: '2026-01-01T00:00:00.000Z' };
const computeOne = (schema: ReturnType<typeof buildBaseSchema>, fieldId: string) => schema.computers.get(fieldId)!.compute({ record, linked: () => [] });

describe('buildBaseSchema', () => {
  // As the metadata cache hands them out: the same (frozen) lists for one schema version.
  const definition: BaseDefinition = { tables: Object.freeze([table]), fieldLists: Object.freeze([Object.freeze([fee, note, doubled, stamped])]) };

  it('knows which fields are computed and what each reads', () => {
    const schema = buildBaseSchema(definition, context('2026-03-01T00:00:00.000Z'));
    expect([...schema.dependencies.keys()].sort()).toEqual([doubled.id, stamped.id].sort());
    expect(schema.dependencies.get(doubled.id)).toEqual([{ kind: 'sameRecord', fieldId: fee.id }]);
    expect(schema.computers.size).toBe(2);
    expect(schema.computers.has(fee.id)).toBe(false);
    expect(schema.computers.get(fee.id)).toBeUndefined();
    expect(schema.graph.recalculationOrder([fee.id]).map((node) => node.id)).toEqual([doubled.id]);
  });

  it('keeps the graph of the same lists, and computes each change under its own clock', () => {
    const march = buildBaseSchema(definition, context('2026-03-01T00:00:00.000Z'));
    const april = buildBaseSchema(definition, context('2026-04-01T00:00:00.000Z'));
    expect(april.graph).toBe(march.graph);
    expect(april.dependencies).toBe(march.dependencies);
    expect(computeOne(march, stamped.id)).toBe('2026-03-01T00:00:00.000Z');
    expect(computeOne(april, stamped.id)).toBe('2026-04-01T00:00:00.000Z');
    expect(computeOne(april, doubled.id)).toBe(42);
  });

  it('builds each computer once per change, only when asked for', () => {
    const schema = buildBaseSchema(definition, context('2026-03-01T00:00:00.000Z'));
    expect(schema.computers.get(doubled.id)).toBe(schema.computers.get(doubled.id));
    expect(buildBaseSchema(definition, context('2026-03-01T00:00:00.000Z')).computers.get(doubled.id)).not.toBe(schema.computers.get(doubled.id));
  });

  it('builds the structure again for other field lists (a schema read afresh, or another version)', () => {
    const before = buildBaseSchema(definition, context('2026-03-01T00:00:00.000Z'));
    const tripled = formula('fld_tripled000000000', 'Tripled', '{Doubled} + {Fee}', [fee, note, doubled, stamped]);
    const grown: BaseDefinition = { tables: definition.tables, fieldLists: [[fee, note, doubled, stamped, tripled]] };
    const after = buildBaseSchema(grown, context('2026-03-01T00:00:00.000Z'));
    expect(after.graph).not.toBe(before.graph);
    expect(after.graph.recalculationOrder([fee.id]).map((node) => node.id)).toEqual([doubled.id, tripled.id]);
    expect(buildBaseSchema(definition, context('2026-03-01T00:00:00.000Z')).graph.recalculationOrder([fee.id]).map((node) => node.id)).toEqual([doubled.id]);
  });
});
