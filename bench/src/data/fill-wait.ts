/**
 * Waiting for a computed field's values. The server fills a new (or changed) computed field in
 * the background, batch after batch, and shows progress in the field's `options.filling`
 * (`{ done, total }`, null when complete) — so "filled" is when the API says so, polled every
 * 100 ms. A field that never reports filling was filled before the response.
 */
import type { HttpClient } from '../http/client';

export interface FillOutcome {
  filled: boolean;
  /** From the moment of the call until the field showed no fill in progress. */
  waitedMs: number;
  progress?: { done: number; total: number };
}

export async function waitForFill(api: HttpClient, baseId: string, tableId: string, fieldId: string, timeoutMs: number): Promise<FillOutcome> {
  const started = performance.now();
  let progress: FillOutcome['progress'];
  for (;;) {
    const { fields } = await api.json<{ fields: Array<{ id: string; options: { filling?: { done: number; total: number } | null } }> }>(
      'GET',
      `/api/v1/bases/${baseId}/tables/${tableId}/fields`,
    );
    const field = fields.find((f) => f.id === fieldId);
    if (!field) throw new Error(`Field ${fieldId} vanished while filling`);
    const filling = field.options.filling;
    if (!filling) return { filled: true, waitedMs: performance.now() - started, ...(progress ? { progress } : {}) };
    progress = filling;
    if (performance.now() - started > timeoutMs) return { filled: false, waitedMs: performance.now() - started, progress };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Waits until no field of the base is filling, so the harness may write the database directly
 * without meeting a fill's open transaction (SQLite has one writer at a time).
 */
export async function waitForQuiet(api: HttpClient, baseId: string, timeoutMs: number): Promise<number> {
  const started = performance.now();
  for (;;) {
    const { tables } = await api.json<{ tables: Array<{ fields: Array<{ options: { filling?: unknown } }> }> }>('GET', `/api/v1/bases/${baseId}/tables`);
    const busy = tables.some((table) => table.fields.some((field) => field.options.filling));
    if (!busy || performance.now() - started > timeoutMs) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
