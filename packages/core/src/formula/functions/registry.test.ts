import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { maximumArguments, minimumArguments } from './function-definition';
import { formulaFunctionNames, functionCategories, lookupFormulaFunction } from './registry';

/** The functions issue 3 lists, by category. */
const required = {
  text: 'CONCATENATE LEFT RIGHT MID LEN LOWER UPPER TRIM FIND SEARCH SUBSTITUTE REPLACE REPT T REGEX_MATCH REGEX_EXTRACT REGEX_REPLACE ENCODE_URL_COMPONENT',
  numeric: 'ABS ROUND ROUNDUP ROUNDDOWN CEILING FLOOR INT MOD POWER SQRT EXP LOG SUM AVERAGE MIN MAX COUNT COUNTA COUNTALL VALUE',
  logical: 'IF IFS SWITCH AND OR NOT XOR TRUE FALSE BLANK ISBLANK ERROR ISERROR IFERROR',
  date: 'NOW TODAY DATEADD DATETIME_DIFF DATEDIF DATETIME_FORMAT DATETIME_PARSE YEAR MONTH DAY HOUR MINUTE SECOND WEEKDAY WEEKNUM WORKDAY WORKDAY_DIFF NETWORKDAYS IS_BEFORE IS_AFTER IS_SAME SET_TIMEZONE',
  array: 'ARRAYJOIN ARRAYUNIQUE ARRAYCOMPACT ARRAYFLATTEN ARRAYSLICE COUNTIF SUMIF',
  record: 'RECORD_ID CREATED_TIME LAST_MODIFIED_TIME',
} as const;

/** Where each category's behaviour is tested. */
const testFiles: Record<keyof typeof required, string[]> = {
  text: ['text.test.ts'],
  numeric: ['numeric.test.ts'],
  logical: ['logical.test.ts'],
  date: ['date.test.ts', 'workdays.test.ts'],
  array: ['array.test.ts'],
  record: ['record.test.ts'],
};

describe('function registry', () => {
  it('has exactly the functions of the issue, each in its category', () => {
    for (const [category, names] of Object.entries(required)) {
      expect(Object.keys(functionCategories[category as keyof typeof required]).sort()).toEqual(names.split(' ').sort());
    }
    expect(formulaFunctionNames).toHaveLength(Object.values(required).join(' ').split(' ').length);
  });

  it('finds functions in any case and nothing on the prototype chain', () => {
    expect(lookupFormulaFunction('dateadd')).toBe(functionCategories.date.DATEADD);
    for (const name of ['constructor', '__proto__', 'toString', 'hasOwnProperty', '__defineGetter__']) expect(lookupFormulaFunction(name)).toBeUndefined();
  });

  it('declares well-formed parameters: required before optional, only the last repeating', () => {
    for (const name of formulaFunctionNames) {
      const fn = lookupFormulaFunction(name)!;
      const firstOptional = fn.params.findIndex((param) => param.optional);
      if (firstOptional >= 0) expect(fn.params.slice(firstOptional).every((param) => param.optional)).toBe(true);
      expect(fn.params.slice(0, -1).some((param) => param.repeats)).toBe(false);
      expect(maximumArguments(fn)).toBeGreaterThanOrEqual(minimumArguments(fn));
    }
  });

  it('has tests calling every function', () => {
    for (const [category, names] of Object.entries(required)) {
      const tests = testFiles[category as keyof typeof required].map((file) => readFileSync(new URL(file, import.meta.url), 'utf8')).join('\n');
      const untested = names.split(' ').filter((name) => !new RegExp(`\\b${name}\\(`).test(tests));
      expect(untested).toEqual([]);
    }
  });
});
