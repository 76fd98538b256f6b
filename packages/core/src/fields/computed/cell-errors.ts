/**
 * Error values in computed cells. A formula or rollup that fails for one record stores
 * `{ error, reason }` in that cell (the formula language's error codes: `#ERROR`, `#DIV/0`,
 * `#VALUE`, `#NUM`, `#LIMIT`) — shown as such, never a failed request. Storage keeps these in a
 * companion column (FieldStorage `errors`), so filters and sorts see an error cell as empty.
 */
import { Type } from '@sinclair/typebox';
import { formulaErrorCodes, type FormulaErrorCode } from '../../formula/values';

export interface CellError {
  error: FormulaErrorCode;
  reason: string;
}

export const CellErrorSchema = Type.Object(
  {
    error: Type.Union(formulaErrorCodes.map((code) => Type.Literal(code))),
    reason: Type.String(),
  },
  { additionalProperties: false, description: 'The formula failed for this record' },
);

export function cellError(error: FormulaErrorCode, reason: string): CellError {
  return { error, reason };
}

/** True for a stored error value `{ error, reason }` (exactly those two keys, a known code). */
export function isCellError(value: unknown): value is CellError {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  const { error, reason } = value as Record<string, unknown>;
  return (
    keys.length === 2 &&
    typeof reason === 'string' &&
    typeof error === 'string' &&
    (formulaErrorCodes as readonly string[]).includes(error)
  );
}

/** The text a cell shows for an error: its code, e.g. `#DIV/0`. */
export function errorText(value: CellError): string {
  return value.error;
}
