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
 * values and the batch waits (./waiting-batches: in localStorage too, so a reload loses none);
 * `sendWaiting()` sends the waiting batches in order once the connection is back or the page is
 * open again. Cells with a change on its way or waiting are `isPending`, so live updates from
 * other people do not draw over them meanwhile, and rows read again show them (`overlay`).
 *
 * An action may also have created records (a paste past the last row): undoing it deletes them,
 * and — their ids being gone — clears what could be redone.
 */
import type { GridApi } from 'ag-grid-community';
import { deleteRecords, type ApiRecord } from '../../api/records';
import type { ApiField } from '../../api/tables';
import type { CellEnvironment } from '../cell-values';
import { blamedCell, sendBatch } from './batch-request';
import { checkInput, planCells, type CellInput, type CellPosition, type CheckedInput, type InputRules, type PlannedCell, type WriterMessages } from './cell-plan';
import { showInGrid, valueInGrid } from './grid-cells';
import { PendingCells } from './pending-cells';
import { UndoStack } from './undo-stack';
import { newBatchId, WaitingBatches, type WaitingBatch } from './waiting-batches';

export type { CellInput, CellPosition, CheckedInput, WriterMessages } from './cell-plan';

export interface CellChange {
  recordId: string;
  fieldId: string;
  /** Presented values (as the API shows them) before and after. */
  before: unknown;
  after: unknown;
}

/** For one write: where its refusals are shown, and the values it replaces when no grid row holds them. */
export interface WriteOptions {
  /** Shows a refusal of this write (default: the writer's own `showError`, at the grid cell). */
  showError?(cell: CellPosition, message: string): void;
  /** Presented values before the write, by `recordId/fieldId` (the record panel of a card view has no grid rows). */
  before?: ReadonlyMap<string, unknown>;
  /** Records the action created before writing its cells (a paste past the last row): undo deletes them. */
  created?: readonly string[];
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
  /**
   * The server refused a batch that had waited for the connection. Its cells went back and the
   * refusal is shown at the cell too, but the user may be looking elsewhere by then.
   */
  onWaitingRefused?(message: string): void;
  /** Records of this table were deleted by an undo (the grid reads its rows again). */
  onRecordsRemoved?(recordIds: readonly string[]): void;
  /** Where waiting batches outlive the page (see ./waiting-batches); none: memory only. */
  waitingStore?: { storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>; key: string };
  messages: WriterMessages;
}

type Source = 'user' | 'undo' | 'redo';

export type ReplayOutcome = 'done' | 'none' | 'failed';

/** One undoable action: the cells it changed and the records it created, if any. */
export interface WriterAction {
  changes: CellChange[];
  created?: readonly string[];
}

/** fetch rejects with a TypeError when no answer came at all (offline, server unreachable). */
function isUnreachable(error: unknown): boolean {
  return error instanceof TypeError;
}

export class CellWriter {
  readonly history = new UndoStack<WriterAction>();
  private readonly waiting: WaitingBatches;
  private readonly pending = new PendingCells();

  constructor(private readonly deps: WriterDeps) {
    this.waiting = new WaitingBatches(deps.waitingStore);
    for (const batch of this.waiting.all()) this.pending.add(batch.cells);
  }

  /** How many batches wait for the connection. */
  get waitingCount(): number {
    return this.waiting.size;
  }

  /** A record as read from the server, with the changes still waiting for it drawn over. */
  overlay(record: ApiRecord): ApiRecord {
    let fields: Record<string, unknown> | undefined;
    for (const batch of this.waiting.all()) {
      if (batch.tableId !== this.deps.tableId) continue;
      for (const cell of batch.cells) {
        if (cell.recordId !== record.id) continue;
        fields ??= { ...record.fields };
        if (cell.after === null || cell.after === undefined) delete fields[cell.fieldId];
        else fields[cell.fieldId] = cell.after;
      }
    }
    return fields ? { ...record, fields } : record;
  }

  private show(cells: ReadonlyArray<{ recordId: string; fieldId: string; value: unknown }>): void {
    showInGrid(this.deps.grid(), cells);
  }

  private rules(): InputRules {
    return { fields: this.deps.fields(), env: this.deps.env(), mayEdit: (fieldId) => this.deps.mayEdit(fieldId), messages: this.deps.messages };
  }

  /** Whether the user's role may edit the field (pickers are disabled when not). */
  mayEdit(fieldId: string): boolean {
    return this.deps.mayEdit(fieldId);
  }

  /** What core makes of an input for a field (the field must exist). */
  check(field: ApiField, input: unknown): CheckedInput {
    return checkInput(field, input, this.rules());
  }

  /** Checks every input; returns the plan, or shows the first refusal and returns undefined. */
  private plan(inputs: readonly CellInput[], knownBefore?: ReadonlyMap<string, unknown>, showError = this.deps.showError): PlannedCell[] | undefined {
    const plan = planCells(inputs, this.rules(), ({ recordId, fieldId }) => {
      const key = `${recordId}/${fieldId}`;
      return knownBefore?.has(key) ? knownBefore.get(key) : valueInGrid(this.deps.grid(), recordId, fieldId);
    });
    if (plan.ok) return plan.cells;
    showError(plan.cell, plan.message);
    return undefined;
  }

  /** Whether every input passes core's checks (showing the first refusal at its cell if not). */
  checkAll(inputs: readonly CellInput[]): boolean {
    return this.plan(inputs) !== undefined;
  }

  /**
   * User actions the server has not answered yet. An action is recorded for undo when its answer
   * comes (with the values stored); an undo or redo waits for these first, so Ctrl+Z pressed right
   * after an edit takes that edit back instead of doing nothing or the one before.
   */
  private readonly unanswered = new Set<Promise<boolean>>();

  /** Applies a user action; resolves to whether anything was written. */
  write(inputs: readonly CellInput[], options: WriteOptions = {}): Promise<boolean> {
    const written = this.apply(inputs, 'user', options);
    this.unanswered.add(written);
    const answered = () => void this.unanswered.delete(written);
    written.then(answered, answered);
    return written;
  }

  /** Whether the cell has a change sent or waiting (live updates leave it alone meanwhile). */
  isPending(recordId: string, fieldId: string): boolean {
    return this.pending.has(recordId, fieldId);
  }

  private async apply(inputs: readonly CellInput[], source: Source, { before: knownBefore, showError = this.deps.showError, created }: WriteOptions = {}): Promise<boolean> {
    const planned = this.plan(inputs, knownBefore, showError);
    if (!planned) return false;
    const record = (changes: CellChange[]) => {
      if (source === 'user') this.history.record({ changes, ...(created?.length ? { created } : {}) });
    };
    if (planned.length === 0) {
      if (created?.length) record([]);
      return created !== undefined && created.length > 0;
    }
    const changes = planned.map(({ send: _send, ...change }) => change);
    this.show(changes.map((change) => ({ recordId: change.recordId, fieldId: change.fieldId, value: change.after })));
    this.pending.add(planned);
    const batch: WaitingBatch = { id: newBatchId(), tableId: this.deps.tableId, cells: planned };
    try {
      // Behind batches still waiting, so the server sees the user's changes in their order.
      const stored = this.waiting.size > 0 ? undefined : await sendBatch(this.deps.baseId, batch);
      if (!stored) {
        this.wait(batch);
        record(changes);
        return true;
      }
      this.pending.remove(planned);
      this.stored(batch, stored);
      record(changes.map((change) => ({ ...change, after: stored.get(change.recordId)?.fields[change.fieldId] ?? null })));
      return true;
    } catch (error) {
      if (isUnreachable(error)) {
        this.wait(batch);
        record(changes);
        return true;
      }
      this.pending.remove(planned);
      this.refused(batch, error, showError);
      if (source === 'user') return false;
      throw error;
    }
  }

  private wait(batch: WaitingBatch): void {
    this.waiting.add(batch);
    this.deps.onWaiting(this.waiting.size);
  }

  private stored(batch: WaitingBatch, stored: ReadonlyMap<string, ApiRecord>): void {
    this.deps.onStored();
    if (batch.tableId !== this.deps.tableId) return;
    this.show(batch.cells.map((cell) => ({ ...cell, value: stored.get(cell.recordId)?.fields[cell.fieldId] ?? null })));
  }

  private refused(batch: WaitingBatch, error: unknown, showError = this.deps.showError): void {
    if (batch.tableId === this.deps.tableId) this.show(batch.cells.map((cell) => ({ recordId: cell.recordId, fieldId: cell.fieldId, value: cell.before })));
    showError(blamedCell(error, batch.cells, this.deps.fields()), error instanceof Error ? error.message : String(error));
  }

  /**
   * Sends the batches that waited for the connection, oldest first. Stops (keeping the rest) if
   * the server is still out of reach; a batch the server refuses goes back to its old values.
   */
  async sendWaiting(): Promise<void> {
    this.deps.onWaiting(this.waiting.size);
    for (let batch = this.waiting.first(); batch; batch = this.waiting.first()) {
      try {
        this.stored(batch, await sendBatch(this.deps.baseId, batch));
      } catch (error) {
        if (isUnreachable(error)) return;
        this.refused(batch, error);
        this.deps.onWaitingRefused?.(error instanceof Error ? error.message : String(error));
      }
      this.waiting.remove(batch);
      this.pending.remove(batch.cells);
      this.deps.onWaiting(this.waiting.size);
    }
  }

  private async replay(entry: WriterAction, direction: 'undo' | 'redo'): Promise<ReplayOutcome> {
    const inputs = entry.changes.map((change) => ({ recordId: change.recordId, fieldId: change.fieldId, input: direction === 'undo' ? change.before : change.after }));
    const before = new Map(entry.changes.map((change) => [`${change.recordId}/${change.fieldId}`, direction === 'undo' ? change.after : change.before]));
    // What is left to undo again if the cells cannot be put back (the records are gone by then).
    let left = entry;
    try {
      if (direction === 'undo' && entry.created?.length) {
        await deleteRecords(this.deps.baseId, this.deps.tableId, entry.created);
        this.deps.onRecordsRemoved?.(entry.created);
        left = { changes: entry.changes };
        // Redoing would need the deleted records back under their old ids, which cannot be.
        this.history.clearRedo();
      }
      await this.apply(inputs, direction, { before });
      return 'done';
    } catch {
      if (direction === 'undo') this.history.restoreUndo(left);
      else this.history.restoreRedo(left);
      return 'failed';
    }
  }

  /** Undoes the latest own action ('none' when there is nothing to undo). */
  async undo(): Promise<ReplayOutcome> {
    await Promise.allSettled([...this.unanswered]);
    const entry = this.history.takeUndo();
    return entry ? this.replay(entry, 'undo') : 'none';
  }

  /** Redoes the latest undone action ('none' when there is nothing to redo). */
  async redo(): Promise<ReplayOutcome> {
    await Promise.allSettled([...this.unanswered]);
    const entry = this.history.takeRedo();
    return entry ? this.replay(entry, 'redo') : 'none';
  }
}
