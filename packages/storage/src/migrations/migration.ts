/** A numbered, frozen step of the meta schema. Never edit one that has shipped: add the next. */
import type { Kysely } from 'kysely';
import type { SqlDialect } from '../dialects/dialect';

export interface Migration {
  version: number;
  name: string;
  /** Runs inside the migration's transaction. */
  up(db: Kysely<any>, dialect: SqlDialect): Promise<void>;
}
