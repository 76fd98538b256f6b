/**
 * A change's history rows and outbox events, written together at the end of its transaction.
 * Where an INSERT may sit in a WITH (PostgreSQL), a change small enough for one statement writes
 * both in one — `WITH history_rows AS (INSERT INTO history …) INSERT INTO outbox …` — one round
 * trip instead of two, for every single-record edit. Larger changes, and SQLite (whose statements
 * cost no round trip), write each as its own (./history.ts, ./outbox.ts). The statement text of
 * a shape (columns and row counts) is compiled once (physical/statement-texts.ts).
 */
import { CompiledQuery } from 'kysely';
import type { Executor } from '../database';
import type { SqlDialect } from '../dialects/dialect';
import { userDb } from '../physical/executor';
import { placeholderRow, statementTexts } from '../physical/statement-texts';
import { appendHistory, historyRows, type HistoryEntryInput } from './history';
import { appendOutbox, outboxRow, type OutboxEventInput } from './outbox';

/** Rows of either kind one combined statement takes at most: an edit's few, not a batch's thousand. */
const maxRowsTogether = 50;
const texts = statementTexts(200);

const outboxColumns = Object.keys(outboxRow({ baseId: '', tableId: null, type: '', payload: null, actorId: '', createdAt: '' }));

function combinedText(executor: Executor, dialect: SqlDialect, historyColumns: readonly string[], historyCount: number, eventCount: number): string {
  const key = `${dialect.name}\n${historyColumns.join(',')}\n${historyCount}\n${eventCount}`;
  return texts(key, () => {
    const historyRow = placeholderRow(historyColumns);
    const eventRow = placeholderRow(outboxColumns);
    return userDb(executor)
      .with('history_rows', (db) => db.insertInto('history').values(Array.from({ length: historyCount }, () => historyRow)).returning('id'))
      .insertInto('outbox')
      .values(Array.from({ length: eventCount }, () => eventRow))
      .compile().sql;
  });
}

export async function appendChange(
  trx: Executor,
  dialect: SqlDialect,
  history: readonly HistoryEntryInput[],
  events: readonly OutboxEventInput[],
): Promise<void> {
  const together =
    dialect.supportsInsertInWith && history.length > 0 && events.length > 0 && history.length <= maxRowsTogether && events.length <= maxRowsTogether;
  if (!together) {
    await appendHistory(trx, dialect, history);
    await appendOutbox(trx, events);
    return;
  }
  const { columns, rows } = await historyRows(trx, dialect, history);
  const eventRows = events.map((event) => Object.values(outboxRow(event)));
  const text = combinedText(trx, dialect, columns, rows.length, eventRows.length);
  // The WITH comes first in the text, so its parameters do too.
  await trx.executeQuery(CompiledQuery.raw(text, [...rows.flat(), ...eventRows.flat()]));
}
