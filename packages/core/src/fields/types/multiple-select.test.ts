import { describe, expect, it } from 'vitest';
import { choiceColors } from '../choices';
import { normalizeFieldOptions } from '../field-options';
import { makeCastContext, makeFormatContext } from '../test-support';
import { multipleSelect } from './multiple-select';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const options = normalizeFieldOptions('multipleSelect', {
  choices: [{ name: 'Fever' }, { name: 'Cough' }, { name: 'Pain, chest' }],
});

describe('multipleSelect cast', () => {
  it('accepts an array of choice names in the given order', () => {
    expect(multipleSelect.cast(['Cough', 'Fever'], options, strict)).toEqual({ ok: true, value: ['Cough', 'Fever'] });
  });
  it('drops duplicates, keeping the first occurrence', () => {
    expect(multipleSelect.cast(['Cough', 'Fever', ' Cough'], options, strict)).toEqual({ ok: true, value: ['Cough', 'Fever'] });
  });
  it('treats an empty array as an empty cell', () => {
    expect(multipleSelect.cast([], options, strict)).toEqual({ ok: true, value: null });
    expect(multipleSelect.cast('', options, strict)).toEqual({ ok: true, value: null });
  });
  it('refuses unknown names in strict mode, naming the first', () => {
    expect(multipleSelect.cast(['Fever', 'Rash', 'Itch'], options, strict)).toEqual({ ok: false, reason: '"Rash" is not one of the choices' });
  });
  it('refuses a bare string and empty names in strict mode', () => {
    expect(multipleSelect.cast('Fever', options, strict)).toEqual({ ok: false, reason: 'expected an array of choice names, got "Fever"' });
    expect(multipleSelect.cast(['Fever', ' '], options, strict)).toEqual({ ok: false, reason: '[1] is an empty choice name' });
    expect(multipleSelect.cast(['Fever', 3], options, strict).ok).toBe(false);
  });
  it('splits loose text on Chinese and ASCII separators and line breaks', () => {
    expect(multipleSelect.cast('Fever，Cough', options, loose)).toEqual({ ok: true, value: ['Fever', 'Cough'] });
    expect(multipleSelect.cast('Cough、Fever;Cough\nFever', options, loose)).toEqual({ ok: true, value: ['Cough', 'Fever'] });
  });
  it('takes loose text that is itself a choice name whole, even with a comma', () => {
    expect(multipleSelect.cast('Pain, chest', options, loose)).toEqual({ ok: true, value: ['Pain, chest'] });
  });
  it('adds unknown names as new choices when typecasting, each with its own colour', () => {
    const result = multipleSelect.cast(['Rash', 'Fever', 'Itch'], options, loose);
    expect(result.ok && result.value).toEqual(['Rash', 'Fever', 'Itch']);
    const added = result.ok ? result.options?.choices.slice(3) : [];
    expect(added?.map((choice) => [choice.name, choice.color])).toEqual([
      ['Rash', choiceColors[3]],
      ['Itch', choiceColors[4]],
    ]);
  });
  it('skips empty pieces when typecasting', () => {
    expect(multipleSelect.cast(['Fever', '', null], options, loose)).toEqual({ ok: true, value: ['Fever'] });
    expect(multipleSelect.cast(' , ，', options, loose)).toEqual({ ok: true, value: null });
  });
});

describe('multipleSelect format, order, operators', () => {
  it('joins names with a comma', () => {
    expect(multipleSelect.format(['Fever', 'Cough'], options, makeFormatContext())).toBe('Fever, Cough');
  });
  it('sorts by the JSON text of the array, as the stored JSON column sorts', () => {
    const values = [['Fever'], ['Cough', 'Fever'], ['Cough']];
    const sorted = [...values].sort((a, b) => multipleSelect.compare(a, b, options));
    expect(sorted).toEqual([['Cough', 'Fever'], ['Cough'], ['Fever']]);
  });
  it('offers the has-operators', () => {
    expect(multipleSelect.operators).toEqual(['hasAnyOf', 'hasAllOf', 'hasNoneOf', 'isExactly', 'isEmpty', 'isNotEmpty']);
  });
});
