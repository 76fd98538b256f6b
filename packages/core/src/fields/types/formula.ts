/**
 * Formula. Options: `formula`, the formula text stored with field ids (`{fld_…} * 2`, shown with
 * names by `toDisplayFormula`); `resultKind`, inferred by the checker when the field is saved;
 * display options that follow it (precision and number format for numbers; date and time
 * formats, `includeTime` and `timeZone` for dates); server state (`filling`, `refreshedAt` — the
 * last refresh of a formula that reads TODAY() or NOW()).
 *
 * Value: the result, materialized in a column of the result kind (see ../computed/result-kinds.ts),
 * or `{ error, reason }` when the formula fails for that record. Read-only.
 *
 * The computer compiles the stored formula once per field and evaluates it per record with the
 * referenced cells as formulas read them (../value-kinds.ts). It reads only fields of its own
 * record (`sameRecord`); LAST_MODIFIED_TIME() reads every stored field of the record. A formula
 * whose referenced field was deleted keeps its text and gives an error value in every cell.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Dependency } from '../../computed/dependency';
import { EngineError } from '../../errors';
import { isTimeDependent, referencedFieldIds } from '../../formula/analysis';
import { allNodes } from '../../formula/ast';
import { compileFormula, prepareFormula, type CompiledFormula } from '../../formula/compile';
import { evaluateFormula } from '../../formula/evaluator';
import { formulaLimits } from '../../formula/limits';
import { parseFormula } from '../../formula/parser';
import { toDisplayFormula, type FormulaReferenceResolver } from '../../formula/references';
import type { OperatorKey } from '../../filters/operator-keys';
import { cellError } from '../computed/cell-errors';
import { fillingProperty, refreshedAtProperty } from '../computed/computed-state';
import type { ComputedPrepareContext } from '../computed/prepare-context';
import {
  resultDisplayProperties,
  resultKindOf,
  resultKinds,
  resultToCell,
  resultTypedMembers,
} from '../computed/result-kinds';
import type { Field } from '../field';
import type { ComputeContext, FieldComputer, FieldTypeDefinition } from '../field-type';
import { getFieldType } from '../registry';
import { fieldValueKind, formulaInputOf } from '../value-kinds';

const optionsSchema = Type.Object(
  {
    formula: Type.String({ default: '', maxLength: formulaLimits.maxLength, description: 'Formula text; stored with field ids ({fld_…})' }),
    resultKind: Type.Union(
      resultKinds.map((kind) => Type.Literal(kind)),
      { default: 'text', description: 'Inferred from the formula when the field is saved (read-only)' },
    ),
    ...resultDisplayProperties,
    ...fillingProperty,
    ...refreshedAtProperty,
  },
  { additionalProperties: false },
);

export type FormulaOptions = Static<typeof optionsSchema>;

/** Every operator some result kind can use; the result kind's query profile decides which apply. */
export const computedResultOperators: readonly OperatorKey[] = [
  'is',
  'isNot',
  'contains',
  'doesNotContain',
  'isGreater',
  'isGreaterEqual',
  'isLess',
  'isLessEqual',
  'isBefore',
  'isAfter',
  'isOnOrBefore',
  'isOnOrAfter',
  'isWithin',
  'hasAnyOf',
  'hasAllOf',
  'hasNoneOf',
  'isExactly',
  'isEmpty',
  'isNotEmpty',
];

/** Formula references resolve to fields of the formula's own table, by exact name or by id. */
export function formulaResolver(tableId: string, fields: ReadonlyMap<string, Field>, self?: { id: string; name: string }): FormulaReferenceResolver {
  const own = [...fields.values()].filter((field) => field.tableId === tableId && field.id !== self?.id);
  return {
    idOfName: (name) => (self && (name === self.name || name === self.id) ? self.id : (own.find((f) => f.id === name) ?? own.find((f) => f.name === name))?.id),
    nameOfId: (id) => (self?.id === id ? self.name : own.find((f) => f.id === id)?.name),
    kindOf: (id) => {
      if (self?.id === id) return 'any';
      const field = own.find((f) => f.id === id);
      return field ? fieldValueKind(field) : undefined;
    },
  };
}

/** True when the formula reads the clock (TODAY, NOW): the server refreshes it on a schedule. */
export function formulaIsTimeDependent(options: Pick<FormulaOptions, 'formula'>): boolean {
  try {
    return isTimeDependent(parseFormula(options.formula));
  } catch {
    return false;
  }
}

/** The formula as people read it: field ids replaced by the current names. */
export function formulaDisplayText(field: Pick<Field, 'tableId'> & { options: { formula?: unknown } }, fields: ReadonlyMap<string, Field>): string {
  const stored = typeof field.options.formula === 'string' ? field.options.formula : '';
  try {
    return toDisplayFormula(stored, formulaResolver(field.tableId, fields));
  } catch {
    return stored;
  }
}

/**
 * Save-time preparation: formula text with names or ids → stored with ids, checked (syntax and
 * type errors are INVALID_FORMULA naming the character), result kind inferred.
 */
export function prepareFormulaOptions(options: Record<string, unknown>, ctx: ComputedPrepareContext): Record<string, unknown> {
  const text = typeof options.formula === 'string' ? options.formula : '';
  if (text.trim() === '') throw new EngineError('INVALID_FORMULA', 'Enter a formula (at character 1)', { position: 0, path: 'options.formula' });
  const { stored, compiled } = prepareFormula(text, formulaResolver(ctx.field.tableId, ctx.fields, ctx.field));
  return { ...options, formula: stored, resultKind: resultKindOf(compiled.resultKind) };
}

/** True when the formula calls LAST_MODIFIED_TIME() without fields: it reads every change of the record. */
function readsRecordChanges(compiled: CompiledFormula): boolean {
  return allNodes(compiled.ast).some((node) => node.kind === 'call' && node.name === 'LAST_MODIFIED_TIME' && node.args.length === 0);
}

function formulaComputer(field: Field<FormulaOptions>, ctx: ComputeContext): FieldComputer {
  const options = field.options;
  const sameTable = (id: string) => {
    const found = ctx.fields.get(id);
    return found && found.tableId === field.tableId ? found : undefined; // itself too: the cycle check then names it
  };
  let compiled: CompiledFormula | undefined;
  let problem: string | undefined;
  try {
    const missing = referencedFieldIds(parseFormula(options.formula)).filter((id) => !sameTable(id));
    if (missing.length > 0) problem = `the formula refers to a field that no longer exists (${missing.join(', ')})`;
    else compiled = compileFormula(options.formula, { kindOf: (id) => (sameTable(id) ? fieldValueKind(sameTable(id)!) : undefined) });
  } catch (error) {
    problem = error instanceof Error ? error.message : String(error);
  }
  if (!compiled) return { dependencies: [], compute: () => cellError('#ERROR', problem ?? 'the formula cannot be read') };

  const formula = compiled;
  const referenced = formula.referencedFieldIds.map((id) => sameTable(id)!);
  const dependencies: Dependency[] = referenced.map((ref) => ({ kind: 'sameRecord', fieldId: ref.id }));
  if (readsRecordChanges(formula)) {
    for (const other of ctx.fields.values()) {
      const type = getFieldType(other.type);
      if (other.tableId === field.tableId && type.writable && !type.computer && !referenced.includes(other)) {
        dependencies.push({ kind: 'sameRecord', fieldId: other.id });
      }
    }
  }
  const settings = { timeZone: ctx.timeZone, now: ctx.now };
  return {
    dependencies,
    compute({ record }) {
      const values: Record<string, unknown> = {};
      for (const ref of referenced) values[ref.id] = formulaInputOf(ref, record.values[ref.id] ?? null, ctx.format);
      const { value } = evaluateFormula(formula, {
        values,
        recordId: record.id,
        createdTime: record.createdTime,
        lastModifiedTime: record.modifiedTime,
        now: ctx.now,
        timeZone: ctx.timeZone,
      });
      return resultToCell(value, options.resultKind, settings);
    },
  };
}

export const formula: FieldTypeDefinition<FormulaOptions, unknown> = {
  type: 'formula',
  optionsSchema,
  ...resultTypedMembers<FormulaOptions>(),
  operators: computedResultOperators,
  computer: formulaComputer,
  readsClock: (field) => formulaIsTimeDependent(field.options),
};
