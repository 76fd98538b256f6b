/**
 * The one table from engine error codes to HTTP statuses. Typed as a complete record, so a
 * code added to packages/core/src/errors.ts without a status here fails to compile.
 */
import type { ErrorCode } from '@multitable/core';

export const errorStatuses: Record<ErrorCode, number> = {
  VALIDATION_FAILED: 400,
  INVALID_CELL_VALUE: 400,
  INVALID_FIELD_OPTIONS: 400,
  INVALID_FILTER: 400,
  INVALID_FORMULA: 400,
  UNKNOWN_FIELD: 400,
  READ_ONLY_FIELD: 400,
  JSON_TOO_DEEP: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  CSRF_FAILED: 403,
  NOT_FOUND: 404,
  NAME_TAKEN: 409,
  CONFLICT: 409,
  SETUP_ALREADY_DONE: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  SCHEMA_TOO_NEW: 503,
};
