/**
 * Test support for formula tests: run display-form formulas against a record described by field
 * name, through the real path (prepareFormula → evaluateFormula). Imported only
 * by tests. Defaults: base zone Asia/Shanghai, now 2026-03-05T04:00:00Z (noon in Shanghai).
 */
import { prepareFormula } from './compile';
import { evaluateFormula, type FormulaEvaluation, type FormulaMoment } from './evaluator';
import { formulaResolverForFields, type FormulaReferenceResolver } from './references';
import type { ValueKind } from './value-kinds';
import { formulaValueToCell, type FormulaCellValue } from './values';

export interface TestField {
  kind: ValueKind;
  value?: unknown;
}

export interface RunOptions {
  fields?: Record<string, TestField>;
  timeZone?: string;
  now?: string;
  recordId?: string;
  createdTime?: FormulaMoment;
  lastModifiedTime?: FormulaMoment;
  /** Per-field change times by field name. */
  fieldModifiedTimes?: Record<string, FormulaMoment>;
  stepBudget?: number;
}

export const defaultNow = '2026-03-05T04:00:00.000Z';

/** Field ids for test fields: `fld_` + the field's position, padded to 16 characters. */
export function testFieldId(index: number): string {
  return `fld_${String(index).padStart(16, '0')}`;
}

export function testResolver(fields: Record<string, TestField> = {}): FormulaReferenceResolver {
  return formulaResolverForFields(Object.entries(fields).map(([name, field], index) => ({ id: testFieldId(index), name, kind: field.kind })));
}

export function evaluate(text: string, options: RunOptions = {}): FormulaEvaluation {
  const fields = options.fields ?? {};
  const resolver = testResolver(fields);
  const { compiled } = prepareFormula(text, resolver);
  const byId = (entries: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(entries).map(([name, value]) => [resolver.idOfName(name)!, value]));
  return evaluateFormula(compiled, {
    values: byId(Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.value ?? null]))),
    recordId: options.recordId ?? 'rec_0000000000000001',
    now: new Date(options.now ?? defaultNow),
    timeZone: options.timeZone ?? 'Asia/Shanghai',
    ...(options.createdTime === undefined ? {} : { createdTime: options.createdTime }),
    ...(options.lastModifiedTime === undefined ? {} : { lastModifiedTime: options.lastModifiedTime }),
    ...(options.fieldModifiedTimes === undefined ? {} : { fieldModifiedTimes: byId(options.fieldModifiedTimes) as Record<string, FormulaMoment> }),
    ...(options.stepBudget === undefined ? {} : { stepBudget: options.stepBudget }),
  });
}

/** The result as cell JSON: dates as UTC instants, errors as `{ error, reason }`. */
export function run(text: string, options: RunOptions = {}): FormulaCellValue {
  return formulaValueToCell(evaluate(text, options).value);
}

/** The error code of a result, or undefined when it is not an error. */
export function errorOf(text: string, options: RunOptions = {}): string | undefined {
  const result = run(text, options);
  return typeof result === 'object' && result !== null && !Array.isArray(result) ? result.error : undefined;
}
