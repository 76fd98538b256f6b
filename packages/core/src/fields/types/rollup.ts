/**
 * Rollup: an aggregate of a field's values through a link. Options: `linkFieldId`,
 * `targetFieldId`, `filter` (as a lookup's), `aggregation`, and for `aggregation: 'formula'` a
 * `formula` over `values` (`SUM(values) * 2`; stored as `SUM({values}) * 2`), plus the result kind
 * the server infers and the display options that follow it (as a formula's).
 *
 * Every aggregation is a formula of the formula language over `values` — the target's values of
 * the matching linked records, list values flattened, blanks kept (COUNTALL counts them) — so
 * rollups and formulas agree on every conversion: count → COUNT, counta → COUNTA, countall →
 * COUNTALL, sum → SUM, average → AVERAGE, min/earliest → MIN, max/latest → MAX, and → AND, or →
 * OR, xor → XOR, arrayjoin → ARRAYJOIN, arrayunique → ARRAYUNIQUE, arraycompact → ARRAYCOMPACT.
 * With no values at all, average, min, max, earliest, latest, and, or and xor are empty (not an
 * error or zero); counts are 0 and sum is 0. Arithmetic and logic over a value that is itself an
 * error (a failed formula) give that error; a failure is an error value in the cell. Every linked
 * value is aggregated, however many there are (the formula limits bound what the formula builds).
 *
 * After some linked records changed, counts, sum, min/max and and/or can often follow from the
 * stored value and those records alone (`update`, ../computed/rollup-updates.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import { EngineError } from '../../errors';
import { compileFormula, prepareFormula, type CompiledFormula } from '../../formula/compile';
import { evaluateFormula } from '../../formula/evaluator';
import { formulaLimits } from '../../formula/limits';
import { toDisplayFormula, type FormulaReferenceResolver } from '../../formula/references';
import { listKindOf, type ValueKind } from '../../formula/value-kinds';
import { cellError, isCellError } from '../computed/cell-errors';
import { fillingProperty, refreshedAtProperty } from '../computed/computed-state';
import { conditionReadsClock, linkedSource, type LinkSourceOptions } from '../computed/linked-records';
import { linkSourceProperties, prepareLinkSource, prepareTarget } from '../computed/link-source';
import type { ComputedPrepareContext } from '../computed/prepare-context';
import {
  resultDisplayProperties,
  resultKindOf,
  resultKinds,
  resultToCell,
  resultTypedMembers,
} from '../computed/result-kinds';
import type { Field } from '../field';
import type { ComputeContext, ComputedRecord, FieldComputer, FieldTypeDefinition } from '../field-type';
import { fieldValueKind, formulaInputOf } from '../value-kinds';
import { updateRollupValue } from '../computed/rollup-updates';
import { computedResultOperators, formulaIsTimeDependent } from './formula';

export const rollupAggregations = [
  'count',
  'counta',
  'countall',
  'sum',
  'average',
  'min',
  'max',
  'and',
  'or',
  'xor',
  'arrayjoin',
  'arrayunique',
  'arraycompact',
  'earliest',
  'latest',
  'formula',
] as const;
export type RollupAggregation = (typeof rollupAggregations)[number];

const aggregationFormulas: Readonly<Record<Exclude<RollupAggregation, 'formula'>, string>> = {
  count: 'COUNT({values})',
  counta: 'COUNTA({values})',
  countall: 'COUNTALL({values})',
  sum: 'SUM({values})',
  average: 'AVERAGE({values})',
  min: 'MIN({values})',
  max: 'MAX({values})',
  and: 'AND({values})',
  or: 'OR({values})',
  xor: 'XOR({values})',
  arrayjoin: 'ARRAYJOIN({values})',
  arrayunique: 'ARRAYUNIQUE({values})',
  arraycompact: 'ARRAYCOMPACT({values})',
  earliest: 'MIN({values})',
  latest: 'MAX({values})',
};

/** Aggregations that are empty, not zero or an error, when there is nothing to aggregate. */
const emptyWithoutValues: ReadonlySet<RollupAggregation> = new Set(['average', 'min', 'max', 'earliest', 'latest', 'and', 'or', 'xor']);

/** Arithmetic and logic over values fail when a value is an error (a failed formula), as in Airtable. */
const propagatesErrors: ReadonlySet<RollupAggregation> = new Set(['sum', 'average', 'min', 'max', 'earliest', 'latest', 'and', 'or', 'xor']);

const optionsSchema = Type.Object(
  {
    ...linkSourceProperties,
    targetFieldId: Type.String({ default: '', description: 'The field of the linked table to aggregate (id, or exact name on input)' }),
    aggregation: Type.Union(
      rollupAggregations.map((name) => Type.Literal(name)),
      { default: 'sum' },
    ),
    formula: Type.String({ default: '', maxLength: formulaLimits.maxLength, description: "With aggregation 'formula': a formula over values, e.g. SUM(values) * 2" }),
    resultKind: Type.Union(
      resultKinds.map((kind) => Type.Literal(kind)),
      { default: 'number', description: 'Inferred when the field is saved (read-only)' },
    ),
    ...resultDisplayProperties,
    ...fillingProperty,
    ...refreshedAtProperty,
  },
  { additionalProperties: false },
);

export type RollupOptions = Static<typeof optionsSchema>;

/** The reference a rollup formula reads. */
export const rollupValuesReference = 'values';

function valuesResolver(kind: ValueKind): FormulaReferenceResolver {
  return {
    idOfName: (name) => (name === rollupValuesReference ? rollupValuesReference : undefined),
    nameOfId: (id) => (id === rollupValuesReference ? rollupValuesReference : undefined),
    kindOf: (id) => (id === rollupValuesReference ? kind : undefined),
  };
}

/** The kind of `values`: a list of the target's (innermost) value kind. */
function valuesKind(target: Pick<Field, 'type' | 'options'>): ValueKind {
  let kind = fieldValueKind(target);
  while (typeof kind === 'object') kind = kind.list;
  return listKindOf(kind);
}

/** The stored formula the rollup evaluates. */
export function rollupFormulaText(options: Pick<RollupOptions, 'aggregation' | 'formula'>): string {
  return options.aggregation === 'formula' ? options.formula : aggregationFormulas[options.aggregation];
}

/** The rollup formula as people read it (`values`, not `{values}`). */
export function rollupFormulaDisplayText(options: Pick<RollupOptions, 'formula'>): string {
  try {
    return toDisplayFormula(options.formula, valuesResolver('any')).replaceAll(`{${rollupValuesReference}}`, rollupValuesReference);
  } catch {
    return options.formula;
  }
}

export function prepareRollupOptions(options: Record<string, unknown>, ctx: ComputedPrepareContext): Record<string, unknown> {
  const source = prepareLinkSource(options, ctx);
  const target = prepareTarget(options, source);
  const aggregation = options.aggregation as RollupAggregation;
  const resolver = valuesResolver(valuesKind(target));
  let formula = '';
  let compiled: CompiledFormula;
  if (aggregation === 'formula') {
    const text = typeof options.formula === 'string' ? options.formula : '';
    if (text.trim() === '') {
      throw new EngineError('INVALID_FORMULA', 'Enter a formula over values, e.g. SUM(values) (at character 1)', { position: 0, path: 'options.formula' });
    }
    ({ stored: formula, compiled } = prepareFormula(text, resolver));
  } else {
    compiled = compileFormula(aggregationFormulas[aggregation], resolver);
  }
  return {
    ...options,
    linkFieldId: source.link.id,
    targetFieldId: target.id,
    filter: source.filter,
    formula,
    resultKind: resultKindOf(compiled.resultKind),
  };
}

function rollupComputer(field: Field<RollupOptions>, ctx: ComputeContext): FieldComputer {
  const options = field.options;
  const source = linkedSource(field, options as LinkSourceOptions, ctx);
  const target = source.linkedFields.get(options.targetFieldId);
  let problem = source.problem ?? (target ? undefined : `the rolled-up field ${options.targetFieldId} of "${field.name}" no longer exists`);
  let compiled: CompiledFormula | undefined;
  if (problem === undefined && target) {
    try {
      compiled = compileFormula(rollupFormulaText(options), valuesResolver(valuesKind(target)));
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
    }
  }
  if (!compiled || !target) return { dependencies: [], compute: () => cellError('#ERROR', problem ?? 'the rollup cannot be computed') };
  const formula = compiled;
  const settings = { timeZone: ctx.timeZone, now: ctx.now };
  const kind = valuesKind(target);
  /** The target's values of one linked record, as `values` holds them (lists flattened). */
  const valuesOfRecord = (record: ComputedRecord): unknown[] => {
    const value = formulaInputOf(target, record.values[target.id] ?? null, ctx.format);
    return Array.isArray(value) ? value : [value];
  };
  const evaluate = (values: unknown[], record: ComputedRecord) =>
    evaluateFormula(formula, {
      values: { [rollupValuesReference]: values },
      recordId: record.id,
      createdTime: record.createdTime,
      lastModifiedTime: record.modifiedTime,
      now: ctx.now,
      timeZone: ctx.timeZone,
      // Every linked value is read, however many: the limits bound what the formula builds.
      inputListLimit: values.length,
      stepBudget: formulaLimits.stepBudget + 2 * values.length,
    }).value;
  return {
    dependencies: source.dependencies(target.id),
    compute(input) {
      const values = source.records(input).flatMap(valuesOfRecord);
      if (emptyWithoutValues.has(options.aggregation) && values.every((value) => value === null || value === '')) return null;
      const failed = propagatesErrors.has(options.aggregation) ? values.find(isCellError) : undefined;
      if (failed) return failed;
      return resultToCell(evaluate(values, input.record), options.resultKind, settings);
    },
    update({ record, current, changes }) {
      const removed: unknown[][] = [];
      const added: unknown[][] = [];
      for (const change of changes) {
        if (change.linkFieldId !== source.link?.id) continue;
        if (change.before && source.matches(change.before)) removed.push(valuesOfRecord(change.before));
        if (change.after && source.matches(change.after)) added.push(valuesOfRecord(change.after));
      }
      const context = { aggregation: options.aggregation, valuesKind: kind, settings, evaluate: (values: unknown[]) => evaluate(values, record) };
      const updated = updateRollupValue(context, current, removed, added);
      return updated && { value: resultToCell(updated.value, options.resultKind, settings) };
    },
  };
}

export const rollup: FieldTypeDefinition<RollupOptions, unknown> = {
  type: 'rollup',
  optionsSchema,
  ...resultTypedMembers<RollupOptions>(),
  operators: computedResultOperators,
  computer: rollupComputer,
  readsClock: (field, fields) => conditionReadsClock(field.options as LinkSourceOptions, fields) || formulaIsTimeDependent({ formula: rollupFormulaText(field.options) }),
};
