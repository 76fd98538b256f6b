import { describe, expect, it } from 'vitest';
import type { ApiField } from '../api/tables';
import { canonicalOf, castInput, cellText, userDirectory, type CellEnvironment } from './cell-values';

const zhao = { id: 'usr_0000000000000001', name: 'Nurse Zhao', email: 'zhao@clinic.test' };
const wang = { id: 'usr_0000000000000002', name: 'Dr. Wang', email: 'wang@clinic.test' };
const env: CellEnvironment = { users: userDirectory([zhao, wang]), timeZone: 'Asia/Shanghai', locale: 'en-US' };

function field(type: ApiField['type'], options: Record<string, unknown> = {}): ApiField {
  return { id: 'fld_0000000000000001', name: 'F', type, options, description: '', isPrimary: false };
}

const visits = field('number', { precision: 2, format: 'plain', currencySymbol: '¥', allowNegative: true });
const status = field('singleSelect', { choices: [{ id: 'cho_0000000000000001', name: 'Open', color: 'blue' }] });
const nurse = field('person', { multiple: true, notify: false });

describe('castInput (core decides what typed text means)', () => {
  it('reads loose numbers and sends the number', () => {
    expect(castInput(visits, '1,234', env)).toEqual({ ok: true, value: 1234, shown: 1234, send: 1234 });
    expect(castInput(visits, '', env)).toEqual({ ok: true, value: null, shown: null, send: null });
  });

  it("refuses what core refuses, with core's reason", () => {
    const outcome = castInput(visits, 'many', env);
    expect(outcome.ok).toBe(false);
    expect(!outcome.ok && outcome.reason).toContain('is not a number');
  });

  it('sends the typed name when it adds a select choice, so the server adds it', () => {
    expect(castInput(status, 'Open', env)).toEqual({ ok: true, value: 'Open', shown: 'Open', send: 'Open' });
    expect(castInput(status, ' Closed ', env)).toEqual({ ok: true, value: 'Closed', shown: 'Closed', send: ' Closed ' });
  });

  it('shows persons the way the API presents them', () => {
    const outcome = castInput(nurse, [{ id: zhao.id }], env);
    expect(outcome).toEqual({ ok: true, value: [zhao.id], shown: [zhao], send: [zhao.id] });
    expect(castInput(nurse, 'zhao@clinic.test, Dr. Wang', env)).toMatchObject({ ok: true, value: [zhao.id, wang.id] });
  });

  it('reads attachments the editor holds with their metadata, and not ids it knows nothing about', () => {
    const scan = { id: 'att_0000000000000001', name: 'x-ray.png', size: 105, mimeType: 'image/png' };
    expect(castInput(field('attachment'), [scan], env)).toEqual({ ok: true, value: [scan], shown: [scan], send: [scan] });
    const unknown = castInput(field('attachment'), ['att_0000000000000002'], env);
    expect(!unknown.ok && unknown.reason).toContain('no uploaded file has the id');
  });

  it('reads linked records the picker chose, and not titles of records it never saw', () => {
    const doctor = field('link', { linkedTableId: 'tbl_0000000000000001', inverseFieldId: null, multiple: true });
    const chen = { id: 'rec_0000000000000001', title: 'Dr. Chen' };
    expect(castInput(doctor, [chen], env)).toMatchObject({ ok: true, value: [chen] });
    const unseen = castInput(doctor, 'Dr. Li', env);
    expect(!unseen.ok && unseen.reason).toContain('no linked record is titled');
  });
});

describe('cellText and canonicalOf', () => {
  it('formats values as core does', () => {
    expect(cellText(visits, 1234, env)).toBe('1,234.00');
    expect(cellText(status, 'Open', env)).toBe('Open');
    expect(cellText(visits, null, env)).toBe('');
  });

  it('reads presented persons back to ids and shows their names', () => {
    expect(canonicalOf(nurse, [zhao, wang], env)).toEqual([zhao.id, wang.id]);
    expect(cellText(nurse, [zhao, wang], env)).toBe('Nurse Zhao, Dr. Wang');
  });

  it('shows an error value of a computed field by its code', () => {
    expect(cellText(field('formula', {}), { error: 'DIV_ZERO', reason: 'division by zero' }, env)).toBe('#DIV_ZERO');
  });
});

describe('userDirectory', () => {
  it('finds a user by email in any case or by exact name, and nobody when the name is shared', () => {
    const directory = userDirectory([zhao, wang, { id: 'usr_0000000000000003', name: 'Dr. Wang', email: 'wang2@clinic.test' }]);
    expect(directory.byText('ZHAO@clinic.test')?.id).toBe(zhao.id);
    expect(directory.byText('Nurse Zhao')?.id).toBe(zhao.id);
    expect(directory.byText('Dr. Wang')).toBeUndefined();
    expect(directory.byId(wang.id)?.name).toBe('Dr. Wang');
  });
});

describe('cellText just after a type change', () => {
  it('shows nothing, not NaN, for text a row still holds in a field that became a number', () => {
    expect(cellText(visits, 'abc', env)).toBe('');
    expect(cellText(visits, 12, env)).toBe('12.00');
  });
});
