/**
 * The first step of every write (./cell-writer.ts): each input is checked with core — a field
 * that is read-only, one the user's role may not edit, a value that does not cast — and, when all
 * pass, the cells that really change are planned: their presented values before and after and
 * what the API is sent. A cell whose value stays the same is left out.
 */
import type { ApiField } from '../../api/tables';
import { canonicalOf, castInput, isWritable, sameValue, type CellEnvironment } from '../cell-values';
import type { WaitingCell } from './waiting-batches';

export interface CellInput {
  recordId: string;
  fieldId: string;
  /** Anything core's loose cast reads: typed text, a picked value, a pasted string, null to clear. */
  input: unknown;
}

export interface CellPosition {
  recordId: string;
  fieldId: string;
}

export interface WriterMessages {
  readOnly(field: ApiField): string;
  /** The user's role may not edit the field. */
  notAllowed(field: ApiField): string;
  invalid(field: ApiField, reason: string): string;
}

/** What core makes of one input for a field: the value to send, or why it is refused. */
export type CheckedInput = { ok: true; send: unknown; shown: unknown; value: unknown } | { ok: false; message: string };

/** A cell to write: its presented values before and after, and what the API is sent. */
export type PlannedCell = WaitingCell;

export type CellPlan = { ok: true; cells: PlannedCell[] } | { ok: false; cell: CellPosition; message: string };

export interface InputRules {
  fields: ReadonlyMap<string, ApiField>;
  env: CellEnvironment;
  /** Whether the user's role may edit the field (the server decides; this spares a refused request). */
  mayEdit(fieldId: string): boolean;
  messages: WriterMessages;
}

export function checkInput(field: ApiField, input: unknown, { env, mayEdit, messages }: InputRules): CheckedInput {
  if (!isWritable(field)) return { ok: false, message: messages.readOnly(field) };
  if (!mayEdit(field.id)) return { ok: false, message: messages.notAllowed(field) };
  const outcome = castInput(field, input, env);
  if (!outcome.ok) return { ok: false, message: messages.invalid(field, outcome.reason) };
  return { ok: true, send: outcome.send, shown: outcome.shown, value: outcome.value };
}

/** Checks every input (inputs for unknown fields are skipped); the first refusal stops the plan. */
export function planCells(inputs: readonly CellInput[], rules: InputRules, before: (cell: CellPosition) => unknown): CellPlan {
  const cells: PlannedCell[] = [];
  for (const { recordId, fieldId, input } of inputs) {
    const field = rules.fields.get(fieldId);
    if (!field) continue;
    const outcome = checkInput(field, input, rules);
    if (!outcome.ok) return { ok: false, cell: { recordId, fieldId }, message: outcome.message };
    const old = before({ recordId, fieldId });
    if (sameValue(canonicalOf(field, old, rules.env), outcome.value)) continue;
    cells.push({ recordId, fieldId, before: old, after: outcome.shown, send: outcome.send });
  }
  return { ok: true, cells };
}
