/**
 * The one way the formula module refuses a formula: EngineError('INVALID_FORMULA') naming the
 * character where the problem is. `position` is a 0-based UTF-16 offset into the formula text
 * (what an editor needs to underline it); the message says "at character N", counted from 1.
 */
import { EngineError, type ErrorDetails } from '../errors';

export function invalidFormula(message: string, position: number, details: ErrorDetails = {}): EngineError {
  return new EngineError('INVALID_FORMULA', `${message} (at character ${position + 1})`, { ...details, position });
}

/** True for the refusals this module throws. */
export function isInvalidFormula(error: unknown): error is EngineError {
  return error instanceof EngineError && error.code === 'INVALID_FORMULA';
}
