/**
 * All formula functions, by upper-case name, in one prototype-free table. Lookups go through
 * `lookupFormulaFunction`, which checks own properties only, so names like `constructor`, `__proto__`
 * or `toString` never reach anything but "unknown function".
 */
import { arrayFunctions } from './array';
import { dateFunctions } from './date';
import type { FormulaFunction, FunctionTable } from './function-definition';
import { logicalFunctions } from './logical';
import { numericFunctions } from './numeric';
import { recordFunctions } from './record';
import { textFunctions } from './text';

export const functionCategories = {
  text: textFunctions,
  numeric: numericFunctions,
  logical: logicalFunctions,
  date: dateFunctions,
  array: arrayFunctions,
  record: recordFunctions,
} as const satisfies Readonly<Record<string, FunctionTable>>;

export type FunctionCategory = keyof typeof functionCategories;

const table: Record<string, FormulaFunction> = Object.create(null);
for (const functions of Object.values(functionCategories)) {
  for (const [name, definition] of Object.entries(functions)) table[name] = definition;
}

/** Every function name, sorted. */
export const formulaFunctionNames: readonly string[] = Object.freeze(Object.keys(table).sort());

/** The function called `name` (any case), or undefined. */
export function lookupFormulaFunction(name: string): FormulaFunction | undefined {
  const key = name.toUpperCase();
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
