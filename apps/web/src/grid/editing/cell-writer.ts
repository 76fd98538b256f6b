/**
 * Every change a user makes to cells goes through here — an edit, a paste, Delete, a checkbox
 * click, undo and redo — as one action:
 * 1. each input is checked with core (read-only field? does the value cast?); the first refusal
 *    is shown at its cell and nothing is sent;
 * 2. the cells show their new values at once;
 * 3. one batch PATCH (chunks of 1000) with `typecast`; the server's answer replaces the values
 *    of the cells written, so the grid shows what was stored;
 * 4. if the server refuses, the cells go back to their old values and its message is shown at
 *    the cell it names.
 * Successful user actions are recorded for undo; undo writes the old values back the same way.
 *
 * When the server cannot be reached at all (the browser is offline), the cells keep their new
 * values and the batch waits; `sendWaiting()` sends the waiting batches in order once the
 * connection is back. Cells with a change on its way or waiting are `isPending`, so live updates
 * from other people do not draw over them meanwhile.
 */
import type { GridApi, IRowNode } from 'ag-grid-community';
import { ApiError } from '../../api/client';
import { maxRecordBatch, updateRecords, type ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import { castInput, isWritable, sameValue, canonicalOf, type CellEnvironment } from '../cell-values';
import { UndoStack } from './undo-stack';

export interface CellInput {
  recordId: string;
  fieldId: string;
  /** Anything core's loose cast reads: typed text, a picked value, a pasted string, null to clear. */
  input: unknown;
}

export interface CellChange {
  recordId: string;
  fieldId: string;
  /** Presented values (as the API shows them) before and after. */
  before: unknown;
  after: unknown;
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

export interface WriterDeps {
  baseId: string;
  tableId: string;
  fields(): ReadonlyMap<string, ApiField>;
  /** Whether the user's role may edit the field (the server decides; this spares a refused request). */
  mayEdit(fieldId: string): boolean;
  env(): CellEnvironment;
  grid(): GridApi<ApiRecord> | undefined;
  showError(cell: CellPosition, message: string): void;
  /** Called after the server stored a change (the record panel reads its history again). */
  onStored(): void;
  /** How many batches wait for the connection (0 when all were sent). */
  onWaiting(count: number): void;
  messages: WriterMessages;
}

type Source = 'user' | 'undo' | 'redo';

export type ReplayOutcome = 'done' | 'none' | 'failed';

interface PlannedCell {
  change: CellChange;
  send: unknown;
}

/** fetch rejects with a TypeError when no answer came at all (offline, server unreachable). */
function isUnreachable(error: unknown): boolean {
  return error instanceof TypeError;
}

export class CellWriter {
  readonly history = new UndoStack<CellChange[]>();
  private readonly waiting: PlannedCell[][] = [];
  /** Cells (`record/field`) with a change sent or waiting, by how many such changes. */
  private readonly pending = new Map<string, number>();

  constructor(private readonly deps: WriterDeps) {}

  private node(recordId: string): IRowNode<ApiRecord> | undefined {
    return this.deps.grid()?.getRowNode(recordId) ?? undefined;
  }

  private currentValue(recordId: string, fieldId: string): unknown {
    return this.node(recordId)?.data?.fields[fieldId] ?? null;
  }

  private show(cells: ReadonlyArray<{ recordId: string; fieldId: string; value: unknown }>): void {
    const byRecord = new Map<string, Array<{ fieldId: string; value: unknown }>>();
    for (const cell of cells) byRecord.set(cell.recordId, [...(byRecord.get(cell.recordId) ?? []), cell]);
    for (const [recordId, values] of byRecord) {
      const node = this.node(recordId);
      if (!node?.data) continue;
      const fields = { ...node.data.fields };
      for (const { fieldId, value } of values) {
        if (value === null || value === undefined) delete fields[fieldId];
        else fields[fieldId] = value;
      }
      // In place, then only these cells: replacing the row (setData) would redraw every cell of
      // it and close an editor the user has meanwhile opened in the same row.
      node.data.fields = fields;
      this.deps.grid()?.refreshCells({ rowNodes: [node], columns: values.map((value) => value.fieldId) });
    }
  }

  /** Checks every input; returns the plan, or shows the first refusal and returns undefined. */
  private plan(inputs: readonly CellInput[], knownBefore?: ReadonlyMap<string, unknown>): PlannedCell[] | undefined {
    const fields = this.deps.fields();
    const env = this.deps.env();
    const planned: PlannedCell[] = [];
    for (const { recordId, fieldId, input } of inputs) {
      const field = fields.get(fieldId);
      if (!field) continue;
      if (!isWritable(field)) {
        this.deps.showError({ recordId, fieldId }, this.deps.messages.readOnly(field));
        return undefined;
      }
      if (!this.deps.mayEdit(fieldId)) {
        this.deps.showError({ recordId, fieldId }, this.deps.messages.notAllowed(field));
        return undefined;
      }
      const outcome = castInput(field, input, env);
      if (!outcome.ok) {
        this.deps.showError({ recordId, fieldId }, this.deps.messages.invalid(field, outcome.reason));
        return undefined;
      }
      const key = `${recordId}/${fieldId}`;
      const before = knownBefore?.has(key) ? knownBefore.get(key) : this.currentValue(recordId, fieldId);
      if (sameValue(canonicalOf(field, before, env), outcome.value)) continue;
      planned.push({ change: { recordId, fieldId, before, after: outcome.shown }, send: outcome.send });
    }
    return planned;
  }

  /** Applies a user action; resolves to whether anything was written. */
  write(inputs: readonly CellInput[]): Promise<boolean> {
    return this.apply(inputs, 'user');
  }

  isPending(recordId: string, fieldId: string): boolean {
    return this.pending.has(`${recordId}/${fieldId}`);
  }

  private mark(planned: readonly PlannedCell[], delta: 1 | -1): void {
    for (const { change } of planned) {
      const key = `${change.recordId}/${change.fieldId}`;
      const count = (this.pending.get(key) ?? 0) + delta;
      if (count > 0) this.pending.set(key, count);
      else this.pending.delete(key);
    }
  }

  private async apply(inputs: readonly CellInput[], source: Source, knownBefore?: ReadonlyMap<string, unknown>): Promise<boolean> {
    const planned = this.plan(inputs, knownBefore);
    if (!planned || planned.length === 0) return false;
    const changes = planned.map((cell) => cell.change);
    this.show(changes.map((change) => ({ recordId: change.recordId, fieldId: change.fieldId, value: change.after })));
    this.mark(planned, 1);
    try {
      // Behind batches still waiting, so the server sees the user's changes in their order.
      const stored = this.waiting.length > 0 ? undefined : await this.send(planned);
      if (!stored) {
        this.wait(planned);
        if (source === 'user') this.history.record(changes);
        return true;
      }
      this.mark(planned, -1);
      this.stored(planned, stored);
      if (source === 'user') this.history.record(changes.map((change) => ({ ...change, after: stored.get(change.recordId)?.fields[change.fieldId] ?? null })));
      return true;
    } catch (error) {
      if (isUnreachable(error)) {
        this.wait(planned);
        if (source === 'user') this.history.record(changes);
        return true;
      }
      this.mark(planned, -1);
      this.refused(planned, error);
      if (source === 'user') return false;
      throw error;
    }
  }

  private wait(planned: PlannedCell[]): void {
    this.waiting.push(planned);
    this.deps.onWaiting(this.waiting.length);
  }

  private stored(planned: readonly PlannedCell[], stored: ReadonlyMap<string, ApiRecord>): void {
    this.deps.onStored();
    this.show(planned.map(({ change }) => ({ ...change, value: stored.get(change.recordId)?.fields[change.fieldId] ?? null })));
  }

  private refused(planned: readonly PlannedCell[], error: unknown): void {
    this.show(planned.map(({ change }) => ({ recordId: change.recordId, fieldId: change.fieldId, value: change.before })));
    this.deps.showError(this.blamedCell(error, planned), error instanceof Error ? error.message : String(error));
  }

  /**
   * Sends the batches that waited for the connection, oldest first. Stops (keeping the rest) if
   * the server is still out of reach; a batch the server refuses goes back to its old values.
   */
  async sendWaiting(): Promise<void> {
    while (this.waiting.length > 0) {
      const planned = this.waiting[0]!;
      try {
        this.stored(planned, await this.send(planned));
      } catch (error) {
        if (isUnreachable(error)) return;
        this.refused(planned, error);
      }
      this.waiting.shift();
      this.mark(planned, -1);
      this.deps.onWaiting(this.waiting.length);
    }
  }

  private async send(planned: readonly PlannedCell[]): Promise<Map<string, ApiRecord>> {
    const byRecord = new Map<string, Record<string, unknown>>();
    for (const { change, send } of planned) {
      byRecord.set(change.recordId, { ...byRecord.get(change.recordId), [change.fieldId]: send });
    }
    const records = [...byRecord].map(([id, fields]) => ({ id, fields }));
    const stored = new Map<string, ApiRecord>();
    // Batches over 1000 records go in several requests; each is all-or-nothing on the server.
    for (let start = 0; start < records.length; start += maxRecordBatch) {
      const answer = await updateRecords(this.deps.baseId, this.deps.tableId, records.slice(start, start + maxRecordBatch));
      for (const record of answer) stored.set(record.id, record);
    }
    return stored;
  }

  /** The cell a server refusal names (record index or id, field name or id), else the first one written. */
  private blamedCell(error: unknown, planned: readonly PlannedCell[]): CellPosition {
    const first = planned[0]!.change;
    if (!(error instanceof ApiError)) return first;
    const { record, field } = error.details;
    const recordIds = [...new Set(planned.map((cell) => cell.change.recordId))];
    const recordId = typeof record === 'number' ? recordIds[record] : typeof record === 'string' ? record : undefined;
    const fields = this.deps.fields();
    const fieldId = [...fields.values()].find((candidate) => candidate.name === field || candidate.id === field)?.id;
    const match = planned.find((cell) => (recordId === undefined || cell.change.recordId === recordId) && (fieldId === undefined || cell.change.fieldId === fieldId));
    return match?.change ?? first;
  }

  private async replay(entry: CellChange[], direction: 'undo' | 'redo'): Promise<ReplayOutcome> {
    const inputs = entry.map((change) => ({ recordId: change.recordId, fieldId: change.fieldId, input: direction === 'undo' ? change.before : change.after }));
    const before = new Map(entry.map((change) => [`${change.recordId}/${change.fieldId}`, direction === 'undo' ? change.after : change.before]));
    try {
      await this.apply(inputs, direction, before);
      return 'done';
    } catch {
      if (direction === 'undo') this.history.restoreUndo(entry);
      else this.history.restoreRedo(entry);
      return 'failed';
    }
  }

  /** Undoes the latest own action ('none' when there is nothing to undo). */
  async undo(): Promise<ReplayOutcome> {
    const entry = this.history.takeUndo();
    return entry ? this.replay(entry, 'undo') : 'none';
  }

  /** Redoes the latest undone action ('none' when there is nothing to redo). */
  async redo(): Promise<ReplayOutcome> {
    const entry = this.history.takeRedo();
    return entry ? this.replay(entry, 'redo') : 'none';
  }
}
