/**
 * The rows of a grouped grid, worked out from the server's group counts alone (AG Grid's row
 * grouping is Enterprise, and a client could not group a million records anyway). Records are
 * listed sorted by the group levels, so the records of a group are one run of offsets; the
 * layout lays out, in group order, a header row per group at each level followed — unless the
 * group is collapsed — by its subgroups or its run of records.
 *
 * `itemAt(row)` answers in O(log n) by a binary search over segments (a header, or a run of
 * records), so a grid with a thousand groups over a million records stays cheap to scroll.
 */

/** One group count from `POST …/records/groups/query`: a key per level, in group order. */
export interface GroupCount {
  key: unknown[];
  count: number;
}

export interface GroupNode {
  /** Stable identity of the group: its keys down to its level, as JSON. */
  path: string;
  /** 0 for the outermost level. */
  level: number;
  key: unknown;
  /** Records in the group, subgroups included. */
  count: number;
  /** Offset (in the group-sorted record list) of the group's first record. */
  firstOffset: number;
  children: GroupNode[];
}

export type LayoutItem = { kind: 'group'; node: GroupNode; collapsed: boolean } | { kind: 'record'; offset: number; ordinal: number };

type Segment = { start: number; kind: 'group'; node: GroupNode } | { start: number; kind: 'records'; firstOffset: number; length: number };

/** Group counts (leaf level) into a tree of groups, level by level, in the order given. */
export function groupTree(counts: readonly GroupCount[], levels: number): GroupNode[] {
  const roots: GroupNode[] = [];
  let offset = 0;
  for (const { key, count } of counts) {
    let siblings = roots;
    for (let level = 0; level < levels; level += 1) {
      const path = JSON.stringify(key.slice(0, level + 1));
      let node = siblings.at(-1);
      if (!node || node.path !== path) {
        node = { path, level, key: key[level] ?? null, count: 0, firstOffset: offset, children: [] };
        siblings.push(node);
      }
      node.count += count;
      siblings = node.children;
    }
    offset += count;
  }
  return roots;
}

export class GroupLayout {
  private readonly segments: Segment[] = [];
  readonly rowCount: number;
  readonly recordCount: number;

  constructor(
    readonly groups: readonly GroupNode[],
    private readonly collapsed: ReadonlySet<string>,
  ) {
    let row = 0;
    const lay = (nodes: readonly GroupNode[]) => {
      for (const node of nodes) {
        this.segments.push({ start: row, kind: 'group', node });
        row += 1;
        if (collapsed.has(node.path)) continue;
        if (node.children.length > 0) lay(node.children);
        else if (node.count > 0) {
          this.segments.push({ start: row, kind: 'records', firstOffset: node.firstOffset, length: node.count });
          row += node.count;
        }
      }
    };
    lay(groups);
    this.rowCount = row;
    this.recordCount = groups.reduce((sum, node) => sum + node.count, 0);
  }

  isCollapsed(path: string): boolean {
    return this.collapsed.has(path);
  }

  /** What the grid shows at display row `row` (0 ≤ row < rowCount). */
  itemAt(row: number): LayoutItem {
    let low = 0;
    let high = this.segments.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.segments[middle]!.start <= row) low = middle;
      else high = middle - 1;
    }
    const segment = this.segments[low];
    if (!segment || row < 0 || row >= this.rowCount) throw new RangeError(`Row ${row} is outside the layout (0–${this.rowCount - 1})`);
    if (segment.kind === 'group') return { kind: 'group', node: segment.node, collapsed: this.collapsed.has(segment.node.path) };
    const offset = segment.firstOffset + (row - segment.start);
    return { kind: 'record', offset, ordinal: offset + 1 };
  }

  /** The items of rows [start, end), with the record offsets among them as contiguous runs to fetch. */
  itemsBetween(start: number, end: number): { items: LayoutItem[]; runs: Array<{ offset: number; length: number }> } {
    const items: LayoutItem[] = [];
    const runs: Array<{ offset: number; length: number }> = [];
    for (let row = start; row < Math.min(end, this.rowCount); row += 1) {
      const item = this.itemAt(row);
      items.push(item);
      if (item.kind !== 'record') continue;
      const last = runs.at(-1);
      if (last && last.offset + last.length === item.offset) last.length += 1;
      else runs.push({ offset: item.offset, length: 1 });
    }
    return { items, runs };
  }
}
