/**
 * The menu of a column header: what a user may do to one field of the view from its header.
 * Each entry says when it applies and what it does; the header draws the entries that apply, and
 * no menu at all when none does. Freezing saves the view's frozen count; editing, hiding, sorting
 * and filtering by, and deleting the field go through the table view's field design actions
 * (../field-design/field-design-context.ts), present only for people who may design the table.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, EyeInvisibleOutlined, FilterOutlined, PushpinOutlined } from '@ant-design/icons';
import { maxFrozenColumnCount } from '@multitable/core';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import type { ApiField } from '../api/tables';
import type { FieldDesignActions } from '../field-design/field-design-context';
import { profileOf } from '../views/filter/filter-model';

/** One shown field as its header's menu sees it. */
export interface FieldMenuColumn {
  /** The field's place among the shown fields, 0 the leftmost. */
  index: number;
  /** How many leading fields the view keeps in place while scrolling sideways. */
  frozenCount: number;
  /** Saves the view's frozen count; absent when the user may not change the view. */
  setFrozenCount?(count: number): void;
  /** The field, with what may be done to it; design absent when the user may not design the table. */
  field?: ApiField;
  design?: FieldDesignActions;
}

interface FieldMenuEntry {
  key: string;
  icon?: ReactNode;
  applies(column: FieldMenuColumn): boolean;
  label(column: FieldMenuColumn, t: TFunction): string;
  /** Why the entry cannot be used now (shown in place of its label), if it cannot. */
  refusal?(column: FieldMenuColumn, t: TFunction): string | undefined;
  run(column: FieldMenuColumn): void;
  danger?: boolean;
}

/** An entry that acts on the field through the design actions. */
function designEntry(
  entry: Omit<FieldMenuEntry, 'applies' | 'run'> & { applies?(field: ApiField, design: FieldDesignActions): boolean; run(design: FieldDesignActions, field: ApiField): void },
): FieldMenuEntry {
  return {
    ...entry,
    applies: (column) => column.design !== undefined && column.field !== undefined && (entry.applies?.(column.field, column.design) ?? true),
    run: (column) => entry.run(column.design!, column.field!),
  };
}

const entries: readonly FieldMenuEntry[] = [
  designEntry({ key: 'edit', icon: <EditOutlined />, label: (_column, t) => t('fieldDesign.editField'), run: (design, field) => design.edit(field) }),
  designEntry({ key: 'sortAscending', icon: <ArrowUpOutlined />, label: (_column, t) => t('fieldDesign.sortAscending'), run: (design, field) => design.sort(field, 'asc') }),
  designEntry({ key: 'sortDescending', icon: <ArrowDownOutlined />, label: (_column, t) => t('fieldDesign.sortDescending'), run: (design, field) => design.sort(field, 'desc') }),
  designEntry({
    key: 'filterBy',
    icon: <FilterOutlined />,
    // Only where the view's settings are saved (the action is absent otherwise), and on fields a filter can name.
    applies: (field, design) => design.filterBy !== undefined && profileOf(field) !== undefined,
    label: (_column, t) => t('fieldDesign.filterBy'),
    run: (design, field) => design.filterBy?.(field),
  }),
  designEntry({
    key: 'hide',
    icon: <EyeInvisibleOutlined />,
    // The primary field always shows (as in the toolbar's hidden-fields list).
    applies: (field) => !field.isPrimary,
    label: (_column, t) => t('fieldDesign.hideField'),
    run: (design, field) => design.hide(field),
  }),
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
  designEntry({ key: 'delete', icon: <DeleteOutlined />, danger: true, label: (_column, t) => t('fieldDesign.deleteField'), run: (design, field) => design.remove(field) }),
];

/** The header's menu for a column, or undefined when no entry applies. */
export function fieldMenu(column: FieldMenuColumn, t: TFunction): MenuProps | undefined {
  const shown = entries.filter((entry) => entry.applies(column));
  if (shown.length === 0) return undefined;
  return {
    items: shown.map((entry) => {
      const refusal = entry.refusal?.(column, t);
      return { key: entry.key, icon: entry.icon, label: refusal ?? entry.label(column, t), disabled: refusal !== undefined, danger: entry.danger, 'data-testid': `field-menu-${entry.key}` };
    }),
    onClick: ({ key, domEvent }) => {
      domEvent.stopPropagation();
      entries.find((entry) => entry.key === key)?.run(column);
    },
  };
}
