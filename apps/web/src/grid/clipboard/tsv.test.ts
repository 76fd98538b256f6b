import { describe, expect, it } from 'vitest';
import { parseTsv, toTsv } from './tsv';

describe('TSV', () => {
  it('splits cells by tabs and rows by line breaks, ignoring one trailing break', () => {
    expect(parseTsv('a\tb\tc\n1\t2\t3\n')).toEqual([
      ['a', 'b', 'c'],
      ['1', '2', '3'],
    ]);
    expect(parseTsv('a\r\nb\r\n')).toEqual([['a'], ['b']]);
  });

  it('keeps empty cells, including trailing ones', () => {
    expect(parseTsv('a\t\tc\n\t\t')).toEqual([
      ['a', '', 'c'],
      ['', '', ''],
    ]);
  });

  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    expect(parseTsv('"line 1\nline 2"\tx\n"say ""hi"""\t"a\tb"')).toEqual([
      ['line 1\nline 2', 'x'],
      ['say "hi"', 'a\tb'],
    ]);
  });

  it('leaves a quote inside unquoted text as it is', () => {
    expect(parseTsv('5" screen\tok')).toEqual([['5" screen', 'ok']]);
  });

  it('writes what it reads back', () => {
    const rows = [
      ['plain', 'with\ttab', 'two\nlines'],
      ['"quoted"', '', '中文'],
    ];
    expect(toTsv(rows)).toBe('plain\t"with\ttab"\t"two\nlines"\n"""quoted"""\t\t中文');
    expect(parseTsv(toTsv(rows))).toEqual(rows);
  });

  it('reads an empty clipboard as no rows', () => {
    expect(parseTsv('')).toEqual([]);
  });
});
