import { describe, expect, it } from 'vitest';
import { EngineError } from '../../errors';
import { queryProfileOf } from '../../filters/query-profiles';
import { TestBase, testId } from '../computed/test-support';
import { fieldStorage, getFieldType } from '../registry';
import { makeFormatContext, testAttachments, testUsers } from '../test-support';
import { formulaDisplayText, formulaIsTimeDependent } from './formula';

const T = 'tbl_00000000patients';
const L = 'tbl_000000000doctors';

function clinic() {
  const base = new TestBase();
  const fields = {
    name: base.add(T, 'Name', 'singleLineText', {}, true),
    fee: base.add(T, 'Fee', 'number'),
    stars: base.add(T, 'Stars', 'rating'),
    paid: base.add(T, 'Paid', 'checkbox'),
    channel: base.add(T, 'Channel', 'singleSelect', { choices: [{ name: 'Phone' }, { name: '门诊' }] }),
    tags: base.add(T, 'Tags', 'multipleSelect', { choices: [{ name: 'VIP' }, { name: 'Child' }] }),
    visit: base.add(T, 'Visit', 'date', { includeTime: true }),
    day: base.add(T, 'Day', 'date'),
    duration: base.add(T, 'Duration', 'duration'),
    doctor: base.add(T, 'Doctor', 'person'),
    scan: base.add(T, 'Scan', 'attachment'),
    email: base.add(T, 'Email', 'email'),
    created: base.add(T, 'Created', 'createdTime'),
    by: base.add(T, 'Created by', 'createdBy'),
    link: base.add(T, 'Ward', 'link', { linkedTableId: L }),
  };
  return { base, fields };
}

function expectRefusal(run: () => unknown, code: string, message: RegExp): EngineError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(EngineError);
    expect((error as EngineError).code).toBe(code);
    expect((error as EngineError).message).toMatch(message);
    return error as EngineError;
  }
  throw new Error('expected a refusal');
}

describe('formula field: saving', () => {
  it('stores references by id, infers the result kind and shows the formula with names', () => {
    const { base, fields } = clinic();
    const total = base.addComputed(T, 'Total', 'formula', { formula: '{Fee} * 2 + Stars' });
    expect(total.options.formula).toBe(`{${fields.fee.id}} * 2 + {${fields.stars.id}}`);
    expect(total.options.resultKind).toBe('number');
    expect(formulaDisplayText(total, base.fields)).toBe('{Fee} * 2 + {Stars}');
  });

  it('accepts field ids in the text as well as names', () => {
    const { base, fields } = clinic();
    const label = base.addComputed(T, 'Label', 'formula', { formula: `{${fields.name.id}} & "-" & {Channel}` });
    expect(label.options.formula).toBe(`{${fields.name.id}} & "-" & {${fields.channel.id}}`);
    expect(label.options.resultKind).toBe('text');
  });

  it('keeps working after a referenced field is renamed', () => {
    const { base, fields } = clinic();
    const total = base.addComputed(T, 'Total', 'formula', { formula: '{Fee} * 2' });
    base.fields.set(fields.fee.id, { ...fields.fee, name: '费用' });
    expect(formulaDisplayText(total, base.fields)).toBe('{费用} * 2');
    expect(base.compute(total, base.record(T, 'rec_000000000000000a', { [fields.fee.id]: 21 }))).toBe(42);
  });

  it('refuses a syntax error naming the character', () => {
    const { base } = clinic();
    const error = expectRefusal(() => base.addComputed(T, 'Bad', 'formula', { formula: '{Fee} * (2 +' }), 'INVALID_FORMULA', /at character \d+/);
    expect(typeof error.details.position).toBe('number');
  });

  it('refuses a type error when saved', () => {
    const { base } = clinic();
    expectRefusal(() => base.addComputed(T, 'Bad', 'formula', { formula: '{Visit} + 1' }), 'INVALID_FORMULA', /date/);
  });

  it('refuses an unknown field and an empty formula', () => {
    const { base } = clinic();
    expectRefusal(() => base.addComputed(T, 'Bad', 'formula', { formula: '{Nope} * 2' }), 'INVALID_FORMULA', /Unknown field \{Nope\}/);
    expectRefusal(() => base.addComputed(T, 'Bad', 'formula', { formula: '  ' }), 'INVALID_FORMULA', /Enter a formula/);
  });

  it('does not see fields of other tables', () => {
    const { base } = clinic();
    base.add(L, 'Floor', 'number');
    expectRefusal(() => base.addComputed(T, 'Bad', 'formula', { formula: '{Floor} + 1' }), 'INVALID_FORMULA', /Unknown field \{Floor\}/);
  });
});

describe('formula field: values over every stored type', () => {
  const { base, fields } = clinic();
  const record = base.record(
    T,
    'rec_000000000000000b',
    {
      [fields.name.id]: '王伟',
      [fields.fee.id]: 120.5,
      [fields.stars.id]: 4,
      [fields.paid.id]: true,
      [fields.channel.id]: '门诊',
      [fields.tags.id]: ['VIP', 'Child'],
      [fields.visit.id]: '2026-03-05T06:30:00.000Z',
      [fields.day.id]: '2026-03-05',
      [fields.duration.id]: 5400,
      [fields.doctor.id]: [testUsers[0]!.id, testUsers[1]!.id],
      [fields.scan.id]: [{ id: testAttachments[0]!.id, name: 'report.pdf', size: 1024, mimeType: 'application/pdf' }],
      [fields.email.id]: 'wang@example.com',
      [fields.link.id]: [{ id: 'rec_000000000000ward', title: 'Ward 3' }],
      [fields.created.id]: '2026-03-01T08:00:00.000Z',
      [fields.by.id]: testUsers[2]!.id,
    },
    { createdTime: '2026-03-01T08:00:00.000Z' },
  );
  const value = (formula: string) => base.compute(base.addComputed(T, `F${formula.length}${Math.random()}`, 'formula', { formula }), record);

  it.each([
    ['{Name} & " paid"', '王伟 paid'],
    ['{Fee} * 2', 241],
    ['{Stars} + 1', 5],
    ['IF({Paid}, "yes", "no")', 'yes'],
    ['{Channel} = "门诊"', true],
    ['ARRAYJOIN({Tags}, "|")', 'VIP|Child'],
    ['COUNTA({Tags})', 2],
    ['DATETIME_FORMAT({Visit}, "YYYY-MM-DD HH:mm")', '2026-03-05 14:30'],
    ['DAY({Day})', 5],
    ['{Duration} / 60', 90],
    ['ARRAYJOIN({Doctor}, ", ")', 'Alice Chen, 王伟'],
    ['ARRAYJOIN({Scan})', 'report.pdf'],
    ['LEN({Email})', 16],
    ['YEAR({Created})', 2026],
    ['{Created by}', 'Carol'],
    ['ARRAYJOIN({Ward})', 'Ward 3'],
    ['RECORD_ID()', 'rec_000000000000000b'],
  ])('computes %s', (formula, expected) => {
    expect(value(formula)).toEqual(expected);
  });

  it('stores a date result as a UTC instant', () => {
    expect(value('DATEADD({Visit}, 1, "days")')).toBe('2026-03-06T06:30:00.000Z');
  });

  it('stores a list result as a flat list', () => {
    expect(value('ARRAYUNIQUE({Tags})')).toEqual(['VIP', 'Child']);
  });
});

describe('formula field: error values', () => {
  const { base, fields } = clinic();
  const record = base.record(T, 'rec_000000000000000c', { [fields.fee.id]: 10, [fields.name.id]: 'abc' });

  it('stores a failure as { error, reason } in the cell instead of failing', () => {
    const ratio = base.addComputed(T, 'Ratio', 'formula', { formula: '{Fee} / 0' });
    expect(base.compute(ratio, record)).toEqual({ error: '#DIV/0', reason: expect.any(String) });
    const bad = base.addComputed(T, 'Bad', 'formula', { formula: '{Name} * 2' });
    expect(base.compute(bad, record)).toMatchObject({ error: '#VALUE' });
  });

  it('passes an error on to formulas that read it', () => {
    const ratio = base.addComputed(T, 'Ratio2', 'formula', { formula: '{Fee} / 0' });
    const next = base.addComputed(T, 'Next', 'formula', { formula: '{Ratio2} + 1' });
    const withError = base.record(T, 'rec_000000000000000d', { [fields.fee.id]: 1, [ratio.id]: base.compute(ratio, record) });
    expect(base.compute(next, withError)).toMatchObject({ error: '#DIV/0' });
    const caught = base.addComputed(T, 'Caught', 'formula', { formula: 'IFERROR({Ratio2}, -1)' });
    expect(base.compute(caught, withError)).toBe(-1);
  });

  it('gives every cell an error naming the deleted field when a referenced field is deleted', () => {
    const total = base.addComputed(T, 'Total', 'formula', { formula: '{Fee} * 2' });
    base.fields.delete(fields.fee.id);
    expect(base.compute(total, record)).toEqual({ error: '#ERROR', reason: expect.stringContaining(fields.fee.id) });
    expect(base.dependencies(total)).toEqual([]);
    expect(formulaDisplayText(total, base.fields)).toBe(`{${fields.fee.id}} * 2`);
  });

  it('shows an error by its code', () => {
    const ratio = base.fields.get([...base.fields.keys()].find((id) => base.fields.get(id)!.name === 'Ratio')!)!;
    expect(getFieldType('formula').format({ error: '#DIV/0', reason: 'x' }, ratio.options, makeFormatContext())).toBe('#DIV/0');
  });
});

describe('formula field: what it reads, how it is stored and queried', () => {
  it('reads each referenced field of its own record', () => {
    const { base, fields } = clinic();
    const total = base.addComputed(T, 'Total', 'formula', { formula: '{Fee} * {Stars} + {Fee}' });
    expect(base.dependencies(total)).toEqual([
      { kind: 'sameRecord', fieldId: fields.fee.id },
      { kind: 'sameRecord', fieldId: fields.stars.id },
    ]);
  });

  it('reads every stored field of the record for LAST_MODIFIED_TIME()', () => {
    const { base, fields } = clinic();
    const changed = base.addComputed(T, 'Changed', 'formula', { formula: 'LAST_MODIFIED_TIME()' });
    const read = base.dependencies(changed).map((d) => (d.kind === 'sameRecord' ? d.fieldId : ''));
    expect(read).toContain(fields.fee.id);
    expect(read).not.toContain(fields.created.id); // system-kept, never edited
    expect(read).not.toContain(fields.link.id); // computed titles
  });

  it('keeps values in a column of the result kind, with errors beside it', () => {
    const { base } = clinic();
    expect(fieldStorage(base.addComputed(T, 'N', 'formula', { formula: '{Fee} + 1' }))).toEqual({ kind: 'number', errors: true });
    expect(fieldStorage(base.addComputed(T, 'B', 'formula', { formula: '{Fee} > 1' }))).toEqual({ kind: 'boolean', errors: true });
    expect(fieldStorage(base.addComputed(T, 'D', 'formula', { formula: 'TODAY()' }))).toEqual({ kind: 'text', errors: true });
    expect(fieldStorage(base.addComputed(T, 'L', 'formula', { formula: 'ARRAYUNIQUE({Tags})' }))).toEqual({ kind: 'json', errors: true });
  });

  it('is filtered and sorted as its result kind', () => {
    const { base } = clinic();
    const profile = (formula: string) => queryProfileOf(base.addComputed(T, `Q${Math.random()}`, 'formula', { formula }), 'filter');
    expect(profile('{Fee} * 2')).toMatchObject({ values: 'number', sort: 'value' });
    expect(profile('{Name} & ""')).toMatchObject({ values: 'text' });
    expect(profile('DATEADD({Visit}, 1, "days")')).toMatchObject({ values: 'date', date: { storedAs: 'instant' } });
    expect(profile('{Paid}')).toMatchObject({ values: 'boolean' });
    expect(profile('ARRAYUNIQUE({Tags})')).toMatchObject({ values: 'textList', sort: 'jsonText' });
  });

  it('formats per its display options', () => {
    const { base } = clinic();
    const ctx = makeFormatContext();
    const money = base.addComputed(T, 'Money', 'formula', { formula: '{Fee} * 2', precision: 2, numberFormat: 'currency' });
    expect(getFieldType('formula').format(-1234.5, money.options, ctx)).toBe('-¥1,234.50');
    const share = base.addComputed(T, 'Share', 'formula', { formula: '{Fee} / 100', precision: 1, numberFormat: 'percent' });
    expect(getFieldType('formula').format(0.125, share.options, ctx)).toBe('12.5%');
    const plain = base.addComputed(T, 'Plain', 'formula', { formula: '{Fee} / 3' });
    expect(getFieldType('formula').format(0.1 + 0.2, plain.options, ctx)).toBe('0.3');
    const when = base.addComputed(T, 'When', 'formula', { formula: 'DATEADD({Visit}, 1, "days")', dateFormat: 'chinese', includeTime: false });
    expect(getFieldType('formula').format('2026-03-05T20:00:00.000Z', when.options, ctx)).toBe('2026年3月6日');
  });

  it('knows which formulas read the clock', () => {
    expect(formulaIsTimeDependent({ formula: 'DATETIME_DIFF(TODAY(), {fld_0000000000000000}, "days")' })).toBe(true);
    expect(formulaIsTimeDependent({ formula: 'NOW()' })).toBe(true);
    expect(formulaIsTimeDependent({ formula: '{fld_0000000000000000} + 1' })).toBe(false);
  });

  it('evaluates TODAY() at the context clock in the base zone', () => {
    const { base } = clinic();
    const today = base.addComputed(T, 'Today', 'formula', { formula: 'DATETIME_FORMAT(TODAY(), "YYYY-MM-DD")' });
    const record = base.record(T, testId('rec', 'today'), {});
    base.now = new Date('2026-03-05T16:30:00.000Z'); // 00:30 on the 6th in Shanghai
    expect(base.compute(today, record)).toBe('2026-03-06');
  });

  it('is read-only', () => {
    expect(getFieldType('formula').writable).toBe(false);
  });
});
