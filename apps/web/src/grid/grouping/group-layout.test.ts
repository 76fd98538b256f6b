import { describe, expect, it } from 'vitest';
import { GroupLayout, groupTree } from './group-layout';

const counts = [
  { key: [null, 'a'], count: 2 },
  { key: ['Open', 'a'], count: 3 },
  { key: ['Open', 'b'], count: 1 },
  { key: ['Closed', 'b'], count: 4 },
];

describe('groupTree', () => {
  it('builds levels from leaf counts, summing counts and keeping record offsets', () => {
    const tree = groupTree(counts, 2);
    expect(tree.map((node) => [node.key, node.count, node.firstOffset])).toEqual([
      [null, 2, 0],
      ['Open', 4, 2],
      ['Closed', 4, 6],
    ]);
    expect(tree[1]!.children.map((node) => [node.key, node.count, node.firstOffset, node.level])).toEqual([
      ['a', 3, 2, 1],
      ['b', 1, 5, 1],
    ]);
  });
});

describe('GroupLayout', () => {
  it('puts a header before each group and its records after it', () => {
    const layout = new GroupLayout(groupTree([{ key: ['x'], count: 2 }, { key: ['y'], count: 1 }], 1), new Set());
    expect(layout.rowCount).toBe(5);
    expect(layout.recordCount).toBe(3);
    const kinds = Array.from({ length: 5 }, (_, row) => {
      const item = layout.itemAt(row);
      return item.kind === 'group' ? `group ${String(item.node.key)}` : `record ${item.offset}`;
    });
    expect(kinds).toEqual(['group x', 'record 0', 'record 1', 'group y', 'record 2']);
  });

  it('leaves out the rows of collapsed groups, subgroups included', () => {
    const tree = groupTree(counts, 2);
    const layout = new GroupLayout(tree, new Set([tree[1]!.path]));
    // null(1) + null/a(1) + 2 records, Open(1) collapsed, Closed(1) + Closed/b(1) + 4 records
    expect(layout.rowCount).toBe(11);
    const open = layout.itemAt(4);
    expect(open).toMatchObject({ kind: 'group', collapsed: true, node: { key: 'Open' } });
    expect(layout.itemAt(7)).toEqual({ kind: 'record', offset: 6, ordinal: 7 });
  });

  it('gives the record offsets of a block as contiguous runs, split where a group is collapsed', () => {
    const tree = groupTree(counts, 2);
    const open = new GroupLayout(tree, new Set());
    const all = open.itemsBetween(0, 100);
    expect(all.items).toHaveLength(open.rowCount);
    expect(all.runs).toEqual([{ offset: 0, length: 10 }]);
    const collapsed = new GroupLayout(tree, new Set([tree[1]!.children[0]!.path]));
    expect(collapsed.itemsBetween(0, 100).runs).toEqual([
      { offset: 0, length: 2 },
      { offset: 5, length: 5 },
    ]);
  });

  it('refuses rows outside the layout', () => {
    const layout = new GroupLayout(groupTree(counts, 1), new Set());
    expect(() => layout.itemAt(layout.rowCount)).toThrow(RangeError);
  });

  it('finds rows fast in a million records over a thousand groups', () => {
    const many = Array.from({ length: 1000 }, (_, index) => ({ key: [index], count: 1000 }));
    const layout = new GroupLayout(groupTree(many, 1), new Set());
    expect(layout.rowCount).toBe(1_001_000);
    expect(layout.itemAt(layout.rowCount - 1)).toEqual({ kind: 'record', offset: 999_999, ordinal: 1_000_000 });
  });
});
