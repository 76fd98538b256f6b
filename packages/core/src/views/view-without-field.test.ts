import { describe, expect, it } from 'vitest';
import { defaultViewConfig, type ViewConfig } from './view-config';
import { viewConfigWithoutField } from './view-without-field';

describe('viewConfigWithoutField', () => {
  it('removes every reference to the deleted field and keeps the rest', () => {
    const config: ViewConfig = {
      ...defaultViewConfig(),
      filter: {
        conjunction: 'and',
        conditions: [
          { field: 'fld_gone', operator: 'isEmpty' },
          { field: 'fld_kept', operator: 'isNotEmpty' },
          { conjunction: 'or', conditions: [{ field: 'fld_gone', operator: 'is', value: 'x' }] },
        ],
      },
      sorts: [
        { field: 'fld_gone', direction: 'asc' },
        { field: 'fld_kept', direction: 'desc' },
      ],
      hiddenFieldIds: ['fld_gone', 'fld_kept'],
      fieldOrder: ['fld_kept', 'fld_gone'],
      columnWidths: { fld_gone: 100, fld_kept: 200 },
    };
    const pruned = viewConfigWithoutField(config, 'fld_gone');
    expect(pruned.filter).toEqual({ conjunction: 'and', conditions: [{ field: 'fld_kept', operator: 'isNotEmpty' }] });
    expect(pruned.sorts).toEqual([{ field: 'fld_kept', direction: 'desc' }]);
    expect(pruned.hiddenFieldIds).toEqual(['fld_kept']);
    expect(pruned.fieldOrder).toEqual(['fld_kept']);
    expect(pruned.columnWidths).toEqual({ fld_kept: 200 });
  });

  it('drops a filter that only referred to the deleted field', () => {
    const config = { ...defaultViewConfig(), filter: { conjunction: 'and' as const, conditions: [{ field: 'fld_gone', operator: 'isEmpty' as const }] } };
    expect(viewConfigWithoutField(config, 'fld_gone').filter).toBeNull();
  });
});
