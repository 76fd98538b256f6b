import { describe, expect, it } from 'vitest';
import { makeField } from '../filters/test-support';
import { defaultViewConfig, normaliseViewConfig, visibleFields } from './view-config';

const name = { ...makeField('singleLineText', 'Name'), isPrimary: true };
const status = makeField('singleSelect', 'Status', { choices: [{ name: 'open' }, { name: 'closed' }] });
const due = makeField('date', 'Due');
const notes = makeField('longText', 'Notes');
const fields = [name, status, due, notes];

describe('normaliseViewConfig', () => {
  it('fills every property with its default', () => {
    expect(normaliseViewConfig(undefined, fields)).toEqual(defaultViewConfig());
    expect(normaliseViewConfig({ rowHeight: 'tall' }, fields)).toEqual({ ...defaultViewConfig(), rowHeight: 'tall' });
    expect(defaultViewConfig()).toEqual({
      filter: null,
      sorts: [],
      hiddenFieldIds: [],
      fieldOrder: [],
      columnWidths: {},
      frozenColumnCount: 1,
      rowHeight: 'short',
      groupBy: [],
      groupFieldId: null,
      dateFieldId: null,
      coverFieldId: null,
    });
  });

  it('keeps up to three group levels by field id, refusing what cannot be grouped', () => {
    expect(normaliseViewConfig({ groupBy: [{ field: 'Status', direction: 'desc' }, { field: 'Due', direction: 'asc' }] }, fields).groupBy).toEqual([
      { field: status.id, direction: 'desc' },
      { field: due.id, direction: 'asc' },
    ]);
    expect(normaliseViewConfig({ groupBy: [] }, fields).groupBy).toEqual([]);
    expect(() => normaliseViewConfig({ groupBy: [{ field: 'Status' }, { field: 'Status' }] }, fields)).toThrow(expect.objectContaining({ details: expect.objectContaining({ path: 'config.groupBy[1].field' }) }));
  });

  it('builds kanban, calendar and gallery layouts only on fields of the types they take', () => {
    const cover = makeField('attachment', 'Photos');
    const all = [...fields, cover];
    expect(normaliseViewConfig({ groupFieldId: 'Status', dateFieldId: 'Due', coverFieldId: 'Photos' }, all)).toMatchObject({
      groupFieldId: status.id,
      dateFieldId: due.id,
      coverFieldId: cover.id,
    });
    expect(() => normaliseViewConfig({ groupFieldId: 'Notes' }, all)).toThrow(expect.objectContaining({ details: { path: 'config.groupFieldId' } }));
    expect(() => normaliseViewConfig({ dateFieldId: 'Status' }, all)).toThrow(expect.objectContaining({ details: { path: 'config.dateFieldId' } }));
    expect(() => normaliseViewConfig({ coverFieldId: 'Nope' }, all)).toThrow(expect.objectContaining({ code: 'UNKNOWN_FIELD' }));
  });

  it('stores field ids wherever a name was given, so renames never break the view', () => {
    const config = normaliseViewConfig(
      {
        filter: {
          conjunction: 'and',
          conditions: [
            { field: 'Status', operator: 'is', value: 'open' },
            { conjunction: 'or', conditions: [{ field: 'Due', operator: 'isBefore', value: { mode: 'today' } }, { field: due.id, operator: 'isEmpty' }] },
          ],
        },
        sorts: [{ field: 'Due', direction: 'desc' }],
        hiddenFieldIds: ['Notes'],
        fieldOrder: ['Due', name.id, 'Due'],
        columnWidths: { Name: 240 },
      },
      fields,
    );
    expect(config.filter).toEqual({
      conjunction: 'and',
      conditions: [
        { field: status.id, operator: 'is', value: 'open' },
        { conjunction: 'or', conditions: [{ field: due.id, operator: 'isBefore', value: { mode: 'today' } }, { field: due.id, operator: 'isEmpty' }] },
      ],
    });
    expect(config.sorts).toEqual([{ field: due.id, direction: 'desc' }]);
    expect(config.hiddenFieldIds).toEqual([notes.id]);
    expect(config.fieldOrder).toEqual([due.id, name.id]);
    expect(config.columnWidths).toEqual({ [name.id]: 240 });
  });

  it('keeps a half-written condition (no value yet) as it is', () => {
    const filter = { conjunction: 'and', conditions: [{ field: status.id, operator: 'is' }] };
    expect(normaliseViewConfig({ filter }, fields).filter).toEqual(filter);
  });

  it('refuses bad settings with errors naming the JSON path', () => {
    const cases: Array<[unknown, string, string]> = [
      [{ sorts: [{ field: 'Name', direction: 'asc' }, { field: 'Due', direction: 'sideways' }] }, 'config.sorts[1].direction', 'INVALID_FILTER'],
      [{ filter: { conjunction: 'and', conditions: [{ field: 'status', operator: 'is', value: 'x' }] } }, 'config.filter.conditions[0].field', 'UNKNOWN_FIELD'],
      [{ filter: { conjunction: 'and', conditions: [{ field: 'Due', operator: 'is', value: 'soon' }] } }, 'config.filter.conditions[0].value', 'INVALID_FILTER'],
      [{ hiddenFieldIds: ['Notes', 'Nope'] }, 'config.hiddenFieldIds[1]', 'UNKNOWN_FIELD'],
      [{ hiddenFieldIds: ['Name'] }, 'config.hiddenFieldIds', 'VALIDATION_FAILED'],
      [{ fieldOrder: 'Name' }, 'config.fieldOrder', 'VALIDATION_FAILED'],
      [{ columnWidths: { Name: 10 } }, 'config.columnWidths["Name"]', 'VALIDATION_FAILED'],
      [{ columnWidths: { 'Name ': 100 } }, 'config.columnWidths["Name "]', 'UNKNOWN_FIELD'],
      [{ frozenColumnCount: -1 }, 'config.frozenColumnCount', 'VALIDATION_FAILED'],
      [{ frozenColumnCount: 1.5 }, 'config.frozenColumnCount', 'VALIDATION_FAILED'],
      [{ rowHeight: 'huge' }, 'config.rowHeight', 'VALIDATION_FAILED'],
      [{ colour: 'red' }, 'config.colour', 'VALIDATION_FAILED'],
      [[], 'config', 'VALIDATION_FAILED'],
    ];
    for (const [input, path, code] of cases) {
      expect(() => normaliseViewConfig(input, fields), path).toThrowError(
        expect.objectContaining({ code, details: expect.objectContaining({ path }) }),
      );
    }
  });
});

describe('visibleFields', () => {
  it('shows ordered fields first, then the rest in table order, without hidden ones', () => {
    const shown = visibleFields({ fieldOrder: [due.id, name.id], hiddenFieldIds: [status.id] }, fields);
    expect(shown.map((field) => field.name)).toEqual(['Due', 'Name', 'Notes']);
  });
});
