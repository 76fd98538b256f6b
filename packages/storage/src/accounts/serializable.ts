/**
 * Check-then-write steps that must hold under concurrency (only one instance owner, never
 * zero base owners) run here: SERIALIZABLE on PostgreSQL, retried on serialization failures
 * and deadlocks; on SQLite kysely's single connection already runs transactions one at a time.
 * Also classifies driver errors the account and base repositories need to tell apart.
 */
import type { Database, Trx } from '../database';

const maxAttempts = 5;

/** PostgreSQL 40001/40P01, or SQLITE_BUSY: the transaction lost a race and may be retried. */
export function isRetryableConflict(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '40001' || code === '40P01' || code === 'SQLITE_BUSY';
}

/** A UNIQUE or PRIMARY KEY constraint refused the write. */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/**
 * Runs `work` in a SERIALIZABLE transaction, retrying (jittered) when it loses a race.
 * `work` may run more than once, so it must do nothing but database work.
 */
export async function serializable<T>(database: Database, work: (trx: Trx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await database.db.transaction().setIsolationLevel('serializable').execute(work);
    } catch (error) {
      if (!isRetryableConflict(error) || attempt >= maxAttempts) throw error;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}
