/**
 * Display names are unique per parent (tables per base, fields and views per table). A check
 * before the write gives the friendly error; the unique constraint catches the concurrent race,
 * and its violation is reported the same way.
 */
import { EngineError } from '@multitable/core';
import type { SqlDialect } from '../dialects/dialect';

export function nameTaken(noun: string, name: string, parent: Record<string, string>): EngineError {
  return new EngineError('NAME_TAKEN', `A ${noun} named "${name}" already exists`, { name, ...parent });
}

/** Runs `write`; a unique violation it raises becomes `taken()`. */
export async function withNameGuard<T>(dialect: SqlDialect, taken: () => EngineError, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (dialect.isUniqueViolation(error)) throw taken();
    throw error;
  }
}
