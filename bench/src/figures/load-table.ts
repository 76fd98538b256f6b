/**
 * The mixed load's own table: the visits' stored fields and, when the server has formulas, the
 * two formulas (added while the table is empty); 100,000 records loaded through storage like
 * the bulk of the visits, formulas computed by core; a view
 * sorted by Visit date (so the server indexes it); and the record ids the writers update.
 */
import { visitValues } from '../data/hospital-rows';
import { dataFormulas, loadTableName, visitStoredFields } from '../data/hospital-schema';
import { addField, createTable, fillTimeoutMs } from '../data/hospital-tables';
import { waitForQuiet } from '../data/fill-wait';
import { bulkLoad, openStorage, type StorageTarget } from '../data/bulk-load';
import { recordComputer } from '../data/bulk-compute';
import { tableSql, type BenchContext } from '../context';
import type { LoadTable } from './mixed-load';
import { createView } from './views';

export async function prepareLoadTable(context: BenchContext, target: StorageTarget): Promise<LoadTable & { notes: string[] }> {
  const { api, baseId, scale } = context;
  const table = await createTable(api, baseId, loadTableName, visitStoredFields);
  const notes: string[] = [];
  for (const formula of dataFormulas) {
    const outcome = await addField(api, baseId, table.id, formula);
    if (!outcome.ok) notes.push(`formula ${formula.name} not on the load table: ${outcome.reason}`);
  }
  await waitForQuiet(api, baseId, fillTimeoutMs); // fills started by earlier figures hold SQLite's write lock batch by batch
  const database = await openStorage(target);
  try {
    const computer = await recordComputer(database, baseId, table.id, context.timeZone);
    await bulkLoad(database, table.id, context.ownerId, { from: 0, to: scale.loadTableRecords }, (i) => visitValues(scale, i, context.doctorIds), undefined, computer);
  } finally {
    await database.close();
  }
  const view = await createView(api, baseId, table.id, 'By visit date', { sorts: [{ field: 'Visit date', direction: 'desc' }] });
  if (!view.ok) throw new Error(`The load table's sorted view was refused: ${view.reason}`);
  const rows = (await context.bare.all(`SELECT id FROM ${tableSql(table)}`)) as Array<{ id: string }>;
  return { tableId: table.id, table, sortedViewId: view.id, recordIds: rows.map((row) => row.id), notes };
}
