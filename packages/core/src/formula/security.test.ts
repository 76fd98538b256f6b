import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import { prepareFormula } from './compile';
import { evaluateFormula } from './evaluator';
import { lookupFormulaFunction } from './functions/registry';
import { parseFormula } from './parser';
import { formulaResolverForFields } from './references';

const formulaDir = new URL('.', import.meta.url).pathname;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

const resolver = formulaResolverForFields([{ id: 'fld_price00000000000', name: 'Price', kind: 'number' }]);
const context = { values: {}, recordId: 'rec_1', now: new Date('2026-03-05T04:00:00Z'), timeZone: 'Asia/Shanghai' };
const dangerousNames = ['constructor', '__proto__', 'prototype', 'process', 'require', 'globalThis', 'global', 'window', 'eval', 'Function', 'toString', 'valueOf', 'hasOwnProperty', 'import', 'this'];

function refusalOf(text: string): EngineError {
  try {
    prepareFormula(text, resolver);
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be refused`);
}

describe('formula engine safety', () => {
  it('has no eval, Function constructor or vm module anywhere in its sources', () => {
    const forbidden = [/\beval\s*\(/, new RegExp(['new', 'Function'].join('\\s+')), new RegExp(['node', 'vm'].join(':')), /\bFunction\s*\(/, /from\s+['"]vm['"]/];
    const files = sourceFiles(formulaDir);
    expect(files.length).toBeGreaterThan(20);
    const offenders = files.flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return forbidden.filter((pattern) => pattern.test(text)).map((pattern) => `${file}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });

  it('imports no node:* module outside tests, so core stays pure', () => {
    const offenders = sourceFiles(formulaDir)
      .filter((file) => !file.endsWith('.test.ts'))
      .filter((file) => /from\s+['"]node:/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });

  it('refuses JavaScript globals and prototype names called as functions, at save and at run time', () => {
    for (const name of dangerousNames) {
      expect(lookupFormulaFunction(name)).toBeUndefined();
      const refusal = refusalOf(`${name}()`);
      expect(refusal.code).toBe('INVALID_FORMULA');
      expect(refusal.message).toContain('Unknown function');
      expect(evaluateFormula(parseFormula(`${name}()`), context).value).toMatchObject({ type: 'error', error: '#ERROR', reason: expect.stringContaining('unknown function') });
    }
  });

  it('refuses them as field references, braced or bare, and reads them as blank at run time', () => {
    for (const name of dangerousNames) {
      expect(refusalOf(`{${name}}`).message).toContain('Unknown field');
      expect(refusalOf(`${name} & ""`).message).toContain('Unknown field');
      expect(evaluateFormula(parseFormula(`{${name}}`), context).value).toBeNull();
      expect(evaluateFormula(parseFormula(`{${name}} & ""`), context).value).toBe('');
    }
  });

  it('reads record values by own property only', () => {
    const values = Object.create({ inherited: 'leak' }) as Record<string, unknown>;
    values.own = 'mine';
    expect(evaluateFormula(parseFormula('{own} & {inherited}'), { ...context, values }).value).toBe('mine');
  });

  it('treats JavaScript inside strings as text', () => {
    const text = '"); process.exit(1); ("';
    expect(evaluateFormula(parseFormula(`"${text.replaceAll('"', '\\"')}"`), context).value).toBe(text);
  });
});
