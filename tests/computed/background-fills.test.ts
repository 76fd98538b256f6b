/**
 * Background fills of computed fields on tables larger than one batch, on SQLite and PostgreSQL:
 * batches that grow while they are quick still fill every record exactly once whatever the order
 * of the record ids; what reads the filled field cascades in the same batches (same table and
 * through links) and tells the outbox which records it recalculated, while the filled field itself
 * is announced by its progress events; a fill whose field changed since it was planned stops
 * without writing; a time-dependent formula records the instant it was computed at.
 */
import { describe, expect, it } from 'vitest';
import * as store from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { useComputedBase } from './computed-helpers';

const records = 300;

describeEachDialect('background fills', (dialect) => {
  // Batches start at 10 records and double while they take under a minute: 10, 20, 40, 80, 150.
  const app = useComputedBase(dialect, { config: { computedFillBatchSize: 10, computedFillBatchMs: 60_000 } });

  async function numbers(name: string) {
    const table = await app.b.table(name, [{ name: 'N', type: 'number' }]);
    const created = await app.b.create(table.id, Array.from({ length: records }, (_, i) => ({ N: i + 1 })));
    return { table, ids: created.map((record) => record.id) };
  }

  const progressOf = (fieldId: string) =>
    app.b.events.filter((event) => event.payload.fieldId === fieldId && event.type.startsWith('field.fill')).map((event) => [event.type, event.payload.done, event.payload.total]);

  describe('growing batches', () => {
    it('fill every record exactly once, whatever the order of the ids', async () => {
      const { table, ids } = await numbers('Many');
      expect([...ids].sort()).not.toEqual(ids); // ids are random: their order is not the creation order
      app.b.events.length = 0;
      const double = await app.b.field(table.id, { name: 'Double', type: 'formula', options: { formula: '{N} * 2' } });
      await app.b.settle();

      expect(progressOf(double.id)).toEqual([
        ['field.filling', 0, records],
        ['field.filling', 10, records],
        ['field.filling', 30, records],
        ['field.filling', 70, records],
        ['field.filling', 150, records],
        ['field.filled', records, records],
      ]);
      expect((await app.b.fieldNamed(table.id, 'Double')).options.filling).toBeNull();
      const values = await app.b.values(table.id, 'Double');
      const n = await app.b.values(table.id, 'N');
      expect(Object.keys(values).sort()).toEqual([...ids].sort());
      for (const id of ids) expect(values[id]).toBe((n[id] as number) * 2);
    });
  });

  describe('what reads the filled field', () => {
    it('is recalculated batch by batch, same table and through links, each record once', async () => {
      const { table, ids } = await numbers('Cascade');
      await app.b.field(table.id, { name: 'Double', type: 'formula', options: { formula: '{N} * 2' } });
      await app.b.field(table.id, { name: 'Quad', type: 'formula', options: { formula: '{Double} * 2' } });
      const groups = await app.b.table('Groups', [{ name: 'Name', type: 'singleLineText' }]);
      const [even, odd] = (await app.b.create(groups.id, [{ Name: 'even' }, { Name: 'odd' }])).map((record) => record.id) as [string, string];
      await app.b.field(table.id, { name: 'Group', type: 'link', options: { linkedTableId: groups.id } });
      const n = await app.b.values(table.id, 'N');
      for (const id of ids) await app.b.update(table.id, id, { Group: [(n[id] as number) % 2 === 0 ? even : odd] });
      const inverse = (await app.b.fields(groups.id)).find((field) => field.type === 'link')!;
      await app.b.field(groups.id, { name: 'Sum', type: 'rollup', options: { linkFieldId: inverse.name, targetFieldId: 'Double', aggregation: 'sum' } });
      await app.b.settle();

      app.b.events.length = 0;
      const double = await app.b.fieldNamed(table.id, 'Double');
      const quad = await app.b.fieldNamed(table.id, 'Quad');
      await app.b.patchField(table.id, double.id, { options: { formula: '{N} * 3' } });
      await app.b.settle();

      const quads = await app.b.values(table.id, 'Quad');
      for (const id of ids) expect(quads[id]).toBe((n[id] as number) * 6);
      const sums = await app.b.values(groups.id, 'Sum');
      const triple = (parity: number) => ids.filter((id) => (n[id] as number) % 2 === parity).reduce((sum, id) => sum + (n[id] as number) * 3, 0);
      expect(sums).toEqual({ [even]: triple(0), [odd]: triple(1) });

      const recalculated = app.b.events.filter((event) => event.type === 'records.recalculated');
      // The filled field is announced by its progress, not record by record…
      expect(recalculated.filter((event) => event.payload.fieldId === double.id)).toEqual([]);
      expect(progressOf(double.id).at(-1)).toEqual(['field.filled', records, records]);
      // …and each record of what reads it changed once, in one batch or another.
      const quadIds = recalculated.filter((event) => event.payload.fieldId === quad.id).flatMap((event) => event.payload.recordIds as string[]);
      expect([...quadIds].sort()).toEqual([...ids].sort());
    });
  });

  it('stops a fill whose field changed since it was planned, writing nothing', async () => {
    const { table, ids } = await numbers('Stale');
    const next = await app.b.field(table.id, { name: 'Next', type: 'formula', options: { formula: '{N} + 1' } });
    await app.b.settle();
    const { db, dialect: sqlDialect } = app.t.database;
    const field = await store.requireField(db, next.id);
    await store.writeComputedCells(db, sqlDialect, field, ids.map((id) => ({ id, value: null })));
    app.b.events.length = 0;

    const stale = JSON.stringify({ type: 'formula', options: { ...field.options, formula: '{N} + 2', filling: undefined } });
    app.t.app.backgroundFills.start([{ baseId: app.b.baseId, tableId: table.id, fieldId: next.id, actorId: 'system', signature: stale, total: records }]);
    await app.b.settle();

    expect(progressOf(next.id)).toEqual([]);
    expect(Object.values(await app.b.values(table.id, 'Next')).every((value) => value === null)).toBe(true);
  });

  it('computes a time-dependent formula at one instant, and records it as refreshed then', async () => {
    const { table, ids } = await numbers('Clock');
    const started = app.t.clock.now();
    const today = await app.b.field(table.id, { name: 'Stamp', type: 'formula', options: { formula: 'DATETIME_FORMAT(NOW(), "YYYY-MM-DD HH:mm")' } });
    await app.b.settle();
    const field = await app.b.fieldNamed(table.id, 'Stamp');
    expect(field.options.filling).toBeNull();
    expect(field.options.refreshedAt).toBe(new Date(started).toISOString());
    const values = new Set(Object.values(await app.b.values(table.id, 'Stamp')));
    expect(values.size).toBe(1);
    expect(progressOf(today.id).at(-1)).toEqual(['field.filled', ids.length, records]);
  });
});
