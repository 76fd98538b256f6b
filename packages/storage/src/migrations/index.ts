/** Every meta-schema migration, in order. Append only. */
import type { Migration } from './migration';
import { initialMigration } from './0001-initial';
import { metadataVersionsMigration } from './0002-metadata-versions';
import { customRolesMigration } from './0003-custom-roles';
import { commentsMigration } from './0004-comments';
import { viewSharingMigration } from './0005-view-sharing';
import { historyRecordCellsMigration } from './0006-history-record-cells';

export const migrations: readonly Migration[] = [initialMigration, metadataVersionsMigration, customRolesMigration, commentsMigration, viewSharingMigration, historyRecordCellsMigration];
