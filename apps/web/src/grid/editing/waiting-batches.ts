/**
 * Cell changes that wait for the connection, oldest first, and — when given a storage — kept in
 * the browser's localStorage as well, so that a page closed or reloaded while offline loses none
 * of them: the next page of the same user and base reads them back and sends them.
 *
 * One list per user and base (a shared computer keeps each person's edits apart), each batch
 * with the table it is for. What is read back is checked, never trusted: entries that do not have
 * the shape are dropped. Storage that refuses (full, disabled) leaves the list in memory only.
 */

/** One cell of a batch: its presented values before and after, and what the API is sent. */
export interface WaitingCell {
  recordId: string;
  fieldId: string;
  before: unknown;
  after: unknown;
  send: unknown;
}

export interface WaitingBatch {
  id: string;
  tableId: string;
  cells: WaitingCell[];
}

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/**
 * An id for a new batch, unique enough among one user's pages (crypto.randomUUID exists only in
 * secure contexts, and a self-hosted server is often reached over plain http on a LAN).
 */
export function newBatchId(): string {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
}

/** The storage key of a user's waiting edits in a base. */
export function waitingKey(userId: string, baseId: string): string {
  return `multitable:waiting:${userId}:${baseId}`;
}

function isWaitingCell(value: unknown): value is WaitingCell {
  if (value === null || typeof value !== 'object') return false;
  const cell = value as Record<string, unknown>;
  return typeof cell.recordId === 'string' && typeof cell.fieldId === 'string' && 'send' in cell;
}

function isWaitingBatch(value: unknown): value is WaitingBatch {
  if (value === null || typeof value !== 'object') return false;
  const batch = value as Record<string, unknown>;
  return typeof batch.id === 'string' && typeof batch.tableId === 'string' && Array.isArray(batch.cells) && batch.cells.length > 0 && batch.cells.every(isWaitingCell);
}

export class WaitingBatches {
  private readonly batches: WaitingBatch[];

  /** `stored`: where the list outlives the page (none: memory only). */
  constructor(private readonly stored?: { storage: KeyValueStorage; key: string }) {
    this.batches = this.read();
  }

  get size(): number {
    return this.batches.length;
  }

  first(): WaitingBatch | undefined {
    return this.batches[0];
  }

  all(): readonly WaitingBatch[] {
    return this.batches;
  }

  add(batch: WaitingBatch): void {
    this.batches.push(batch);
    // Read-modify-write of the stored list, not a copy of ours: another page of the same user
    // and base may have added or sent batches meanwhile.
    this.save([...this.read(), batch]);
  }

  remove(batch: WaitingBatch): void {
    const index = this.batches.indexOf(batch);
    if (index >= 0) this.batches.splice(index, 1);
    this.save(this.read().filter((stored) => stored.id !== batch.id));
  }

  private read(): WaitingBatch[] {
    if (!this.stored) return [];
    try {
      const parsed: unknown = JSON.parse(this.stored.storage.getItem(this.stored.key) ?? '[]');
      return Array.isArray(parsed) ? parsed.filter(isWaitingBatch) : [];
    } catch {
      return [];
    }
  }

  private save(batches: readonly WaitingBatch[]): void {
    if (!this.stored) return;
    try {
      if (batches.length === 0) this.stored.storage.removeItem(this.stored.key);
      else this.stored.storage.setItem(this.stored.key, JSON.stringify(batches));
    } catch {
      // Full or disabled storage: the batches still wait in memory while the page is open.
    }
  }
}
