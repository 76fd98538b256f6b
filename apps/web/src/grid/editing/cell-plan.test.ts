import { describe, expect, it } from 'vitest';
import type { ApiField } from '../../api/tables';
import { userDirectory } from '../cell-values';
import { planCells, type InputRules } from './cell-plan';

function field(id: string, type: ApiField['type'], options: Record<string, unknown> = {}): ApiField {
  return { id, name: id === 'fld_visits' ? 'Visits' : 'Label', type, options, description: '', isPrimary: false };
}

const visits = field('fld_visits', 'number', { precision: 0, format: 'plain', currencySymbol: '¥', allowNegative: true });
const label = field('fld_label', 'formula', { formula: '1' });

function rules(mayEdit = true): InputRules {
  return {
    fields: new Map([visits, label].map((one) => [one.id, one])),
    env: { users: userDirectory([]), timeZone: 'Asia/Shanghai', locale: 'en-US' },
    mayEdit: () => mayEdit,
    messages: { readOnly: (of) => `${of.name} is read-only`, notAllowed: (of) => `${of.name} is not yours`, invalid: (of, reason) => `${of.name}: ${reason}` },
  };
}

const before = () => 3;

describe('planning a write', () => {
  it('plans the cells that change, with their values before and after', () => {
    const plan = planCells(
      [
        { recordId: 'rec_1', fieldId: 'fld_visits', input: '1,234' },
        { recordId: 'rec_2', fieldId: 'fld_visits', input: '3' },
      ],
      rules(),
      before,
    );
    // rec_2 already holds 3: nothing to write there.
    expect(plan).toEqual({ ok: true, cells: [{ recordId: 'rec_1', fieldId: 'fld_visits', before: 3, after: 1234, send: 1234 }] });
  });

  it('stops at the first refusal and names its cell', () => {
    const plan = planCells(
      [
        { recordId: 'rec_1', fieldId: 'fld_visits', input: '4' },
        { recordId: 'rec_2', fieldId: 'fld_label', input: 'x' },
        { recordId: 'rec_3', fieldId: 'fld_visits', input: 'many' },
      ],
      rules(),
      before,
    );
    expect(plan).toEqual({ ok: false, cell: { recordId: 'rec_2', fieldId: 'fld_label' }, message: 'Label is read-only' });
  });

  it('refuses a field the role may not edit, and a value core does not read', () => {
    expect(planCells([{ recordId: 'rec_1', fieldId: 'fld_visits', input: '4' }], rules(false), before)).toMatchObject({ ok: false, message: 'Visits is not yours' });
    const plan = planCells([{ recordId: 'rec_1', fieldId: 'fld_visits', input: 'many' }], rules(), before);
    expect(plan.ok === false && plan.message).toMatch(/^Visits: .*not a number/);
  });
});
