/**
 * Engine errors: every refusal in Multitable is an EngineError with a stable string code.
 * The server maps codes to HTTP statuses in one table (apps/server/src/http/error-statuses.ts);
 * messages name the field, record or JSON path so the user can fix the input.
 */
export const errorCodes = [
  'VALIDATION_FAILED', // request body or query does not match its schema
  'INVALID_CELL_VALUE', // a cell value cannot be stored in its field
  'INVALID_FIELD_OPTIONS', // field options do not match the type's options schema
  'INVALID_FILTER', // a filter or sort is malformed (bad operator, bad operand)
  'INVALID_FORMULA', // a formula has a syntax or type error; details.position is the 0-based offset
  'UNKNOWN_FIELD', // no such field — also what a field the caller cannot read looks like
  'READ_ONLY_FIELD', // a computed or system field was written
  'NOT_FOUND',
  'NAME_TAKEN', // names are unique per parent
  'CONFLICT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'CSRF_FAILED',
  'RATE_LIMITED',
  'PAYLOAD_TOO_LARGE',
  'JSON_TOO_DEEP',
  'UNSUPPORTED_MEDIA_TYPE',
  'SETUP_ALREADY_DONE',
  'SCHEMA_TOO_NEW',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** Structured context: which field, record, JSON path or value caused the refusal. */
export type ErrorDetails = Record<string, unknown>;

export class EngineError extends Error {
  override readonly name = 'EngineError';
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: ErrorDetails = {},
  ) {
    super(message);
  }
}

export function isEngineError(error: unknown): error is EngineError {
  return error instanceof EngineError;
}
