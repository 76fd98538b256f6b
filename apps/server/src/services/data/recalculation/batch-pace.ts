/**
 * How many records the next background fill batch takes. One batch is one transaction, and while
 * it runs other requests wait for the database (SQLite has one connection), so a batch should
 * take about the time budget: batches grow while they are quicker — a formula over the record's
 * own cells fills tens of thousands of records in that time — and shrink while they are slower
 * (a rollup over many linked records), which also bounds the memory one batch holds.
 * Steps are bounded (at most ×2, at least ×¼) so one slow or quick batch (a pause for garbage
 * collection, a cold cache) does not swing the size.
 */

/** The most records one batch holds, whatever the budget allows: the batch is held in memory. */
export const maxFillBatchSize = 50_000;

export interface BatchPace {
  /** Records the first batch takes (`computedFillBatchSize`). */
  initial: number;
  /** Time one batch should take, in ms; 0 keeps every batch at `initial`. */
  budgetMs: number;
}

export function nextBatchSize(pace: BatchPace, current: number, elapsedMs: number): number {
  if (pace.budgetMs <= 0) return pace.initial;
  const ratio = elapsedMs > 0 ? pace.budgetMs / elapsedMs : 2;
  const scaled = Math.floor(current * Math.min(2, Math.max(0.25, ratio)));
  return Math.min(Math.max(pace.initial, maxFillBatchSize), Math.max(1, scaled));
}
