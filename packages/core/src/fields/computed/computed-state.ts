/**
 * Options the server keeps on computed fields, not the person designing them: derived facts
 * (the result kind, the looked-up field's shape) and state (a fill in progress, when a
 * time-dependent formula was last refreshed). The API shows them; input for them is ignored —
 * `withoutServerState` drops them before a field's options are checked and prepared.
 */
import { Type } from '@sinclair/typebox';

export interface FillProgress {
  /** Records computed so far. */
  done: number;
  /** Records the table had when the fill started. */
  total: number;
}

/** `filling`: set while a large table's values are being computed in batches; null when complete. */
export const fillingProperty = {
  filling: Type.Union(
    [Type.Object({ done: Type.Integer({ minimum: 0 }), total: Type.Integer({ minimum: 0 }) }, { additionalProperties: false }), Type.Null()],
    { default: null, description: 'Set by the server while it computes the values of a large table (read-only)' },
  ),
};

/**
 * `refreshedAt`: for fields whose values change as days pass (a formula using TODAY() or NOW(),
 * a condition on "today" or "past week"), when the server last recomputed them.
 */
export const refreshedAtProperty = {
  refreshedAt: Type.Union([Type.String(), Type.Null()], {
    default: null,
    description: 'When values that depend on the date (TODAY(), NOW(), "today" in a condition) were last refreshed (read-only)',
  }),
};

/** Keys of computed options the server derives or maintains; `formulaText` is only ever shown. */
export const serverStateKeys = ['resultKind', 'targetShape', 'filling', 'refreshedAt', 'formulaText'] as const;

/** Options as a person may give them: server-kept keys removed. */
export function withoutServerState(options: Record<string, unknown>): Record<string, unknown> {
  const kept = { ...options };
  for (const key of serverStateKeys) delete kept[key];
  return kept;
}
