/**
 * The read every request starts with: its credentials (an API token or a session, by hash) with
 * their user, and — when the request names a base — the user's access to it (bases/member-access.ts),
 * one statement either way. Both statements are compiled once (physical/statement-template.ts).
 */
import type { SelectQueryBuilder } from 'kysely';
import type { Executor } from '../database';
import type { MetaSchema } from '../meta-schema';
import { memberAccessColumns, memberAccessOf, type MemberAccess, type MemberAccessRow } from '../bases/member-access';
import { statementTemplate } from '../physical/statement-template';

/** `read`: the credentials row with that hash, joined with `users`. */
export function credentialsRead<Row>(read: (db: Executor, hash: string) => SelectQueryBuilder<MetaSchema, 'users' | keyof MetaSchema, Row>) {
  const alone = statementTemplate(['hash'], (db, slot) => read(db, slot.hash));
  const withAccess = statementTemplate(['hash', 'baseId'], (db, slot) => read(db, slot.hash).select((eb) => memberAccessColumns(eb, slot.baseId)));
  return async (db: Executor, hash: string, baseId?: string): Promise<{ row: Row; access: MemberAccess | undefined } | undefined> => {
    if (baseId === undefined) {
      const [row] = await alone.run(db, { hash });
      return row && { row, access: undefined };
    }
    const [row] = await withAccess.run(db, { hash, baseId });
    return row && { row: row as Row, access: memberAccessOf(row as MemberAccessRow, baseId) };
  };
}
