/**
 * Live checking of a formula as it is typed, by core's own compiler over the table's fields —
 * the same check the server runs on save, so what passes here saves. A problem comes back with
 * core's message ("… (at character N)") and the 0-based offset an editor marks.
 */
import { EngineError, fieldValueKind, formulaResolverForFields, prepareFormula, type ValueKind } from '@multitable/core';
import type { ApiField } from '../../api/tables';

export type FormulaCheck = { ok: true; resultKind: ValueKind } | { ok: false; message: string; position: number | undefined };

/** Checks `text` against the table's `fields`, leaving out the formula's own field (`selfId`). */
export function checkFormulaText(text: string, fields: readonly ApiField[], selfId?: string): FormulaCheck {
  const resolver = formulaResolverForFields(fields.filter((field) => field.id !== selfId).map((field) => ({ id: field.id, name: field.name, kind: fieldValueKind(field) })));
  try {
    return { ok: true, resultKind: prepareFormula(text, resolver).compiled.resultKind };
  } catch (error) {
    if (!(error instanceof EngineError)) throw error;
    const position = error.details.position;
    return { ok: false, message: error.message, position: typeof position === 'number' ? position : undefined };
  }
}
