/**
 * The menu of a column header: what a user may do to one field of the view from its header.
 * Each entry says when it applies and what it does; the header draws the entries that apply, and
 * no menu at all when none does. Freezing lives here; hiding or deleting a field are entries to
 * add beside it, not branches in the header.
 */
import { PushpinOutlined } from '@ant-design/icons';
import { maxFrozenColumnCount } from '@multitable/core';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';

/** One shown field as its header's menu sees it. */
export interface FieldMenuColumn {
  /** The field's place among the shown fields, 0 the leftmost. */
  index: number;
  /** How many leading fields the view keeps in place while scrolling sideways. */
  frozenCount: number;
  /** Saves the view's frozen count; absent when the user may not change the view. */
  setFrozenCount?(count: number): void;
}

interface FieldMenuEntry {
  key: string;
  icon?: ReactNode;
  applies(column: FieldMenuColumn): boolean;
  label(column: FieldMenuColumn, t: TFunction): string;
  /** Why the entry cannot be used now (shown in place of its label), if it cannot. */
  refusal?(column: FieldMenuColumn, t: TFunction): string | undefined;
  run(column: FieldMenuColumn): void;
}

const entries: readonly FieldMenuEntry[] = [
  {
    key: 'freeze',
    icon: <PushpinOutlined />,
    applies: (column) => column.setFrozenCount !== undefined && column.frozenCount !== column.index + 1,
    label: (_column, t) => t('grid.freezeUpTo'),
    refusal: (column, t) => (column.index + 1 > maxFrozenColumnCount ? t('grid.freezeLimit', { max: maxFrozenColumnCount }) : undefined),
    run: (column) => column.setFrozenCount?.(column.index + 1),
  },
  {
    key: 'unfreeze',
    applies: (column) => column.setFrozenCount !== undefined && column.index < column.frozenCount,
    label: (_column, t) => t('grid.unfreeze'),
    run: (column) => column.setFrozenCount?.(0),
  },
];

/** The header's menu for a column, or undefined when no entry applies. */
export function fieldMenu(column: FieldMenuColumn, t: TFunction): MenuProps | undefined {
  const shown = entries.filter((entry) => entry.applies(column));
  if (shown.length === 0) return undefined;
  return {
    items: shown.map((entry) => {
      const refusal = entry.refusal?.(column, t);
      return { key: entry.key, icon: entry.icon, label: refusal ?? entry.label(column, t), disabled: refusal !== undefined, 'data-testid': `field-menu-${entry.key}` };
    }),
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      entries.find((entry) => entry.key === key)?.run(column);
    },
  };
}
