/**
 * Grammar fuzz (RELIABILITY.md A3.4): random syntax trees printed to text, and random strings.
 * The parser only ever throws INVALID_FORMULA; printing and parsing round-trip; evaluation never
 * throws, returns a well-formed value, never reports an internal error, and stays within its
 * step budget (asserted on the step count, not on time).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EngineError } from '../errors';
import type { BinaryOperator, FormulaNode } from './ast';
import { binaryOperators } from './ast';
import { prepareFormula } from './compile';
import { evaluateFormula, type FormulaEvaluation } from './evaluator';
import { formulaFunctionNames } from './functions/registry';
import { formulaLimits } from './limits';
import { parseFormula } from './parser';
import { printFormula } from './printer';
import { formulaResolverForFields } from './references';
import type { ValueKind } from './value-kinds';
import { formulaErrorCodes, isFormulaDate, isFormulaError, type FormulaValue } from './values';

const fields: { id: string; name: string; kind: ValueKind }[] = [
  { id: 'fld_text000000000000', name: 'Name', kind: 'text' },
  { id: 'fld_number0000000000', name: 'Price', kind: 'number' },
  { id: 'fld_date000000000000', name: 'Due', kind: 'date' },
  { id: 'fld_check00000000000', name: 'Done', kind: 'boolean' },
  { id: 'fld_tags000000000000', name: 'Tags', kind: { list: 'text' } },
  { id: 'fld_amounts000000000', name: 'Amounts', kind: { list: 'number' } },
  { id: 'fld_visits0000000000', name: 'Visits', kind: { list: 'date' } },
  { id: 'fld_odd0000000000000', name: 'Cost }net\\', kind: 'any' },
  { id: 'fld_dept000000000000', name: '科室', kind: 'text' },
];
const resolver = formulaResolverForFields(fields);
const refNames = [...fields.map((field) => field.name), 'constructor', '__proto__', 'Missing'];
const callNames = [...formulaFunctionNames, 'CONSTRUCTOR', '__PROTO__', 'PROCESS', 'REQUIRE', 'GLOBALTHIS', 'NOPE'];
const interestingText = ['', ' ', '"', "'", '\\', '\n', '口腔科', '😀', 'days', 'months', 'M', 'YYYY-MM-DD', 'LLLL', '2026-03-05', '3/5/2026', '>5', '<>x', '王*', '(a+)+b', '\\d+', '$1', 'Asia/Shanghai', 'Monday', 'YD', '1,234', '50%'];

const numberLeaf = fc.oneof(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 0, max: 1e300, noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)));
const textLeaf = fc.oneof(fc.constantFrom(...interestingText), fc.string({ maxLength: 12 }), fc.string({ unit: 'binary', maxLength: 6 }));
const at = { start: 0, end: 0 };

const { node: treeArbitrary } = fc.letrec<{ node: FormulaNode; leaf: FormulaNode; unary: FormulaNode; binary: FormulaNode; call: FormulaNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('leaf'), tie('unary'), tie('binary'), tie('call'), tie('call')),
  leaf: fc.oneof(
    numberLeaf.map((value): FormulaNode => ({ kind: 'number', value, ...at })),
    textLeaf.map((value): FormulaNode => ({ kind: 'text', value, ...at })),
    fc.boolean().map((value): FormulaNode => ({ kind: 'boolean', value, ...at })),
    fc.constantFrom(...refNames).map((ref): FormulaNode => ({ kind: 'field', ref, ...at })),
  ),
  unary: fc.record({ operator: fc.constantFrom('-' as const, '+' as const), operand: tie('node') }).map(({ operator, operand }): FormulaNode => ({ kind: 'unary', operator, operand, ...at })),
  binary: fc
    .record({ operator: fc.constantFrom<BinaryOperator>(...binaryOperators), left: tie('node'), right: tie('node') })
    .map(({ operator, left, right }): FormulaNode => ({ kind: 'binary', operator, left, right, ...at })),
  call: fc.record({ name: fc.constantFrom(...callNames), args: fc.array(tie('node'), { maxLength: 4 }) }).map(({ name, args }): FormulaNode => ({ kind: 'call', name, args, ...at })),
}));

const isoDate = fc.date({ min: new Date('1900-01-01T00:00:00Z'), max: new Date('2200-12-31T00:00:00Z'), noInvalidDate: true });
const cellValue = (kind: ValueKind): fc.Arbitrary<unknown> => {
  if (typeof kind === 'object') return fc.array(cellValue(kind.list), { maxLength: 6 });
  if (kind === 'number') return fc.oneof(fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }));
  if (kind === 'date') return fc.oneof(isoDate.map((d) => d.toISOString()), isoDate.map((d) => d.toISOString().slice(0, 10)));
  if (kind === 'boolean') return fc.boolean();
  return fc.oneof(textLeaf, fc.integer(), fc.constant(null));
};
const recordArbitrary = fc.record(Object.fromEntries(fields.map((field) => [field.id, fc.option(cellValue(field.kind))]))) as fc.Arbitrary<Record<string, unknown>>;
const settingsArbitrary = fc.record({
  timeZone: fc.constantFrom('Asia/Shanghai', 'America/New_York', 'UTC', 'Pacific/Kiritimati'),
  now: fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2100-01-01T00:00:00Z'), noInvalidDate: true }),
});

/** Tree shape without positions. */
function shape(node: FormulaNode): unknown {
  if (node.kind === 'unary') return [node.operator, shape(node.operand)];
  if (node.kind === 'binary') return [shape(node.left), node.operator, shape(node.right)];
  if (node.kind === 'call') return [node.name, node.args.map(shape)];
  return [node.kind, node.kind === 'field' ? node.ref : node.value];
}

function isWellFormed(value: FormulaValue): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isWellFormed);
  if (isFormulaDate(value)) return Number.isFinite(value.millis);
  if (isFormulaError(value)) return formulaErrorCodes.includes(value.error) && typeof value.reason === 'string';
  return false;
}

function expectSoundEvaluation(result: FormulaEvaluation): void {
  expect(isWellFormed(result.value)).toBe(true);
  expect(result.steps).toBeLessThanOrEqual(formulaLimits.stepBudget);
  if (isFormulaError(result.value)) expect(result.value.reason).not.toMatch(/internal error/);
}

function expectOnlyInvalidFormula(error: unknown, text: string): void {
  expect(error).toBeInstanceOf(EngineError);
  expect((error as EngineError).code).toBe('INVALID_FORMULA');
  const position = (error as EngineError).details.position;
  expect(typeof position === 'number' && position >= 0 && position <= Math.max(text.length, formulaLimits.maxLength)).toBe(true);
}

const formulaTokens = ['(', ')', ',', '{', '}', '"', "'", '\\', ' ', '-', '+', '*', '/', '&', '=', '!=', '<', '>', '<=', '>=', '<>', '1', '0.5', '1e3', 'Name', '{Price}', '{科室}', 'TRUE', 'IF', 'SUM', 'DATEADD', 'REGEX_MATCH', '"days"', '（', '，', '“', '口', '😀', '\n', '.', 'constructor', '__proto__'];

describe('formula grammar fuzz', () => {
  it('round-trips printed random trees, refuses only with INVALID_FORMULA, and evaluates them soundly', () => {
    fc.assert(
      fc.property(treeArbitrary, recordArbitrary, settingsArbitrary, (tree, values, settings) => {
        const text = printFormula(tree);
        const reparsed = parseFormula(text);
        expect(shape(reparsed)).toEqual(shape(tree));
        // Unchecked: every function, arity and reference mistake surfaces as an error value.
        const byName = Object.fromEntries(fields.map((field) => [field.name, values[field.id]]));
        expectSoundEvaluation(evaluateFormula(reparsed, { values: byName, recordId: 'rec_fuzz', ...settings }));
        let compiled;
        try {
          compiled = prepareFormula(text, resolver).compiled;
        } catch (error) {
          expectOnlyInvalidFormula(error, text);
          return;
        }
        expectSoundEvaluation(evaluateFormula(compiled, { values, recordId: 'rec_fuzz', createdTime: settings.now, lastModifiedTime: settings.now, ...settings }));
      }),
      { numRuns: 10_000 },
    );
  });

  it('parses random token soup and random strings without throwing anything but INVALID_FORMULA', () => {
    const soup = fc.oneof(
      fc.array(fc.constantFrom(...formulaTokens), { maxLength: 30 }).map((tokens) => tokens.join('')),
      fc.string({ maxLength: 40 }),
      fc.string({ unit: 'binary', maxLength: 40 }),
    );
    fc.assert(
      fc.property(soup, settingsArbitrary, (text, settings) => {
        let tree: FormulaNode;
        try {
          tree = parseFormula(text);
        } catch (error) {
          expectOnlyInvalidFormula(error, text);
          return;
        }
        expectSoundEvaluation(evaluateFormula(tree, { values: { Name: 'x', Price: 3 }, recordId: 'rec_fuzz', ...settings }));
      }),
      { numRuns: 6_000 },
    );
  });
});
