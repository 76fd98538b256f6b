import { describe, expect, it } from 'vitest';
import { WaitingBatches, waitingKey, type WaitingBatch } from './waiting-batches';

/** The Storage interface over a Map, as localStorage behaves within one origin. */
class MapStorage {
  readonly items = new Map<string, string>();
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value);
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
}

const batch = (id: string, value = id): WaitingBatch => ({ id, tableId: 'tbl1', cells: [{ recordId: 'rec1', fieldId: 'fld1', before: null, after: value, send: value }] });

describe('WaitingBatches', () => {
  const key = waitingKey('usr1', 'bas1');

  it('gives a later page the batches an earlier one left waiting, oldest first', () => {
    const storage = new MapStorage();
    const first = new WaitingBatches({ storage, key });
    first.add(batch('a'));
    first.add(batch('b'));
    const reopened = new WaitingBatches({ storage, key });
    expect(reopened.all().map((waiting) => waiting.id)).toEqual(['a', 'b']);
    reopened.remove(reopened.first()!);
    expect(new WaitingBatches({ storage, key }).all().map((waiting) => waiting.id)).toEqual(['b']);
    reopened.remove(reopened.first()!);
    expect(storage.items.has(key)).toBe(false);
  });

  it("keeps each user's and base's batches apart", () => {
    const storage = new MapStorage();
    new WaitingBatches({ storage, key }).add(batch('a'));
    expect(new WaitingBatches({ storage, key: waitingKey('usr2', 'bas1') }).size).toBe(0);
    expect(new WaitingBatches({ storage, key: waitingKey('usr1', 'bas2') }).size).toBe(0);
  });

  it('keeps what another page of the same user added meanwhile', () => {
    const storage = new MapStorage();
    const one = new WaitingBatches({ storage, key });
    const other = new WaitingBatches({ storage, key });
    one.add(batch('a'));
    other.add(batch('b'));
    one.remove(one.first()!);
    expect(new WaitingBatches({ storage, key }).all().map((waiting) => waiting.id)).toEqual(['b']);
  });

  it('drops stored entries that do not have the shape of a batch', () => {
    const storage = new MapStorage();
    storage.setItem(key, JSON.stringify([batch('a'), { id: 'b' }, { id: 'c', tableId: 't', cells: [{ recordId: 1 }] }, null]));
    expect(new WaitingBatches({ storage, key }).all().map((waiting) => waiting.id)).toEqual(['a']);
    storage.setItem(key, '{not json');
    expect(new WaitingBatches({ storage, key }).size).toBe(0);
  });

  it('keeps batches in memory when the storage refuses to store them', () => {
    const full = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    const waiting = new WaitingBatches({ storage: full, key });
    waiting.add(batch('a'));
    expect(waiting.size).toBe(1);
  });
});
