/**
 * The formula language: Airtable-compatible syntax, parsed by hand (no eval), checked at save
 * time, interpreted per record within work limits. Depends only on value kinds and the
 * FormulaReferenceResolver interface — never on field types; the formula field type imports
 * this module, not the reverse.
 *
 * Typical use by a formula field:
 *   const { stored, compiled } = prepareFormula(text, resolver); // on save; INVALID_FORMULA on errors
 *   const compiled = compileFormula(stored, resolver);   // later, from the stored text
 *   const { value } = evaluateFormula(compiled, { values, recordId, now, timeZone, … });
 *   cell = formulaValueToCell(value);
 *   shown = toDisplayFormula(stored, resolver);          // ids → current names
 */
export type { BinaryOperator, FormulaNode, UnaryOperator } from './ast';
export { isInvalidFormula } from './formula-error';
export { formulaLimits } from './limits';
export { parseFormula } from './parser';
export { printFormula, fieldReferenceText, formulaTextLiteral } from './printer';
export { toStoredFormula, toDisplayFormula, formulaResolverForFields, type FormulaReferenceResolver } from './references';
export { checkFormula, type FieldKindLookup } from './checker';
export { compileFormula, prepareFormula, type CompiledFormula } from './compile';
export { evaluateFormula, type EvaluationContext, type FormulaEvaluation, type FormulaMoment } from './evaluator';
export { referencedFieldIds, isTimeDependent } from './analysis';
export { toFormulaValue } from './inputs';
export { DecimalSum, decimalSum, sumIsExact } from './decimal-sum';
export { describeValueKind, listKindOf, isListKind, sameValueKind, unifyValueKinds, scalarValueKinds, type ValueKind, type ScalarKind } from './value-kinds';
export {
  formulaErrorCodes,
  formulaValueToCell,
  isFormulaDate,
  isFormulaError,
  type FormulaCellValue,
  type FormulaDate,
  type FormulaError,
  type FormulaErrorCode,
  type FormulaValue,
} from './values';
export { formulaFunctionNames, functionCategories, lookupFormulaFunction, type FunctionCategory } from './functions/registry';
export type { FormulaFunction, Parameter, ParameterKind } from './functions/function-definition';
