/** Every meta-schema migration, in order. Append only. */
import type { Migration } from './migration';
import { initialMigration } from './0001-initial';

export const migrations: readonly Migration[] = [initialMigration];
