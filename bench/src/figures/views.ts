/**
 * Views the figures read through: created by the API the way a user saves a sorted or filtered
 * view, and timed, because creating a view that sorts or filters on a field is where the server
 * builds the field's index (DESIGN §4) — on a million records that is not free.
 */
import type { HttpClient } from '../http/client';
import { errorMessage } from '../data/hospital-tables';

export interface ViewOutcome {
  ok: boolean;
  id: string;
  ms: number;
  reason?: string;
}

export async function createView(
  api: HttpClient,
  baseId: string,
  tableId: string,
  name: string,
  config: { sorts?: Array<{ field: string; direction: 'asc' | 'desc' }>; filter?: unknown },
): Promise<ViewOutcome> {
  const reply = await api.send('POST', `/api/v1/bases/${baseId}/tables/${tableId}/views`, { name, config });
  if (reply.status === 201 || reply.status === 200) return { ok: true, id: (JSON.parse(reply.text) as { id: string }).id, ms: reply.ms };
  if (reply.status >= 500) throw new Error(`Creating view "${name}" answered ${reply.status}: ${reply.text}`);
  return { ok: false, id: '', ms: reply.ms, reason: errorMessage(reply.text) };
}

export const condition = (field: string, operator: string, value: unknown) => ({ conjunction: 'and', conditions: [{ field, operator, value }] });
