import { expect, it } from 'vitest';
import { createView, deleteView, getView, listViews, reorderView, updateView } from '@multitable/storage';
import { describeEachDialect } from '../support/databases';
import { makeTable, useDatabase } from './schema-factories';

describeEachDialect('views', (_dialect, newStore) => {
  const database = useDatabase(newStore);

  it('creates views after the default grid view and lists them in order', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const config = { filter: { and: [] }, sorts: [{ field: made.primary.id, direction: 'asc' }] };
    const view = await database().transaction((trx) => createView(trx, dialect, { tableId: made.table.id, name: 'Sorted', config }));
    expect(view).toMatchObject({ tableId: made.table.id, name: 'Sorted', type: 'grid', config });
    expect(await getView(db, view.id)).toEqual(view);
    expect((await listViews(db, made.table.id)).map((v) => v.name)).toEqual(['Grid view', 'Sorted']);
  });

  it('renames a view and replaces its config, refusing a name another view of the table has', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const view = await database().transaction((trx) => createView(trx, dialect, { tableId: made.table.id, name: 'Mine' }));
    const updated = await database().transaction((trx) => updateView(trx, dialect, view.id, { name: 'Ours', config: { rowHeight: 'tall' } }));
    expect(updated).toMatchObject({ name: 'Ours', config: { rowHeight: 'tall' } });
    expect(await getView(db, view.id)).toEqual(updated);
    await expect(database().transaction((trx) => updateView(trx, dialect, view.id, { name: 'Grid view' }))).rejects.toMatchObject({
      code: 'NAME_TAKEN',
      details: { name: 'Grid view', table: made.table.id },
    });
    await expect(database().transaction((trx) => createView(trx, dialect, { tableId: made.table.id, name: 'Ours' }))).rejects.toMatchObject({
      code: 'NAME_TAKEN',
    });
  });

  it('reorders views', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const second = await database().transaction((trx) => createView(trx, dialect, { tableId: made.table.id, name: 'Second' }));
    const first = (await listViews(db, made.table.id))[0]!;
    await reorderView(db, second.id, { before: first.id });
    expect((await listViews(db, made.table.id)).map((v) => v.name)).toEqual(['Second', 'Grid view']);
  });

  it('deletes a view but never the table’s last one', async () => {
    const { db, dialect } = database();
    const made = await makeTable(database());
    const extra = await database().transaction((trx) => createView(trx, dialect, { tableId: made.table.id, name: 'Extra' }));
    await database().transaction((trx) => deleteView(trx, extra.id));
    expect(await getView(db, extra.id)).toBeUndefined();
    const [last] = await listViews(db, made.table.id);
    await expect(database().transaction((trx) => deleteView(trx, last!.id))).rejects.toMatchObject({ code: 'CONFLICT', details: { view: last!.id } });
    expect(await listViews(db, made.table.id)).toHaveLength(1);
    await expect(database().transaction((trx) => deleteView(trx, extra.id))).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
