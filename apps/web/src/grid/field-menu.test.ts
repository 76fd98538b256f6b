import { maxFrozenColumnCount } from '@multitable/core';
import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { ApiField } from '../api/tables';
import type { FieldDesignActions } from '../field-design/field-design-context';
import { fieldMenu, type FieldMenuColumn } from './field-menu';

// The keys themselves stand in for the texts: what is asserted is which entries apply.
const t = ((key: string) => key) as unknown as TFunction;

function entries(column: FieldMenuColumn) {
  return (fieldMenu(column, t)?.items ?? []).map((item) => {
    const entry = item as { key: string; label: string; disabled: boolean };
    return { key: entry.key, label: entry.label, disabled: entry.disabled };
  });
}

describe('fieldMenu (a column header’s menu)', () => {
  const saved: number[] = [];
  const setFrozenCount = (count: number) => void saved.push(count);

  it('offers freezing up to an unfrozen field, and unfreezing on a frozen one', () => {
    expect(entries({ index: 3, frozenCount: 1, setFrozenCount }).map((entry) => entry.key)).toEqual(['freeze']);
    expect(entries({ index: 0, frozenCount: 3, setFrozenCount }).map((entry) => entry.key)).toEqual(['freeze', 'unfreeze']);
    // Already frozen up to exactly this field: only unfreezing is left.
    expect(entries({ index: 2, frozenCount: 3, setFrozenCount }).map((entry) => entry.key)).toEqual(['unfreeze']);
  });

  it('saves the count up to and including the field, or none when unfreezing', () => {
    saved.length = 0;
    const menu = fieldMenu({ index: 2, frozenCount: 1, setFrozenCount }, t)!;
    menu.onClick!({ key: 'freeze', domEvent: new Event('click') } as never);
    fieldMenu({ index: 0, frozenCount: 3, setFrozenCount }, t)!.onClick!({ key: 'unfreeze', domEvent: new Event('click') } as never);
    expect(saved).toEqual([3, 0]);
  });

  it('says why a field past the limit cannot be frozen', () => {
    const [freeze] = entries({ index: maxFrozenColumnCount, frozenCount: 1, setFrozenCount });
    expect(freeze).toEqual({ key: 'freeze', label: 'grid.freezeLimit', disabled: true });
  });

  it('has no menu for someone who may not change the view', () => {
    expect(fieldMenu({ index: 1, frozenCount: 1 }, t)).toBeUndefined();
  });

  describe('for someone who may design the table', () => {
    const field = (isPrimary: boolean): ApiField => ({ id: 'fld_a', name: 'Status', type: 'singleSelect', options: {}, description: '', isPrimary });
    const calls: string[] = [];
    const design: FieldDesignActions = {
      edit: (target) => void calls.push(`edit ${target.name}`),
      hide: (target) => void calls.push(`hide ${target.name}`),
      sort: (target, direction) => void calls.push(`sort ${target.name} ${direction}`),
      remove: (target) => void calls.push(`remove ${target.name}`),
    };

    it('offers editing, sorting, hiding and deleting beside freezing', () => {
      expect(entries({ index: 3, frozenCount: 1, setFrozenCount, field: field(false), design }).map((entry) => entry.key)).toEqual([
        'edit',
        'sortAscending',
        'sortDescending',
        'hide',
        'freeze',
        'delete',
      ]);
    });

    it('offers filtering by the field only where the view’s settings are saved', () => {
      const filtering: FieldDesignActions = { ...design, filterBy: (target) => void calls.push(`filter ${target.name}`) };
      expect(entries({ index: 3, frozenCount: 1, setFrozenCount, field: field(false), design: filtering }).map((entry) => entry.key)).toEqual([
        'edit',
        'sortAscending',
        'sortDescending',
        'filterBy',
        'hide',
        'freeze',
        'delete',
      ]);
      calls.length = 0;
      fieldMenu({ index: 3, frozenCount: 1, field: field(false), design: filtering }, t)!.onClick!({ key: 'filterBy', domEvent: new Event('click') } as never);
      expect(calls).toEqual(['filter Status']);
    });

    it('does not offer hiding the primary field, which always shows', () => {
      expect(entries({ index: 0, frozenCount: 1, setFrozenCount, field: field(true), design }).map((entry) => entry.key)).not.toContain('hide');
    });

    it('hands the field to the design action of the entry', () => {
      calls.length = 0;
      const menu = fieldMenu({ index: 3, frozenCount: 1, field: field(false), design }, t)!;
      for (const key of ['edit', 'sortDescending', 'hide', 'delete']) menu.onClick!({ key, domEvent: new Event('click') } as never);
      expect(calls).toEqual(['edit Status', 'sort Status desc', 'hide Status', 'remove Status']);
    });
  });
});
