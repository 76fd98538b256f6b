/**
 * `history.cells`: a record's creation or deletion is stored as one row that carries the cells
 * the record was created or deleted with, instead of one row per cell (changes/history-rows.ts
 * says the shape and how it reads back as the same entries). Rows written before keep it NULL.
 */
import type { Migration } from './migration';

export const historyRecordCellsMigration: Migration = {
  version: 6,
  name: 'history-record-cells',
  async up(db) {
    await db.schema.alterTable('history').addColumn('cells', 'text').execute();
  },
};
