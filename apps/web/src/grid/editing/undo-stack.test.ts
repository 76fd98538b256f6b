import { describe, expect, it } from 'vitest';
import { UndoStack } from './undo-stack';

describe('UndoStack', () => {
  it('undoes the latest action first and redoes it again', () => {
    const stack = new UndoStack<string>();
    stack.record('a');
    stack.record('b');
    expect(stack.takeUndo()).toBe('b');
    expect(stack.takeUndo()).toBe('a');
    expect(stack.takeUndo()).toBeUndefined();
    expect(stack.takeRedo()).toBe('a');
    expect(stack.takeRedo()).toBe('b');
    expect(stack.takeRedo()).toBeUndefined();
  });

  it('forgets what was undone once a new action is recorded', () => {
    const stack = new UndoStack<string>();
    stack.record('a');
    stack.takeUndo();
    stack.record('b');
    expect(stack.takeRedo()).toBeUndefined();
    expect(stack.takeUndo()).toBe('b');
  });

  it('keeps at most the limit, dropping the oldest', () => {
    const stack = new UndoStack<number>(2);
    [1, 2, 3].forEach((n) => stack.record(n));
    expect(stack.takeUndo()).toBe(3);
    expect(stack.takeUndo()).toBe(2);
    expect(stack.takeUndo()).toBeUndefined();
  });

  it('puts back an entry whose undo or redo failed', () => {
    const stack = new UndoStack<string>();
    stack.record('a');
    const undone = stack.takeUndo()!;
    stack.restoreUndo(undone);
    expect(stack.takeRedo()).toBeUndefined();
    expect(stack.takeUndo()).toBe('a');
    const redone = stack.takeRedo()!;
    stack.restoreRedo(redone);
    expect(stack.takeRedo()).toBe('a');
  });

  it('forgets what could be redone, keeping what can still be undone', () => {
    const stack = new UndoStack<string>();
    stack.record('a');
    stack.record('b');
    stack.takeUndo();
    stack.clearRedo();
    expect(stack.takeRedo()).toBeUndefined();
    expect(stack.takeUndo()).toBe('a');
  });
});
