/**
 * Deleting records. The rows are read (locked where the dialect can) before they go, and
 * returned so the caller can write them to history and undo can restore them. A missing id is
 * NOT_FOUND before anything is deleted.
 */
import { EngineError, type Field } from '@multitable/core';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { atomically, chunkForParameters, userDb } from '../physical/executor';
import { recordIdColumn, userTableName } from '../physical/naming';
import { readRowsById } from './read-rows';
import { recordDecoder, type StoredRecord } from './stored-record';

export async function deleteRecords(
  trx: Executor,
  dialect: SqlDialect,
  table: { id: string },
  fields: readonly Field[],
  ids: readonly string[],
): Promise<StoredRecord[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  return atomically(trx, async (t) => {
    const rows = await readRowsById(t, dialect, table.id, unique, { lock: true });
    for (const id of unique) {
      if (!rows.has(id)) throw new EngineError('NOT_FOUND', `No record "${id}" in this table`, { record: id, table: table.id });
    }
    for (const chunk of chunkForParameters(unique, 1, dialect.maxParameters)) {
      await userDb(t).deleteFrom(userTableName(table.id)).where(recordIdColumn, 'in', chunk).execute();
    }
    const decode = recordDecoder(dialect, fields);
    return unique.map((id) => decode(rows.get(id)!));
  });
}
