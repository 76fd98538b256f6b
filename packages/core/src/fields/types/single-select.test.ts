import { describe, expect, it } from 'vitest';
import { choiceColors } from '../choices';
import { normalizeFieldOptions } from '../field-options';
import { isId } from '../../ids';
import { makeCastContext, makeFormatContext } from '../test-support';
import { singleSelect } from './single-select';

const strict = makeCastContext();
const loose = makeCastContext({ typecast: true });
const options = normalizeFieldOptions('singleSelect', {
  choices: [{ name: 'Open' }, { name: 'In progress', color: 'orange' }, { name: ' Done ' }],
});

describe('singleSelect options', () => {
  it('defaults to no choices', () => {
    expect(normalizeFieldOptions('singleSelect', {})).toEqual({ choices: [] });
  });
  it('assigns ids and palette colours to choices given without them, and trims names', () => {
    expect(options.choices.map((choice) => choice.name)).toEqual(['Open', 'In progress', 'Done']);
    expect(options.choices.every((choice) => isId('choice', choice.id))).toBe(true);
    expect(options.choices.map((choice) => choice.color)).toEqual([choiceColors[0], 'orange', choiceColors[2]]);
  });
  it('keeps given ids', () => {
    const kept = normalizeFieldOptions('singleSelect', { choices: [{ id: options.choices[0]!.id, name: 'Open', color: 'red' }] });
    expect(kept).toEqual({ choices: [{ id: options.choices[0]!.id, name: 'Open', color: 'red' }] });
  });
  it('refuses duplicate names, naming both positions', () => {
    expect(() => normalizeFieldOptions('singleSelect', { choices: [{ name: 'A' }, { name: 'B' }, { name: 'A ' }] })).toThrow(
      'options.choices[2].name of a singleSelect field: duplicate choice name "A" (also choices[0])',
    );
  });
  it('refuses empty names, unknown colours and malformed ids', () => {
    expect(() => normalizeFieldOptions('singleSelect', { choices: [{ name: '  ' }] })).toThrow(/options\.choices\[0\]\.name/);
    expect(() => normalizeFieldOptions('singleSelect', { choices: [{ name: 'A', color: '#ff0000' }] })).toThrow(/options\.choices\[0\]\.color/);
    expect(() => normalizeFieldOptions('singleSelect', { choices: [{ name: 'A', id: 'urgent' }] })).toThrow(/options\.choices\[0\]\.id/);
  });
  it('refuses duplicate choice ids', () => {
    const id = options.choices[0]!.id;
    expect(() => normalizeFieldOptions('singleSelect', { choices: [{ name: 'A', id }, { name: 'B', id }] })).toThrow(/choices\[1\]\.id/);
  });
});

describe('singleSelect cast', () => {
  it('accepts a choice name, trimmed', () => {
    expect(singleSelect.cast(' Open ', options, strict)).toEqual({ ok: true, value: 'Open' });
  });
  it('treats empty input as an empty cell', () => {
    expect(singleSelect.cast('', options, strict)).toEqual({ ok: true, value: null });
    expect(singleSelect.cast(null, options, strict)).toEqual({ ok: true, value: null });
  });
  it('refuses a name that is not a choice, naming it', () => {
    expect(singleSelect.cast('Closed', options, strict)).toEqual({ ok: false, reason: '"Closed" is not one of the choices' });
  });
  it('matches names exactly (case matters)', () => {
    expect(singleSelect.cast('open', options, strict).ok).toBe(false);
  });
  it('adds an unknown name as a new choice when typecasting, with the next palette colour', () => {
    const result = singleSelect.cast('Closed', options, loose);
    expect(result.ok && result.value).toBe('Closed');
    const added = result.ok ? result.options?.choices.at(-1) : undefined;
    expect(added).toMatchObject({ name: 'Closed', color: choiceColors[3] });
    expect(isId('choice', added?.id)).toBe(true);
    expect(result.ok && result.options?.choices.slice(0, 3)).toEqual(options.choices);
    expect(options.choices).toHaveLength(3);
  });
  it('returns no options when the name already exists', () => {
    expect(singleSelect.cast('Open', options, loose)).toEqual({ ok: true, value: 'Open' });
  });
  it('reads a one-element array and numbers when typecasting, but refuses several values', () => {
    expect(singleSelect.cast(['Done'], options, loose)).toEqual({ ok: true, value: 'Done' });
    expect(singleSelect.cast(['Open', 'Done'], options, loose)).toEqual({ ok: false, reason: 'expected one choice, got 2: ["Open","Done"]' });
    expect(singleSelect.cast(['Done'], options, strict).ok).toBe(false);
    const numeric = singleSelect.cast(3, options, loose);
    expect(numeric.ok && numeric.value).toBe('3');
  });
});

describe('singleSelect format, order, operators', () => {
  it('formats as the name and sorts by name', () => {
    expect(singleSelect.format('Open', options, makeFormatContext())).toBe('Open');
    expect(['Open', 'Done', 'In progress'].sort((a, b) => singleSelect.compare(a, b, options))).toEqual(['Done', 'In progress', 'Open']);
  });
  it('offers is / isAnyOf style operators', () => {
    expect(singleSelect.operators).toEqual(['is', 'isNot', 'isAnyOf', 'isNoneOf', 'isEmpty', 'isNotEmpty']);
  });
  it('publishes the choice names as the allowed values', () => {
    const schema = singleSelect.valueSchema(options) as unknown as { anyOf: Array<{ const: string }> };
    expect(schema.anyOf.map((member) => member.const)).toEqual(['Open', 'In progress', 'Done']);
  });
});
