/**
 * Undo and redo of the user's own edits, as a pair of bounded stacks. An entry is whatever one
 * user action changed (one cell, or every cell of a paste). A new action clears the redo stack,
 * as in every editor.
 */
export class UndoStack<Entry> {
  private readonly done: Entry[] = [];
  private readonly undone: Entry[] = [];

  constructor(private readonly limit = 100) {}

  record(entry: Entry): void {
    this.done.push(entry);
    if (this.done.length > this.limit) this.done.shift();
    this.undone.length = 0;
  }

  /** The entry to undo, moved to the redo stack; undefined when there is none. */
  takeUndo(): Entry | undefined {
    const entry = this.done.pop();
    if (entry !== undefined) this.undone.push(entry);
    return entry;
  }

  /** The entry to redo, moved back to the undo stack; undefined when there is none. */
  takeRedo(): Entry | undefined {
    const entry = this.undone.pop();
    if (entry !== undefined) this.done.push(entry);
    return entry;
  }

  /** Puts back an entry whose undo failed (nothing changed on the server). */
  restoreUndo(entry: Entry): void {
    if (this.undone.at(-1) === entry) this.undone.pop();
    this.done.push(entry);
  }

  /** Puts back an entry whose redo failed. */
  restoreRedo(entry: Entry): void {
    if (this.done.at(-1) === entry) this.done.pop();
    this.undone.push(entry);
  }

  /** Forgets what could be redone (an undone action that cannot be done again). */
  clearRedo(): void {
    this.undone.length = 0;
  }
}
