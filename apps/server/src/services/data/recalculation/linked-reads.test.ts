import type { ComputedRecord, Dependency, Field } from '@multitable/core';
import type * as store from '@multitable/storage';
import { describe, expect, it } from 'vitest';
import { LinkedReads, type ReadLinkedCells } from './linked-reads';

const field = (id: string, tableId: string): Field => ({ id, tableId, name: id, type: 'number', options: {}, description: '', isPrimary: false });
const link = field('fld_link', 'tbl_visits');
const name = field('fld_name', 'tbl_patients');
const balance = field('fld_balance', 'tbl_patients');
const visitCount = field('fld_count', 'tbl_patients');
const through = (targetFieldId: string): Dependency[] => [{ kind: 'viaLink', linkFieldId: link.id, targetFieldId }];

/** Visits reading a patient's name, balance and visit count (computed on the patients' side). */
const schema = {
  fieldsById: new Map([link, name, balance, visitCount].map((f) => [f.id, f])),
  dependencies: new Map<string, Dependency[]>([
    ['fld_lookup', through(name.id)],
    ['fld_rollup', through(balance.id)],
    ['fld_count_lookup', through(visitCount.id)],
    [visitCount.id, [{ kind: 'viaLink', linkFieldId: 'fld_inverse', targetFieldId: null }]],
  ]),
};

function counting() {
  const reads: Array<{ ids: readonly string[]; targets: string[] }> = [];
  const read: ReadLinkedCells = async (_trx, _dialect, _link, ids, targets) => {
    reads.push({ ids, targets: targets.map((target) => target.id) });
    const cells = new Map<string, ComputedRecord[]>();
    for (const id of ids) cells.set(id, [{ id: `${id}_patient`, values: Object.fromEntries(targets.map((target) => [target.id, reads.length])), createdTime: '', modifiedTime: '' }]);
    return cells;
  };
  return { reads, reader: new LinkedReads(schema, read) };
}

const trx = {} as store.Executor;
const dialect = {} as store.SqlDialect;

describe('LinkedReads', () => {
  it('reads the stored fields read through a link once for the records of a page', async () => {
    const { reads, reader } = counting();
    const byName = await reader.cells(trx, dialect, link, ['rec_a', 'rec_b'], [name]);
    const byBalance = await reader.cells(trx, dialect, link, ['rec_b'], [balance]);
    expect(reads).toEqual([{ ids: ['rec_a', 'rec_b'], targets: [name.id, balance.id] }]);
    expect(byBalance.get('rec_b')).toBe(byName.get('rec_b'));
  });

  it('reads again for records outside the page it keeps', async () => {
    const { reads, reader } = counting();
    await reader.cells(trx, dialect, link, ['rec_a'], [name]);
    await reader.cells(trx, dialect, link, ['rec_a', 'rec_c'], [balance]);
    expect(reads.map((read) => read.ids)).toEqual([['rec_a'], ['rec_a', 'rec_c']]);
  });

  it('never shares a read of a computed field: it may be recalculated in between', async () => {
    const { reads, reader } = counting();
    await reader.cells(trx, dialect, link, ['rec_a'], [name]);
    const first = await reader.cells(trx, dialect, link, ['rec_a'], [visitCount]);
    const second = await reader.cells(trx, dialect, link, ['rec_a'], [visitCount]);
    expect(reads).toEqual([
      { ids: ['rec_a'], targets: [name.id, balance.id] },
      { ids: ['rec_a'], targets: [visitCount.id] },
      { ids: ['rec_a'], targets: [visitCount.id] },
    ]);
    expect(first.get('rec_a')![0]!.values[visitCount.id]).toBe(2);
    expect(second.get('rec_a')![0]!.values[visitCount.id]).toBe(3);
  });
});
